import type { Series } from '@lis/contracts';
import { type KpiDefinition, STATUS_WORDS } from '@lis/domain';
import { formatCount, formatKpiValue, formatMonthLong } from '../../../lib/format';

/** The trend chart's numbers for screen readers and anyone who wants them exact; folded by default. */
export function TrendTable({ points, kpi }: { points: Series['points']; kpi: KpiDefinition }) {
  return (
    <details className="table-details">
      <summary>Vis tallene bag grafen</summary>
      <div className="table-scroll">
        <table className="data-table" data-testid="trend-table">
          <caption>{kpi.name} måned for måned</caption>
          <thead>
            <tr>
              <th scope="col">Måned</th>
              <th scope="col" className="num">
                Værdi
              </th>
              <th scope="col" className="num">
                Mål
              </th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Samme måned sidste år
              </th>
              {kpi.showN && (
                <th scope="col" className="num">
                  n
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {[...points].reverse().map((point) => (
              <tr key={point.period}>
                <th scope="row">{formatMonthLong(point.period)}</th>
                <td className="num">
                  {point.status === 'suppressed' ? STATUS_WORDS.suppressed : formatKpiValue(point.value, kpi)}
                </td>
                <td className="num">{formatKpiValue(point.target, kpi)}</td>
                <td>{STATUS_WORDS[point.status]}</td>
                <td className="num">{formatKpiValue(point.sameMonthLastYear, kpi)}</td>
                {kpi.showN && <td className="num">{formatCount(point.n)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
