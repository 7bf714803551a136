import type { Demography, DemographyPressure } from '@lis/contracts';
import type { ExportTable } from './table.ts';

const KIND = { actual: 'faktisk', forecast: 'prognose' } as const;
const AMOUNT_TYPE = { actual: 'regnskab', original_budget: 'oprindeligt budget' } as const;

/** Population by band per year, with the change against the current year. */
export function populationSheet(result: Demography): ExportTable {
  const persons = (header: string) => ({ header, kind: 'number' as const, decimals: 0 });
  return {
    title: 'Befolkning',
    columns: [
      { header: 'År', kind: 'text' },
      { header: 'Art', kind: 'text' },
      ...result.bands.map((b) => persons(`${b} år (personer)`)),
      persons('I alt (personer)'),
      ...result.bands.map((b) => persons(`Ændring ${b} år mod ${result.currentYear ?? ''} (personer)`)),
      persons(`Ændring i alt mod ${result.currentYear ?? ''} (personer)`),
    ],
    rows: result.years.map((y) => [
      String(y.year),
      y.kind === 'forecast' ? `${KIND.forecast} (${result.vintage ?? ''})` : KIND.actual,
      ...result.bands.map((b) => y.bands[b] ?? null),
      y.total,
      ...result.bands.map((b) => y.change[b] ?? null),
      y.totalChange,
    ]),
  };
}

/** The pressure with its inputs: one row per area and year, the unit costs, the notes. Full kroner. */
export function pressureSheets(pressure: DemographyPressure, population: Demography): ExportTable[] {
  const kr = (header: string) => ({ header, kind: 'number' as const, decimals: 0 });
  return [
    {
      title: 'Demografisk pres',
      columns: [
        { header: 'Område', kind: 'text' },
        { header: 'Målgruppe', kind: 'text' },
        { header: 'År', kind: 'text' },
        { header: 'Befolkningstal', kind: 'text' },
        kr('Målgruppe (personer)'),
        kr(`Ændring mod ${pressure.currentYear ?? ''} (personer)`),
        kr('Egen enhedsudgift (kr. pr. person)'),
        kr('Pres ved egen enhedsudgift (kr.)'),
        kr('Benchmark-enhedsudgift (kr. pr. person)'),
        kr('Pres ved benchmark-enhedsudgift (kr.)'),
        kr('Budget, oprindeligt (kr.)'),
        { header: 'Med i total', kind: 'text' },
      ],
      rows: pressure.areas.flatMap((a) =>
        a.years.map((y) => [
          a.name,
          a.ages,
          String(y.year),
          y.kind === null ? null : KIND[y.kind],
          y.targetPopulation,
          y.change,
          a.ownUnitCost?.unitCost ?? null,
          y.atOwnUnitCost,
          a.benchmarkUnitCost?.unitCost ?? null,
          y.atBenchmarkUnitCost,
          y.budget,
          a.inTotal ? 'ja' : 'nej',
        ]),
      ),
    },
    {
      title: 'Enhedsudgifter',
      columns: [
        { header: 'Område', kind: 'text' },
        { header: 'Målgruppe', kind: 'text' },
        { header: 'Funktioner', kind: 'text' },
        { header: 'Grundlagsår', kind: 'text' },
        { header: 'Beløbsart', kind: 'text' },
        kr('Nettodriftsudgift (kr.)'),
        kr('Målgruppe (personer)'),
        kr('Egen enhedsudgift (kr. pr. person)'),
        { header: 'Hvorfor ingen egen enhedsudgift', kind: 'text' },
        kr('Benchmark-enhedsudgift (kr. pr. person)'),
        { header: 'Benchmarkår', kind: 'text' },
        { header: 'Sammenligningsgruppe og metode', kind: 'text' },
        { header: 'Hvorfor intet benchmark', kind: 'text' },
      ],
      rows: pressure.areas.map((a) => [
        a.name,
        a.ages,
        a.functions.join(', '),
        a.ownUnitCost ? String(a.ownUnitCost.year) : null,
        a.ownUnitCost ? AMOUNT_TYPE[a.ownUnitCost.amountType] : null,
        a.ownUnitCost?.spending ?? null,
        a.ownUnitCost?.targetPopulation ?? null,
        a.ownUnitCost?.unitCost ?? null,
        a.ownMissing,
        a.benchmarkUnitCost?.unitCost ?? null,
        a.benchmarkUnitCost ? String(a.benchmarkUnitCost.year) : null,
        a.benchmarkUnitCost ? `${a.benchmarkUnitCost.peerGroupName}; ${a.benchmarkUnitCost.methodName}` : null,
        a.benchmarkMissing,
      ]),
    },
    {
      title: 'Total',
      columns: [
        { header: 'År', kind: 'text' },
        kr('Pres ved egen enhedsudgift (kr.)'),
        kr('Pres ved benchmark-enhedsudgift (kr.)'),
      ],
      rows: pressure.totals.map((t) => [String(t.year), t.atOwnUnitCost, t.atBenchmarkUnitCost]),
    },
    populationSheet(population),
    {
      title: 'Noter',
      columns: [{ header: 'Note', kind: 'text' }],
      rows: [...pressure.notes, `Prognose: ${pressure.vintage ?? 'ingen'}`].map((n) => [n]),
    },
  ];
}
