import type { Demography } from '@lis/contracts';
import { formatNumber } from '../../../lib/format';
import { signedPersons } from '../lib/amounts';

const KIND = { actual: 'faktisk', forecast: 'prognose' } as const;

/** Persons per band and year, and beneath each the change against the current year. */
export function PopulationTable({ data }: { data: Demography }) {
  return (
    <div className="table-scroll">
      <table className="data-table demography-table" data-testid="population-table">
        <caption>Befolkning pr. 1. januar efter alder (personer); ændring mod {data.currentYear ?? '–'} i parentes</caption>
        <thead>
          <tr>
            <th scope="col">År</th>
            {data.bands.map((band) => (
              <th scope="col" className="num" key={band}>
                {band} år
              </th>
            ))}
            <th scope="col" className="num">
              I alt
            </th>
          </tr>
        </thead>
        <tbody>
          {data.years.map((y) => (
            <tr
              key={y.year}
              className={y.year === data.currentYear ? 'is-current' : undefined}
              data-testid={`population-${y.year}`}
            >
              <th scope="row">
                {y.year} <span className="demography-kind">{KIND[y.kind]}</span>
              </th>
              {data.bands.map((band) => (
                <td className="num" key={band} data-value={y.bands[band]}>
                  {formatNumber(y.bands[band] ?? null, 0)}
                  {y.year !== data.currentYear && (
                    <span className="demography-change"> ({signedPersons(y.change[band] ?? null)})</span>
                  )}
                </td>
              ))}
              <td className="num" data-value={y.total}>
                {formatNumber(y.total, 0)}
                {y.year !== data.currentYear && <span className="demography-change"> ({signedPersons(y.totalChange)})</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
