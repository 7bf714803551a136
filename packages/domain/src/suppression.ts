/**
 * Small-group anonymity for personal data (domain.md §4), decided per period.
 *
 * 1. A unit with 0 < employees < minGroupSize is suppressed ("diskretioneret").
 * 2. Complementary rule: when exactly one child of a parent is suppressed, the parent's total
 *    minus the shown siblings would reveal it, so the shown sibling with the fewest employees is
 *    suppressed too (ties: lowest id, compared as plain strings so the choice is the same on
 *    every machine).
 * 3. Downwards: a suppressed unit whose children are all shown would be their sum, so its
 *    smallest child is suppressed too (and rule 2 then hides a second one).
 * The parent itself stays shown: its total includes the hidden units, as it should.
 * A unit with 0 or unknown employees has nothing to show and nothing to hide; it takes no part.
 * Figures over several months follow the months they cover (hiddenOverMonths).
 */

export interface SuppressionNode {
  id: string;
  parentId: string | null;
  /** headcount of the unit's whole subtree in the period; 0 or null = no data */
  employees: number | null;
}

export const MIN_GROUP_SIZE = 5;

export function suppressedUnits(nodes: readonly SuppressionNode[], minGroupSize = MIN_GROUP_SIZE): Set<string> {
  const withStaff = nodes.filter((node) => (node.employees ?? 0) > 0);
  const suppressed = new Set(withStaff.filter((node) => (node.employees ?? 0) < minGroupSize).map((node) => node.id));
  const groups = siblingGroups(withStaff);
  const childrenOf = new Map(groups.map((group) => [group[0]?.parentId as string, group]));
  const hideSmallestShown = (group: readonly SuppressionNode[]) => {
    const smallestShown = group.filter((node) => !suppressed.has(node.id)).sort(fewestEmployeesFirst)[0];
    if (smallestShown) suppressed.add(smallestShown.id);
    return smallestShown !== undefined;
  };
  // Rule 3 can hide a child, which can call for rule 2 in that group: repeat until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const siblings of groups) {
      if (siblings.filter((node) => suppressed.has(node.id)).length === 1) changed = hideSmallestShown(siblings) || changed;
    }
    for (const id of [...suppressed]) {
      const children = childrenOf.get(id);
      if (children && !children.some((child) => suppressed.has(child.id))) changed = hideSmallestShown(children) || changed;
    }
  }
  return suppressed;
}

/**
 * A figure over several months of a unit (year to date, rolling 12 months, a survey carried
 * forward) is hidden when the unit is hidden in any month it covers; otherwise months × the
 * figure − the shown months would give the hidden ones back. A figure shown under this rule is
 * made of shown months only, so it tells nothing the monthly figures do not: the complementary
 * rules, which hold in every month, need no step of their own over the months (ADR 0004).
 */
export function hiddenOverMonths(periods: readonly string[], hiddenIn: (period: string) => boolean): boolean {
  return periods.some(hiddenIn);
}

/** Children grouped by parent. Roots have no shown parent total to subtract from. */
function siblingGroups(nodes: readonly SuppressionNode[]): SuppressionNode[][] {
  const byParent = new Map<string, SuppressionNode[]>();
  for (const node of nodes) {
    if (node.parentId === null) continue;
    const group = byParent.get(node.parentId);
    if (group) group.push(node);
    else byParent.set(node.parentId, [node]);
  }
  return [...byParent.values()];
}

function fewestEmployeesFirst(a: SuppressionNode, b: SuppressionNode): number {
  const byEmployees = (a.employees ?? 0) - (b.employees ?? 0);
  if (byEmployees !== 0) return byEmployees;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
