import type { RollupView } from '@lis/contracts';
import type { Database } from '@lis/db';
import { type Kysely, sql } from 'kysely';
import { type OrgRow, orgJson } from '../org/org.service.ts';

// All SQL of reading indicators. Reads only the precomputed rollups, never the raw facts.

type Db = Kysely<Database>;
const monthStart = (period: string) => `${period}-01`;

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
  view: RollupView = 'then',
): Promise<RollupRead[]> {
  if (orgIds.length === 0) return [];
  // The recast rows are kept only once the organisation has changed; until then both views are one.
  const recast = view === 'now' && (await hasRecastRollups(db, municipality));
  let query = db
    .selectFrom(recast ? 'kpi_rollup_now' : 'kpi_rollup')
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

async function hasRecastRollups(db: Db, municipality: string): Promise<boolean> {
  const row = await db
    .selectFrom('kpi_rollup_now')
    .select('org_id')
    .where('municipality', '=', municipality)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The first and newest month with data, as the indicator refresh recorded them. */
export async function dataPeriods(db: Db, municipality: string): Promise<{ first: string | null; latest: string | null }> {
  const row = await db
    .selectFrom('kpi_periods')
    .select([
      sql<string | null>`to_char(first_period, 'YYYY-MM')`.as('first'),
      sql<string | null>`to_char(latest_period, 'YYYY-MM')`.as('latest'),
    ])
    .where('municipality', '=', municipality)
    .executeTakeFirst();
  return row ?? { first: null, latest: null };
}

export interface DashboardData {
  /** null when the unit does not exist */
  org: OrgRow | null;
  latestPeriod: string | null;
  firstPeriod: string | null;
  /** the unit and its ancestors, nearest first */
  path: string[];
  rows: RollupRead[];
  targets: TargetRead[];
  /** load time of each batch behind the rows */
  loadedAt: Map<number, Date>;
}

/**
 * Everything a dashboard needs in one round trip (on a VM each query costs a socket write): the
 * unit, the newest month, the unit's ancestors, its rollup rows of [from, to], the targets of the year along its
 * path and the load times of the batches behind the rows.
 */
export async function dashboardData(
  db: Db,
  municipality: string,
  orgId: string,
  window: { from: string; to: string; year: number },
): Promise<DashboardData> {
  const { rows } = await sql<{
    org: OrgRow | null;
    latest: string | null;
    first: string | null;
    path: string[] | null;
    rollups: RollupRead[] | null;
    targets: TargetRead[] | null;
    batches: { id: number; loaded_at: string }[] | null;
  }>`/* prepared:dashboard */
    with path as (
      select ancestor_id, depth from org_closure where municipality = ${municipality} and descendant_id = ${orgId}
    ),
    r as (
      select org_id, to_char(period, 'YYYY-MM') as period, kpi_id, value, n, ytd_value, suppressed, reference_value,
             to_char(data_period, 'YYYY-MM') as data_period, batch_id
      from kpi_rollup
      where municipality = ${municipality} and org_id = ${orgId} and period between ${monthStart(window.from)}::date and ${monthStart(window.to)}::date
    )
    select
      (select ${orgJson('u')} from org_units u where u.municipality = ${municipality} and u.active and u.org_id = ${orgId}) as org,
      (select to_char(latest_period, 'YYYY-MM') from kpi_periods where municipality = ${municipality}) as latest,
      (select to_char(first_period, 'YYYY-MM') from kpi_periods where municipality = ${municipality}) as first,
      (select json_agg(ancestor_id order by depth) from path) as path,
      (select json_agg(r) from r) as rollups,
      (select json_agg(t) from (
        select kpi_id, org_id, year, target::float8 as target, tolerance::float8 as tolerance from targets
        where municipality = ${municipality} and active and year = ${window.year} and org_id in (select ancestor_id from path)
      ) t) as targets,
      (select json_agg(b) from (select id, loaded_at from batches where id in (select distinct batch_id from r)) b) as batches`.execute(
    db,
  );
  const row = rows[0];
  return {
    org: row?.org ?? null,
    latestPeriod: row?.latest ?? null,
    firstPeriod: row?.first ?? null,
    path: row?.path ?? [],
    rows: row?.rollups ?? [],
    targets: row?.targets ?? [],
    loadedAt: new Map((row?.batches ?? []).map((b) => [Number(b.id), new Date(b.loaded_at)])),
  };
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
