import type { Database } from '@lis/db';
import { type Kysely, sql } from 'kysely';

// All SQL of reading indicators. Reads only the precomputed rollups, never the raw facts.

type Db = Kysely<Database>;
const monthStart = (period: string) => `${period}-01`;

export interface OrgRow {
  id: string;
  parentId: string | null;
  name: string;
  level: 'kommune' | 'forvaltning' | 'afdeling' | 'enhed';
  validFrom: string | null;
  validTo: string | null;
}

const orgColumns = [
  'org_id as id',
  'parent_id as parentId',
  'name',
  'level',
  'valid_from as validFrom',
  'valid_to as validTo',
] as const;

export async function listOrgUnits(db: Db, municipality: string): Promise<OrgRow[]> {
  return db
    .selectFrom('org_units')
    .select(orgColumns)
    .where('municipality', '=', municipality)
    .where('active', '=', true)
    .orderBy('name')
    .execute();
}

export async function findOrgUnit(db: Db, municipality: string, orgId: string): Promise<OrgRow | null> {
  return (
    (await db
      .selectFrom('org_units')
      .select(orgColumns)
      .where('municipality', '=', municipality)
      .where('active', '=', true)
      .where('org_id', '=', orgId)
      .executeTakeFirst()) ?? null
  );
}

export async function childrenOf(db: Db, municipality: string, orgId: string): Promise<OrgRow[]> {
  return db
    .selectFrom('org_units')
    .select(orgColumns)
    .where('municipality', '=', municipality)
    .where('active', '=', true)
    .where('parent_id', '=', orgId)
    .orderBy('name')
    .execute();
}

/** The unit and its ancestors, nearest first. */
export async function ancestorsOf(db: Db, municipality: string, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('org_closure')
    .select('ancestor_id')
    .where('municipality', '=', municipality)
    .where('descendant_id', '=', orgId)
    .orderBy('depth')
    .execute();
  return rows.map((r) => r.ancestor_id);
}

export interface RollupRead {
  org_id: string;
  period: string;
  kpi_id: string;
  value: number | null;
  n: number | null;
  ytd_value: number | null;
  suppressed: boolean;
  reference_value: number | null;
  data_period: string | null;
  batch_id: number | null;
}

export async function rollups(
  db: Db,
  municipality: string,
  orgIds: readonly string[],
  from: string,
  to: string,
  kpiId: string | null = null,
): Promise<RollupRead[]> {
  if (orgIds.length === 0) return [];
  let query = db
    .selectFrom('kpi_rollup')
    .select([
      'org_id',
      sql<string>`to_char(period, 'YYYY-MM')`.as('period'),
      'kpi_id',
      'value',
      'n',
      'ytd_value',
      'suppressed',
      'reference_value',
      sql<string | null>`to_char(data_period, 'YYYY-MM')`.as('data_period'),
      'batch_id',
    ])
    .where('municipality', '=', municipality)
    .where('org_id', 'in', [...orgIds])
    .where('period', '>=', monthStart(from))
    .where('period', '<=', monthStart(to));
  if (kpiId) query = query.where('kpi_id', '=', kpiId);
  return query.execute();
}

/** The newest month with data of its own (a carried-forward survey does not make a month current). */
export async function latestPeriod(db: Db, municipality: string): Promise<string | null> {
  const row = await db
    .selectFrom('kpi_rollup')
    .select(sql<string | null>`to_char(max(period), 'YYYY-MM')`.as('latest'))
    .where('municipality', '=', municipality)
    .where('data_period', 'is', null)
    .where('kpi_id', '!=', 'operating_surplus')
    .executeTakeFirst();
  return row?.latest ?? null;
}

export interface TargetRead {
  kpi_id: string;
  org_id: string;
  year: number;
  target: number;
  tolerance: number | null;
}

export async function targetsFor(
  db: Db,
  municipality: string,
  orgIds: readonly string[],
  years: readonly number[],
  kpiId: string | null = null,
): Promise<TargetRead[]> {
  if (orgIds.length === 0 || years.length === 0) return [];
  let query = db
    .selectFrom('targets')
    .select(['kpi_id', 'org_id', 'year', 'target', 'tolerance'])
    .where('municipality', '=', municipality)
    .where('active', '=', true)
    .where('org_id', 'in', [...orgIds])
    .where('year', 'in', [...years]);
  if (kpiId) query = query.where('kpi_id', '=', kpiId);
  return query.execute();
}

export async function batchTimes(db: Db, batchIds: readonly number[]): Promise<Map<number, Date>> {
  if (batchIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('batches')
    .select(['id', 'loaded_at'])
    .where('id', 'in', [...batchIds])
    .execute();
  return new Map(rows.map((r) => [r.id, r.loaded_at]));
}

/** Each of the units with its ancestors (nearest first), for target inheritance in a breakdown. */
export async function ancestorPaths(db: Db, municipality: string, orgIds: readonly string[]): Promise<Map<string, string[]>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_closure')
    .select(['descendant_id', 'ancestor_id'])
    .where('municipality', '=', municipality)
    .where('descendant_id', 'in', [...orgIds])
    .orderBy('depth')
    .execute();
  const paths = new Map<string, string[]>();
  for (const r of rows) paths.set(r.descendant_id, [...(paths.get(r.descendant_id) ?? []), r.ancestor_id]);
  return paths;
}
