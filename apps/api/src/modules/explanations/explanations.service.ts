import type { Explanation, ExplanationInput, KpiStatusValue, MissingExplanation, Role } from '@lis/contracts';
import { roleCan } from '@lis/contracts';
import { KPIS } from '@lis/domain';
import { NotFoundError, type ReadContext } from '../../lib/read-context.ts';
import { appliesTo, dashboard, getKpiOrThrow, judgeUnits } from '../kpi/indicators.service.ts';
import { getOrg, listOrgUnits, loadTree, subtreeOf } from '../org/org.service.ts';
import * as repo from './explanations.repository.ts';

// Explanations (forklaringer) of KPI × unit × month and their actions (handlinger): who may write
// them, what is missing and what is overdue. The routes, notifications, report and usage page read
// them through this module.

export type { ExplanationKey } from './explanations.repository.ts';

/** Who writes: the name recorded in the history, the role and (for a chef) their scope units. */
export interface Writer {
  name: string;
  role: Role;
  /** null = everywhere */
  orgIds: readonly string[] | null;
}

/** Input the service refuses (the route answers 400 naming the field). */
export class ExplanationInputError extends Error {
  constructor(
    message: string,
    readonly parameter: string,
  ) {
    super(message);
  }
}

/** The statuses that need an explanation. */
const NEEDS_EXPLANATION: ReadonlySet<KpiStatusValue> = new Set(['red', 'yellow']);

