import type { FollowUp } from '@lis/contracts';
import { formatMonthLong } from '../../../lib/format';
import { Link } from '../../../lib/navigation';
import { budgetHref } from '../../../lib/url-state';
import { FigureCells, FigureHeaders } from './figure-cells';
import { OwnUnitsNote } from './own-units-note';

/**
 * Drift of each unit one level down; a name leads to that unit's follow-up (the drill-down).
 * A chef at the kommune gets their own units instead of the kommune's (ADR 0003).
 */
export function ChildrenTable({ followUp, account }: { followUp: FollowUp; account: string }) {
  const { children, org, period } = followUp;
  const own = followUp.breakdown === 'own_units';
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
                Drift for {own ? 'dine enheder i' : 'underenhederne af'} {org.name}, {formatMonthLong(period)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Enhed</th>
                  <FigureHeaders />
                </tr>
              </thead>
              <tbody>
                {children.map((child) => (
                  <tr key={child.org.id} data-testid={`budget-child-${child.org.id}`}>
                    <th scope="row">
                      <Link href={budgetHref(child.org.id, period, account)}>{child.org.name}</Link>
                    </th>
                    <FigureCells figures={child} />
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
