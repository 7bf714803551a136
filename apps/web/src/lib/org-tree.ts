import type { OrgUnit } from '@lis/contracts';

/** The visible organisation as a tree: children sorted by name, paths to the root. */
export interface OrgTree {
  byId: ReadonlyMap<string, OrgUnit>;
  /** top units: those whose parent the caller cannot see (normally just the kommune) */
  roots: readonly OrgUnit[];
  childrenOf(id: string): readonly OrgUnit[];
  /** root first, the unit last; stops where an ancestor is not visible */
  pathTo(id: string): readonly OrgUnit[];
}

const byName = (a: OrgUnit, b: OrgUnit) => a.name.localeCompare(b.name, 'da');

export function buildOrgTree(units: readonly OrgUnit[]): OrgTree {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const children = new Map<string, OrgUnit[]>();
  const roots: OrgUnit[] = [];
  for (const unit of units) {
    if (unit.parentId !== null && byId.has(unit.parentId)) {
      const siblings = children.get(unit.parentId) ?? [];
      siblings.push(unit);
      children.set(unit.parentId, siblings);
    } else roots.push(unit);
  }
  for (const list of children.values()) list.sort(byName);
  roots.sort(byName);
  return {
    byId,
    roots,
    childrenOf: (id) => children.get(id) ?? [],
    pathTo(id) {
      const path: OrgUnit[] = [];
      const seen = new Set<string>();
      for (
        let unit = byId.get(id);
        unit && !seen.has(unit.id);
        unit = unit.parentId === null ? undefined : byId.get(unit.parentId)
      ) {
        seen.add(unit.id);
        path.unshift(unit);
      }
      return path;
    },
  };
}

/** Case-insensitive, with one Unicode form, so 'ø' typed on any keyboard finds 'Børne-'. */
const normalise = (text: string) => text.toLocaleLowerCase('da').normalize('NFC');

/**
 * The units to show for a search: each match and its ancestors (so a match is seen in its place).
 * null for an empty search, meaning everything.
 */
export function searchOrgTree(tree: OrgTree, query: string): { visible: Set<string>; matches: Set<string> } | null {
  const needle = normalise(query.trim());
  if (!needle) return null;
  const visible = new Set<string>();
  const matches = new Set<string>();
  for (const unit of tree.byId.values()) {
    if (!normalise(unit.name).includes(needle)) continue;
    matches.add(unit.id);
    for (const ancestor of tree.pathTo(unit.id)) visible.add(ancestor.id);
  }
  return { visible, matches };
}
