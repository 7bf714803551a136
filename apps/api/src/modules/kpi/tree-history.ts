import type { RollupView } from '@lis/contracts';
import { addMonths } from '@lis/domain';
import type { ClosurePair, loadTree } from '../org/org.service.ts';

type Tree = Awaited<ReturnType<typeof loadTree>>;

/**
 * The trees of the months (docs/adr/0011): `at(period)` is the tree valid in the month, `root`
 * today's kommune. The tree changes only where a pair begins or ends, so there is one tree per
 * stretch of months between such changes (one for an organisation that never changed).
 */
export interface TreeHistory {
  /** the view these trees make: each month's own tree, or today's for every month */
  view: RollupView;
  /** whether the tree ever changed: when not, both views are one */
  changed: boolean;
  root: string | null;
  at: (period: string) => Tree;
  /** `items` grouped by the tree of their month */
  split: <T>(items: readonly T[], periodOf: (item: T) => string) => [Tree, T[]][];
}

export function treeHistory(pairs: readonly ClosurePair[], root: string | null): TreeHistory {
  const starts = new Set<string>();
  for (const p of pairs) {
    if (p.first !== null) starts.add(p.first);
    if (p.last !== null) starts.add(addMonths(p.last, 1));
  }
  const bounds = [...starts].sort(); // stretch i runs from bounds[i - 1] (or always) to before bounds[i]
  const trees = [null, ...bounds].map((from) =>
    buildTree(
      pairs.filter(
        (p) => (p.first === null || (from !== null && p.first <= from)) && (p.last === null || from === null || from <= p.last),
      ),
    ),
  );
  const stretchOf = (period: string) => {
    let i = 0;
    while (i < bounds.length && (bounds[i] as string) <= period) i++;
    return i;
  };
  return {
    view: 'then',
    changed: bounds.length > 0,
    root,
    at: (period) => trees[stretchOf(period)] as Tree,
    split: (items, periodOf) => {
      const groups = new Map<number, unknown[]>();
      for (const item of items) {
        const i = stretchOf(periodOf(item));
        // pushed, not copied: a copy per item made a large delivery's refresh quadratic
        const group = groups.get(i);
        if (group) group.push(item);
        else groups.set(i, [item]);
      }
      return [...groups].map(([i, group]) => [trees[i] as Tree, group as never[]]);
    },
  };
}

/** Today's tree for every month: history recast into it ("som organiseret nu"). */
export function todaysTreeHistory(today: Tree): TreeHistory {
  return { view: 'now', changed: false, root: today.root, at: () => today, split: (items) => [[today, [...items]]] };
}

function buildTree(pairs: readonly ClosurePair[]): Tree {
  const ancestors = new Map<string, string[]>();
  const parentOf = new Map<string, string>();
  for (const p of [...pairs].sort((a, b) => a.depth - b.depth)) {
    ancestors.set(p.descendantId, [...(ancestors.get(p.descendantId) ?? []), p.ancestorId]);
    if (p.depth === 1) parentOf.set(p.descendantId, p.ancestorId);
  }
  const root = [...ancestors.keys()].find((id) => !parentOf.has(id)) ?? null;
  return { ancestorsOf: (id: string) => ancestors.get(id) ?? [], parentOf, root, units: [...ancestors.keys()] };
}
