import type { DemographyPressure } from '@lis/contracts';
import { formatNumber, MISSING } from '../../../lib/format';
import { AMOUNT_UNIT, millions, signedPersons } from '../lib/amounts';

type Area = DemographyPressure['areas'][number];

const AMOUNT_TYPE = { actual: 'regnskab', original_budget: 'oprindeligt budget' } as const;

/** Where the unit costs come from, or why one is missing. */
function UnitCosts({ area }: { area: Area }) {
  const own = area.ownUnitCost;
  const bench = area.benchmarkUnitCost;
  return (
    <ul className="demography-inputs">
      <li>
        Funktioner: {area.functions.join(', ')}
        {!area.inTotal && ' · tælles ikke med i totalen'}
      </li>
      <li data-testid={`own-unit-cost-${area.id}`}>
        Egen enhedsudgift:{' '}
        {own
          ? `${formatNumber(own.unitCost, 0)} kr. pr. person (${formatNumber(own.spending / 1_000_000, 1)} mio. kr. ${AMOUNT_TYPE[own.amountType]} ${own.year} ÷ ${formatNumber(own.targetPopulation, 0)} personer)`
          : area.ownMissing}
      </li>
      <li>
        Benchmark:{' '}
        {bench ? `${formatNumber(bench.unitCost, 0)} kr. pr. person (${bench.methodName}, ${bench.year})` : area.benchmarkMissing}
      </li>
    </ul>
  );
}

/** One area's years: target population, change, the pressure at both unit costs, the budget. */
function AreaTable({ area }: { area: Area }) {
  return (
    <section className="demography-area" aria-labelledby={`area-${area.id}`} data-testid={`pressure-${area.id}`}>
      <h3 id={`area-${area.id}`}>
        {area.name} <span className="demography-kind">{area.ages}</span>
      </h3>
      <UnitCosts area={area} />
      <div className="table-scroll">
        <table className="data-table demography-table">
          <thead>
            <tr>
              <th scope="col">År</th>
              <th scope="col" className="num">
                Målgruppe (personer)
              </th>
              <th scope="col" className="num">
                Ændring (personer)
              </th>
              <th scope="col" className="num">
                Pres, egen enhedsudgift ({AMOUNT_UNIT})
              </th>
              <th scope="col" className="num">
                Pres, benchmark ({AMOUNT_UNIT})
              </th>
              <th scope="col" className="num">
                Budget ({AMOUNT_UNIT})
              </th>
            </tr>
          </thead>
          <tbody>
            {area.years.map((y) => (
              <tr key={y.year} data-testid={`pressure-${area.id}-${y.year}`}>
                <th scope="row">{y.year}</th>
                <td className="num">{formatNumber(y.targetPopulation, 0)}</td>
                <td className="num">{signedPersons(y.change)}</td>
                <td className="num" data-value={y.atOwnUnitCost ?? ''}>
                  {millions(y.atOwnUnitCost)}
                </td>
                <td className="num" data-value={y.atBenchmarkUnitCost ?? ''}>
                  {millions(y.atBenchmarkUnitCost)}
                </td>
                <td className="num">{y.budget === null ? MISSING : millions(y.budget)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The total of the areas counted in it, per year. */
function TotalTable({ pressure }: { pressure: DemographyPressure }) {
  return (
    <div className="table-scroll">
      <table className="data-table demography-table" data-testid="pressure-total">
        <caption>Demografisk pres i alt (områder, der tælles med), mod {pressure.currentYear}</caption>
        <thead>
          <tr>
            <th scope="col">År</th>
            <th scope="col" className="num">
              Egen enhedsudgift ({AMOUNT_UNIT})
            </th>
            <th scope="col" className="num">
              Benchmark ({AMOUNT_UNIT})
            </th>
          </tr>
        </thead>
        <tbody>
          {pressure.totals.map((t) => (
            <tr key={t.year} data-testid={`pressure-total-${t.year}`}>
              <th scope="row">{t.year}</th>
              <td className="num" data-value={t.atOwnUnitCost ?? ''}>
                {millions(t.atOwnUnitCost)}
              </td>
              <td className="num" data-value={t.atBenchmarkUnitCost ?? ''}>
                {millions(t.atBenchmarkUnitCost)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PressureTables({ pressure }: { pressure: DemographyPressure }) {
  return (
    <>
      <TotalTable pressure={pressure} />
      {pressure.areas.map((area) => (
        <AreaTable key={area.id} area={area} />
      ))}
    </>
  );
}
