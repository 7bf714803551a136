import type { FollowUp } from '@lis/contracts';
import { AMOUNT_UNIT_NAMES, formatAmountIn } from '@lis/domain';
import { useMemo } from 'react';
import { EChart } from '../../../components/charts/echart';
import { formatMonthLong } from '../../../lib/format';
import { buildDeviationOption, deviationPoints } from '../charts/deviation';
import { unitOfFigures } from '../lib/amounts';

/** Drift's deviation over the year (to date against the phased budget, and each forecast's), with the numbers as a table. */
export function DeviationPanel({ followUp, loading }: { followUp: FollowUp; loading: boolean }) {
  const { months, period, correctedBudget } = followUp;
  const option = useMemo(() => buildDeviationOption({ months, period, correctedBudget }), [months, period, correctedBudget]);
  const points = deviationPoints({ months, period, correctedBudget }).filter((p) => p.toDate !== null);
  const unit = unitOfFigures([followUp]);
  const unitName = AMOUNT_UNIT_NAMES[unit];
  return (
    <section className="panel" aria-labelledby="deviation-title">
      <h2 id="deviation-title">Afvigelse måned for måned</h2>
      <p className="panel__note">
        Søjlerne: forbrug år til dato minus periodiseret budget år til dato. Punkterne: forventet regnskab minus korrigeret budget
        i de måneder, en budgetopfølgning gav en prognose. + er merforbrug.
      </p>
      <EChart option={option} height={300} loading={loading} testId="budget-deviation-chart" />
      <details className="table-details">
        <summary>Vis tallene bag grafen</summary>
        <div className="table-scroll">
          <table className="data-table" data-testid="budget-deviation-table">
            <caption>Afvigelse for drift {followUp.year}, + er merforbrug</caption>
            <thead>
              <tr>
                <th scope="col">Måned</th>
                <th scope="col" className="num">
                  Afvigelse år til dato, {unitName}
                </th>
                <th scope="col" className="num">
                  Forventet afvigelse for året, {unitName}
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.period} data-testid={`budget-deviation-${p.period}`}>
                  <th scope="row">{formatMonthLong(p.period)}</th>
                  <td className="num" data-value={p.toDate ?? undefined}>
                    {formatAmountIn(p.toDate, unit)}
                  </td>
                  <td className="num" data-value={p.forecast ?? undefined}>
                    {formatAmountIn(p.forecast, unit)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
