import { NotFoundError, type ReadContext } from '../../lib/read-context.ts';
import * as repo from './org.repository.ts';

// The one home of organisation lookups (tree, subtree, ancestors, the units a caller sees); the
// kpi, budget and auth code and the routes read the organisation through this module.

export {
  ancestorPaths,
  ancestorsOf,
  type ClosurePair,
  childrenInMonth,
  childrenOf,
  closureHistory,
  listOrgUnits,
  loadTree,
  type OrgRow,
  orgJson,
  rootOrgId,
  subtreeOf,
  topmostOf,
  topmostUnits,
} from './org.repository.ts';

export async function getOrg(ctx: ReadContext, orgId: string): Promise<repo.OrgRow> {
  const org = await repo.findOrgUnit(ctx.db, ctx.municipality, orgId);
  if (!org) throw new NotFoundError(`Unknown org unit ${orgId}`, 'org');
  return org;
}

/**
 * The units a caller with these scope units may read: null for all (no scope), else the subtrees
 * of their units and, for context, the kommune's totals.
 */
export async function visibleUnits(ctx: ReadContext, scope: readonly string[] | null): Promise<Set<string> | null> {
  if (scope === null) return null;
  return repo.subtreesAndRoot(ctx.db, ctx.municipality, scope);
}
