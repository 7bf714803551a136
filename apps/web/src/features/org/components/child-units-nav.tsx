import type { KpiStatusValue } from '@lis/contracts';
import { useState } from 'react';
import { StatusBadge } from '../../../components/kpi/status-badge';
import { Link } from '../../../lib/navigation';
import type { OrgTree } from '../../../lib/org-tree';
import './org.css';

const FIRST_SHOWN = 8;

/** The units one level down, as links: the drill-down from an overview; each with its worst status when the server gave it. */
export function ChildUnitsNav({
  tree,
  currentId,
  hrefFor,
  worstStatuses,
}: {
  tree: OrgTree;
  currentId: string;
  hrefFor: (orgId: string) => string;
  /** a child's worst status over its KPIs this month, by id */
  worstStatuses?: ReadonlyMap<string, KpiStatusValue>;
}) {
  const [showAll, setShowAll] = useState(false);
  const children = tree.childrenOf(currentId);
  if (children.length === 0) return null;
  const shown = showAll ? children : children.slice(0, FIRST_SHOWN);
  return (
    <nav className="child-units" aria-labelledby="child-units-heading" data-testid="child-units">
      <h2 id="child-units-heading">Underenheder ({children.length})</h2>
      <ul>
        {shown.map((unit) => (
          <li key={unit.id} className="child-units__item" data-status={worstStatuses?.get(unit.id)}>
            <Link href={hrefFor(unit.id)}>{unit.name}</Link>
            <ChildStatus status={worstStatuses?.get(unit.id)} />
          </li>
        ))}
        {children.length > FIRST_SHOWN && (
          <li>
            <button type="button" className="child-units__more" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
              {showAll ? 'Vis færre' : `Vis alle ${children.length}`}
            </button>
          </li>
        )}
      </ul>
    </nav>
  );
}

function ChildStatus({ status }: { status: KpiStatusValue | undefined }) {
  if (!status) return null;
  return (
    <span className="child-units__status" data-testid="child-worst-status">
      <span className="visually-hidden">værste status: </span>
      <StatusBadge status={status} />
    </span>
  );
}
