import type { FollowUp } from '@lis/contracts';
import { formatMonthLong, samePeriodLastYear } from '../../../lib/format';
import { Link } from '../../../lib/navigation';
import { budgetHref } from '../../../lib/url-state';
import { unitOfFigures } from '../lib/amounts';
import { FigureCells, FigureHeaders } from './figure-cells';
import { OwnUnitsNote } from './own-units-note';

/**
 * Drift of each unit one level down, with its actuals in the same period last year; a name leads to that unit's follow-up (the drill-down).
 * A chef at the kommune gets their own units instead of the kommune's (ADR 0003).
 */
export function ChildrenTable({ followUp, account }: { followUp: FollowUp; account: string }) {
  const { children, org, period } = followUp;
  const own = followUp.breakdown === 'own_units';
  const unit = unitOfFigures(children);
  const lastYear = samePeriodLastYear(period);
  return (
    <section className="panel" aria-labelledby="children-title">
      <h2 id="children-title">{own ? 'Dine enheder' : 'Fordelt på underenheder'}</h2>
      {own && <OwnUnitsNote />}
      {children.length === 0 ? (
        <p className="panel__note">{org.name} har ingen underenheder, du har adgang til.</p>
      ) : (
        <>
          <p className="panel__note no-print">Klik på en enhed for at se dens budgetopfølgning.</p>
          <div className="table-scroll">
            <table className="data-table" data-testid="budget-children">
              <caption>
                Drift for {own ? 'dine enheder i' : 'underenhederne af'} {org.name}, {formatMonthLong(period)}, med forbruget
                samme periode sidste år ({lastYear})
              </caption>
              <thead>
                <tr>
                  <th scope="col">Enhed</th>
                  <FigureHeaders unit={unit} lastYear={lastYear} />
                </tr>
              </thead>
              <tbody>
                {children.map((child) => (
                  <tr key={child.org.id} data-testid={`budget-child-${child.org.id}`}>
                    <th scope="row">
                      <Link href={budgetHref(child.org.id, period, account)}>{child.org.name}</Link>
                    </th>
                    <FigureCells figures={child} unit={unit} lastYear={child} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
