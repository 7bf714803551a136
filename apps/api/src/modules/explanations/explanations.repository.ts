import type { Database, ExplanationTable, ExplanationVersionTable } from '@lis/db';
import { type Kysely, type Selectable, sql } from 'kysely';

// All SQL of explanations: the current row per KPI × unit × month and every version of it.

type Db = Kysely<Database>;
const monthStart = (period: string) => `${period}-01`;

export interface ExplanationKey {
  kpiId: string;
  orgId: string;
  /** YYYY-MM */
  period: string;
}

export interface ExplanationRow {
  kpi_id: string;
  org_id: string;
  org_name: string | null;
  period: string;
  text: string;
  action: string | null;
  action_owner: string | null;
  action_due: string | null;
  expected_effect: string | null;
  action_done_at: Date | null;
  action_done_by: string | null;
  version: number;
  updated_by: string;
  updated_at: Date;
}

/** The content an edit sets, besides who and when. */
export type ExplanationContent = Pick<
  Selectable<ExplanationTable>,
  'text' | 'action' | 'action_owner' | 'action_due' | 'expected_effect' | 'action_done_at' | 'action_done_by'
>;

function current(db: Db, municipality: string) {
  return db
    .selectFrom('explanations as e')
    .leftJoin('org_units as o', (join) =>
      join.onRef('o.org_id', '=', 'e.org_id').onRef('o.municipality', '=', 'e.municipality').on('o.active', '=', true),
    )
    .select([
      'e.kpi_id',
      'e.org_id',
      'o.name as org_name',
      sql<string>`to_char(e.period, 'YYYY-MM')`.as('period'),
      'e.text',
      'e.action',
      'e.action_owner',
      sql<string | null>`to_char(e.action_due, 'YYYY-MM-DD')`.as('action_due'),
      'e.expected_effect',
      'e.action_done_at',
      'e.action_done_by',
      'e.version',
      'e.updated_by',
      'e.updated_at',
    ])
    .where('e.municipality', '=', municipality);
}

export async function findExplanations(
  db: Db,
  municipality: string,
  filter: { orgIds: readonly string[] | null; period: string | null; kpiIds?: readonly string[] },
): Promise<ExplanationRow[]> {
  if (filter.orgIds?.length === 0 || filter.kpiIds?.length === 0) return [];
  let query = current(db, municipality);
  if (filter.orgIds) query = query.where('e.org_id', 'in', [...filter.orgIds]);
  if (filter.period) query = query.where('e.period', '=', monthStart(filter.period));
  if (filter.kpiIds) query = query.where('e.kpi_id', 'in', [...filter.kpiIds]);
  return query.orderBy('e.period').orderBy('e.org_id').orderBy('e.kpi_id').execute();
}

export async function findExplanation(db: Db, municipality: string, key: ExplanationKey): Promise<ExplanationRow | null> {
  const row = await current(db, municipality)
    .where('e.kpi_id', '=', key.kpiId)
    .where('e.org_id', '=', key.orgId)
    .where('e.period', '=', monthStart(key.period))
    .executeTakeFirst();
  return row ?? null;
}

/** Actions due before `today` and not done. */
export async function findOverdue(db: Db, municipality: string, today: string): Promise<ExplanationRow[]> {
  return current(db, municipality)
    .where('e.action_due', '<', today)
    .where('e.action_done_at', 'is', null)
    .orderBy('e.action_due')
    .orderBy('e.org_id')
    .execute();
}

/**
 * Writes the next version of an explanation (the current row and its copy in the history) in
 * one transaction; the version number comes from the row, so two editors never share one.
 */
export async function saveVersion(
  db: Db,
  municipality: string,
  key: ExplanationKey,
  content: ExplanationContent,
  change: ExplanationVersionTable['change'],
  by: { name: string; at: Date; fromDemo?: boolean },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const keyColumns = { municipality, kpi_id: key.kpiId, org_id: key.orgId, period: monthStart(key.period) };
    const saved = await trx
      .insertInto('explanations')
      .values({ ...keyColumns, ...content, version: 1, updated_by: by.name, updated_at: by.at, from_demo: by.fromDemo ?? false })
      .onConflict((oc) =>
        oc.columns(['municipality', 'period', 'org_id', 'kpi_id']).doUpdateSet({
          ...content,
          version: sql`explanations.version + 1`,
          updated_by: by.name,
          updated_at: by.at,
        }),
      )
      .returning('version')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('explanation_versions')
      .values({ ...keyColumns, ...content, version: saved.version, change, changed_by: by.name, changed_at: by.at })
      .execute();
  });
}

export interface VersionRow extends ExplanationContent {
  version: number;
  change: ExplanationVersionTable['change'];
  changed_by: string;
  changed_at: Date;
}

export async function findVersions(db: Db, municipality: string, key: ExplanationKey): Promise<VersionRow[]> {
  return db
    .selectFrom('explanation_versions')
    .select([
      'version',
      'change',
      'text',
      'action',
      'action_owner',
      sql<string | null>`to_char(action_due, 'YYYY-MM-DD')`.as('action_due'),
      'expected_effect',
      'action_done_at',
      'action_done_by',
      'changed_by',
      'changed_at',
    ])
    .where('municipality', '=', municipality)
    .where('kpi_id', '=', key.kpiId)
    .where('org_id', '=', key.orgId)
    .where('period', '=', monthStart(key.period))
    .orderBy('version', 'desc')
    .execute();
}

/** The units each enabled chef user is given (their scope), for "whose unit is it". */
export async function chefUnits(db: Db, municipality: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('access_scopes as s')
    .innerJoin('users as u', (join) => join.onRef('u.id', '=', 's.principal_id').on('s.principal_kind', '=', 'user'))
    .select('s.org_id')
    .where('s.municipality', '=', municipality)
    .where('u.role', '=', 'chef')
    .where('u.disabled', '=', false)
    .execute();
  return new Set(rows.map((r) => r.org_id));
}
export async function hasDemoExplanations(db: Db, municipality: string): Promise<boolean> {
  const row = await db
    .selectFrom('explanations')
    .select('org_id')
    .where('municipality', '=', municipality)
    .where('from_demo', '=', true)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The demo's chefs (enabled) with the units they are given. */
export async function demoChefs(db: Db, municipality: string): Promise<{ username: string; orgIds: string[] }[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('access_scopes as s', (join) => join.onRef('s.principal_id', '=', 'u.id').on('s.principal_kind', '=', 'user'))
    .select(['u.username', 's.org_id'])
    .where('u.municipality', '=', municipality)
    .where('u.role', '=', 'chef')
    .where('u.from_demo', '=', true)
    .where('u.disabled', '=', false)
    .orderBy('u.username')
    .orderBy('s.org_id')
    .execute();
  const byUser = new Map<string, string[]>();
  for (const r of rows) byUser.set(r.username, [...(byUser.get(r.username) ?? []), r.org_id]);
  return [...byUser].map(([username, orgIds]) => ({ username, orgIds }));
}
