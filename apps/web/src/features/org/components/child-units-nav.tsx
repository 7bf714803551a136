import { useState } from 'react';
import { Link } from '../../../lib/navigation';
import type { OrgTree } from '../../../lib/org-tree';
import './org.css';

const FIRST_SHOWN = 8;

/** The units one level down, as links: the drill-down from an overview. */
export function ChildUnitsNav({
  tree,
  currentId,
  hrefFor,
}: {
  tree: OrgTree;
  currentId: string;
  hrefFor: (orgId: string) => string;
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
          <li key={unit.id}>
            <Link href={hrefFor(unit.id)}>{unit.name}</Link>
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
