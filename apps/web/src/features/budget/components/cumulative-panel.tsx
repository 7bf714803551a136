import type { FollowUp } from '@lis/contracts';
import { useMemo } from 'react';
import { EChart } from '../../../components/charts/echart';
import { formatMonthLong, MISSING } from '../../../lib/format';
import { buildCumulativeOption } from '../charts/cumulative';
import { formatAmount } from '../lib/amounts';

/** Cumulative drift against the phased budget and the forecast, with the numbers as a table. */
export function CumulativePanel({ followUp, loading }: { followUp: FollowUp; loading: boolean }) {
  const { months, period, forecast, forecastMadeIn, correctedBudget } = followUp;
  const option = useMemo(
    () => buildCumulativeOption({ months, period, forecast, forecastMadeIn, correctedBudget }),
    [months, period, forecast, forecastMadeIn, correctedBudget],
  );
  return (
    <section className="panel" aria-labelledby="cumulative-title">
      <h2 id="cumulative-title">Drift måned for måned, akkumuleret</h2>
      <EChart option={option} height={340} loading={loading} testId="budget-cumulative-chart" />
      <details className="table-details">
        <summary>Vis tallene bag grafen</summary>
        <div className="table-scroll">
          <table className="data-table">
            <caption>Drift {followUp.year}, akkumuleret måned for måned</caption>
            <thead>
              <tr>
                <th scope="col">Måned</th>
                <th scope="col" className="num">
                  Forbrug, akkumuleret
                </th>
                <th scope="col" className="num">
                  Periodiseret budget, akkumuleret
                </th>
                <th scope="col" className="num">
                  Forventet regnskab (som det stod)
                </th>
              </tr>
            </thead>
            <tbody>
              {months.map((month) => (
                <tr key={month.period}>
                  <th scope="row">{formatMonthLong(month.period)}</th>
                  <td className="num">{month.period <= period ? formatAmount(month.cumulativeActual) : MISSING}</td>
                  <td className="num">{formatAmount(month.cumulativePhasedBudget)}</td>
                  <td className="num">{month.period <= period ? formatAmount(month.forecast) : MISSING}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
