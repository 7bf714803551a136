import type { FollowUp } from '@lis/contracts';
import { AMOUNT_UNIT_NAMES } from '@lis/domain';
import { useMemo } from 'react';
import { EChart } from '../../../components/charts/echart';
import { formatMonthLong, MISSING } from '../../../lib/format';
import { buildCumulativeOption } from '../charts/cumulative';
import { formatAmount, unitOfFigures } from '../lib/amounts';

/** Cumulative drift against the phased budget and the forecast, with the numbers as a table. */
export function CumulativePanel({ followUp, loading }: { followUp: FollowUp; loading: boolean }) {
  const { months, period, forecast, forecastMadeIn, correctedBudget } = followUp;
  const unit = unitOfFigures([followUp]);
  const unitName = AMOUNT_UNIT_NAMES[unit];
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
                  Forbrug, akkumuleret, {unitName}
                </th>
                <th scope="col" className="num">
                  Forbrug sidste år, akkumuleret, {unitName}
                </th>
                <th scope="col" className="num">
                  Periodiseret budget, akkumuleret, {unitName}
                </th>
                <th scope="col" className="num">
                  Forventet regnskab (som det stod), {unitName}
                </th>
              </tr>
            </thead>
            <tbody>
              {months.map((month) => (
                <tr key={month.period}>
                  <th scope="row">{formatMonthLong(month.period)}</th>
                  <td className="num">{month.period <= period ? formatAmount(month.cumulativeActual, unit) : MISSING}</td>
                  <td className="num">{formatAmount(month.cumulativeActualLastYear, unit)}</td>
                  <td className="num">{formatAmount(month.cumulativePhasedBudget, unit)}</td>
                  <td className="num">{month.period <= period ? formatAmount(month.forecast, unit) : MISSING}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
