import type { Balance } from '@lis/contracts';
import { PLAN_ROWS, planRowValue } from '@lis/domain';
import { cashWord, formatMillions, formatMillionsChange, yearLabel } from '../lib/plan-rows';

type Column = Pick<Balance['years'][number], 'year' | 'lines' | 'resultA' | 'resultB' | 'resultC' | 'cashChange'>;

interface PlanTableProps {
  columns: Column[];
  budgetYear: number;
  caption: string;
  /** the columns are changes between two plans: signed, and the cash row says no kasse word */
  changes?: boolean;
  testId: string;
}

/** The resultatopgørelse with a column per year, in mio. kr., lines signed by their effect on the result. */
export function PlanTable({ columns, budgetYear, caption, changes = false, testId }: PlanTableProps) {
  const format = changes ? formatMillionsChange : formatMillions;
  return (
    <div className="table-scroll">
      <table className="data-table plan-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Mio. kr.</th>
            {columns.map((column) => (
              <th key={column.year} scope="col" className="num">
                {yearLabel(column.year, budgetYear)}
                {!changes && column.year !== budgetYear && <span className="plan-table__sub">overslagsår</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PLAN_ROWS.map((row) =>
            row.kind === 'heading' ? (
              <tr key={row.label} className="plan-table__heading">
                <th scope="rowgroup" colSpan={columns.length + 1}>
                  {row.label}
                </th>
              </tr>
            ) : (
              <tr
                key={row.label}
                className={row.kind === 'result' ? 'plan-table__result' : undefined}
                data-testid={row.kind === 'result' ? `${testId}-${row.result}` : undefined}
              >
                <th scope="row">{row.label}</th>
                {columns.map((column) => {
                  const value = planRowValue(row, column);
                  return (
                    <td key={column.year} className="num" data-value={value}>
                      {format(value)}
                      {!changes && row.kind === 'result' && row.result === 'cashChange' && (
                        <span className="plan-table__sub">{cashWord(value)}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