function toExplanation(row: repo.ExplanationRow): Explanation {
  return {
    kpiId: row.kpi_id,
    orgId: row.org_id,
    orgName: row.org_name ?? row.org_id,
    period: row.period,
    text: row.text,
    action: row.action,
    actionOwner: row.action_owner,
    actionDue: row.action_due,
    expectedEffect: row.expected_effect,
    actionDoneAt: row.action_done_at ? new Date(row.action_done_at).toISOString() : null,
    actionDoneBy: row.action_done_by,
    version: row.version,
    updatedBy: row.updated_by,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The current explanations of the units (null = all), one month or all (null), some KPIs or all. */
export async function listExplanations(
  ctx: ReadContext,
  filter: { orgIds: readonly string[] | null; period: string | null; kpiIds?: readonly string[] },
): Promise<Explanation[]> {
  return (await repo.findExplanations(ctx.db, ctx.municipality, filter)).map(toExplanation);
}

/** One explanation; NotFoundError when none has been written. */
async function getExplanation(ctx: ReadContext, key: repo.ExplanationKey): Promise<Explanation> {
  const row = await repo.findExplanation(ctx.db, ctx.municipality, key);
  if (!row) throw new NotFoundError(`No explanation of ${key.kpiId} for ${key.orgId} in ${key.period}`, 'period');
  return toExplanation(row);
}

/**
 * May the writer explain figures of the unit: the right to explain, and for a chef the unit lies
 * in their own subtree (the kommune totals a chef may read are not theirs to explain).
 */
export async function mayExplainUnit(ctx: ReadContext, writer: Pick<Writer, 'role' | 'orgIds'>, orgId: string): Promise<boolean> {
  if (!roleCan(writer.role, 'explanations:write')) return false;
  if (writer.orgIds === null) return true;
  return (await subtreeOf(ctx.db, ctx.municipality, writer.orgIds)).has(orgId);
}

const blankToNull = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** A real calendar date (the schema only checks the shape). */
function isDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function contentOf(input: ExplanationInput): Omit<repo.ExplanationContent, 'action_done_at' | 'action_done_by'> {
  const text = blankToNull(input.text);
  if (!text) throw new ExplanationInputError('The explanation needs a text', 'text');
  const action = blankToNull(input.action);
  const actionOwner = blankToNull(input.actionOwner);
  const actionDue = blankToNull(input.actionDue);
  const expectedEffect = blankToNull(input.expectedEffect);
  if (actionDue !== null && !isDate(actionDue))
    throw new ExplanationInputError(`actionDue ${actionDue} is not a date (YYYY-MM-DD)`, 'actionDue');
  if (action === null) {
    const dangling =
      actionOwner !== null ? 'actionOwner' : actionDue !== null ? 'actionDue' : expectedEffect !== null ? 'expectedEffect' : null;
    if (dangling) throw new ExplanationInputError(`${dangling} belongs to an action: describe the action too`, dangling);
  }
  return { text, action, action_owner: actionOwner, action_due: actionDue, expected_effect: expectedEffect };
}

/** Checks that KPI and unit exist (NotFoundError otherwise). */
async function checkKey(ctx: ReadContext, key: repo.ExplanationKey): Promise<void> {
  getKpiOrThrow(key.kpiId);
  await getOrg(ctx, key.orgId);
}

/**
 * Writes (or rewrites) an explanation as a new version. The caller has checked mayExplainUnit.
 * Rewriting an action keeps it done only when the action itself is unchanged.
 */
export async function writeExplanation(
  ctx: ReadContext,
  key: repo.ExplanationKey,
  input: ExplanationInput,
  by: { name: string; at?: Date; fromDemo?: boolean },
): Promise<Explanation> {
  await checkKey(ctx, key);
  const content = contentOf(input);
  const before = await repo.findExplanation(ctx.db, ctx.municipality, key);
  const keepsDone = before !== null && before.action !== null && before.action === content.action;
  await repo.saveVersion(
    ctx.db,
    ctx.municipality,
    key,
    {
      ...content,
      action_done_at: keepsDone ? before.action_done_at : null,
      action_done_by: keepsDone ? before.action_done_by : null,
    },
    'written',
    { name: by.name, at: by.at ?? new Date(), fromDemo: by.fromDemo },
  );
  return getExplanation(ctx, key);
}

/** Marks the action done (or open again) as a new version. */
export async function setActionDone(
  ctx: ReadContext,
  key: repo.ExplanationKey,
  done: boolean,
  by: { name: string; at?: Date },
): Promise<Explanation> {
  await checkKey(ctx, key);
  const before = await repo.findExplanation(ctx.db, ctx.municipality, key);
  if (!before) throw new NotFoundError(`No explanation of ${key.kpiId} for ${key.orgId} in ${key.period}`, 'period');
  if (before.action === null) throw new ExplanationInputError('The explanation has no action to mark done', 'done');
  const at = by.at ?? new Date();
  await repo.saveVersion(
    ctx.db,
    ctx.municipality,
    key,
    {
      text: before.text,
      action: before.action,
      action_owner: before.action_owner,
      action_due: before.action_due,
      expected_effect: before.expected_effect,
      action_done_at: done ? at : null,
      action_done_by: done ? by.name : null,
    },
    done ? 'action_done' : 'action_reopened',
    { name: by.name, at },
  );
  return getExplanation(ctx, key);
}

/** Every version of an explanation, newest first (empty when none was written). */
export async function explanationHistory(ctx: ReadContext, key: repo.ExplanationKey) {
  await checkKey(ctx, key);
  const rows = await repo.findVersions(ctx.db, ctx.municipality, key);
  return rows.map((r) => ({
    version: r.version,
    change: r.change,
    text: r.text,
    action: r.action,
    actionOwner: r.action_owner,
    actionDue: r.action_due,
    expectedEffect: r.expected_effect,
    actionDoneAt: r.action_done_at ? new Date(r.action_done_at).toISOString() : null,
    actionDoneBy: r.action_done_by,
    changedBy: r.changed_by,
    changedAt: new Date(r.changed_at).toISOString(),
  }));
}

/**
 * The units whose figures a caller answers for: null (everything) for a caller without a scope
 * (direktion, admin); for a chef the units of their subtree whose nearest chef is them, i.e. the
 * unit's own chefs or else the nearest ancestor's (a unit with its own chef below them is that chef's).
 */
export async function responsibleUnits(ctx: ReadContext, scope: readonly string[] | null): Promise<Set<string> | null> {
  if (scope === null) return null;
  const own = new Set(scope);
  const chefs = await repo.chefUnits(ctx.db, ctx.municipality);
  for (const id of own) chefs.add(id);
  const tree = await loadTree(ctx.db, ctx.municipality);
  const subtree = await subtreeOf(ctx.db, ctx.municipality, scope);
  const units = new Set<string>();
  for (const id of subtree) {
    const nearest = tree.ancestorsOf(id).find((a) => chefs.has(a));
    if (nearest !== undefined && own.has(nearest)) units.add(id);
  }
  return units;
}

/**
 * Yellow and red figures of the month without an explanation, for the units given (null = all),
 * judged as the dashboard judges them. `period` null = the newest month with data.
 */
export async function missingExplanations(
  ctx: ReadContext,
  options: { visible: ReadonlySet<string> | null; period: string | null },
): Promise<{ period: string | null; items: MissingExplanation[] }> {
  const units = (await listOrgUnits(ctx.db, ctx.municipality)).filter((u) => options.visible?.has(u.id) ?? true);
  const first = units[0];
  if (!first) return { period: options.period, items: [] };
  // the dashboard knows the newest month; asked once, for the first unit
  const period = options.period ?? (await dashboard(ctx, first.id, null))?.period ?? null;
  if (period === null) return { period, items: [] };
  const figureOf = await judgeUnits(ctx, units, period, KPIS);
  const explained = new Set(
    (
      await repo.findExplanations(ctx.db, ctx.municipality, { orgIds: options.visible ? [...options.visible] : null, period })
    ).map((e) => `${e.kpi_id}|${e.org_id}`),
  );
  const items: MissingExplanation[] = [];
  for (const unit of units)
    for (const kpi of KPIS.filter((k) => appliesTo(k, unit))) {
      const figure = figureOf(unit.id, kpi);
      if (NEEDS_EXPLANATION.has(figure.status) && !explained.has(`${kpi.id}|${unit.id}`))
        items.push({
          kpiId: kpi.id,
          orgId: unit.id,
          orgName: unit.name,
          status: figure.status,
          value: figure.value,
          target: figure.target,
        });
    }
  const order = (s: KpiStatusValue) => (s === 'red' ? 0 : 1);
  return {
    period,
    items: items.sort((a, b) => order(a.status) - order(b.status) || a.orgName.localeCompare(b.orgName, 'da')),
  };
}

/** Actions due before `today` (YYYY-MM-DD) and not done, of the units given (null = all). */
export async function overdueActions(
  ctx: ReadContext,
  options: { visible: ReadonlySet<string> | null; today: string },
): Promise<Explanation[]> {
  const rows = await repo.findOverdue(ctx.db, ctx.municipality, options.today);
  return rows.filter((r) => options.visible?.has(r.org_id) ?? true).map(toExplanation);
}
