import { Link } from '../../../lib/navigation';
import type { OrgTree } from '../../../lib/org-tree';
import './org.css';

/** kommune › forvaltning › afdeling › enhed; each step up is a link to the same page for that unit. */
export function OrgBreadcrumb({
  tree,
  currentId,
  hrefFor,
}: {
  tree: OrgTree;
  currentId: string;
  hrefFor: (orgId: string) => string;
}) {
  const path = tree.pathTo(currentId);
  return (
    <nav className="breadcrumb" aria-label="Placering i organisationen" data-testid="breadcrumb">
      <ol>
        {path.map((unit, index) => (
          <li key={unit.id} title={unit.level}>
            {index === path.length - 1 ? (
              <span aria-current="location">{unit.name}</span>
            ) : (
              <Link href={hrefFor(unit.id)}>{unit.name}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
