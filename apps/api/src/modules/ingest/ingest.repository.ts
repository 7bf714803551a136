import { type FeedName, type FeedSpec, feedColumn, storedColumn } from '@lis/contracts';
import type { BatchStatus, CopyWriter, Database, StoreTx } from '@lis/db';
import { type Kysely, sql } from 'kysely';
import type { RowError } from './errors.ts';
import type { OrgRow } from './org-tree.ts';
import { isEmptySpan, type MonthSpan, monthsOfVersion } from './unit-validity.ts';

// All SQL of ingestion. Table and column names come from the feed contract (constants), never from input.

type Db = Kysely<Database>;

const STAGE = 'ingest_stage';
const ident = (name: string) => sql.id(name);
const storedColumns = (spec: FeedSpec) => spec.columns.map(storedColumn);
const keyColumns = (spec: FeedSpec) => spec.key.map((name) => feedColumn(spec, name));
const storedKey = (spec: FeedSpec) => keyColumns(spec).map(storedColumn);
/**
 * The rows in effect a delivered row sets aside: the same key, or the same `replaces` columns (a
 * unit delivered replaces all its versions). Null-safe equality only where a column may be null
 * (case_types.valid_from): keeps index use elsewhere.
 */
const keyMatch = (spec: FeedSpec, left: string, right: string) =>
  sql.join(
    (spec.replaces ? spec.replaces.map((name) => feedColumn(spec, name)) : keyColumns(spec)).map((column) => {
      const [l, r] = [sql.ref(`${left}.${storedColumn(column)}`), sql.ref(`${right}.${storedColumn(column)}`)];
      return column.required ? sql`${l} = ${r}` : sql`${l} is not distinct from ${r}`;
    }),
    sql` and `,
  );

export async function findLoadedBatch(db: Db, municipality: string, feed: FeedName, sha256: string) {
  return (
    (await db
      .selectFrom('batches')
      .select(['id', 'row_count'])
      .where('municipality', '=', municipality)
      .where('feed', '=', feed)
      .where('sha256', '=', sha256)
      .where('status', 'in', ['loaded', 'restored'])
      .whereRef('active_rows', '=', 'row_count')
      .orderBy('id', 'desc')
      .executeTakeFirst()) ?? null
  );
}

/**
 * One load (or restore) at a time per store: taken first in the publishing transaction and held
 * until it ends, so the next load reads the units, keys and ledger as the previous one left them.
 * The key is the bytes of 'LIS_LOAD'; advisory locks are per database.
 */
export async function lockLoads(tx: StoreTx): Promise<void> {
  await sql`select pg_advisory_xact_lock(5497016488949662020)`.execute(tx.db);
}

export async function loadReferenceIds(db: Db, municipality: string) {
  const [orgs, caseTypes] = await Promise.all([
    db
      .selectFrom('org_unit_versions')
      .select(['org_id', 'parent_id', 'valid_from', 'valid_to'])
      .where('municipality', '=', municipality)
      .where('active', '=', true)
      .execute(),
    db
      .selectFrom('case_types')
      .select('case_type')
      .distinct()
      .where('municipality', '=', municipality)
      .where('active', '=', true)
      .execute(),
  ]);
  return {
    orgIds: new Set(orgs.map((o) => o.org_id)),
    parentIds: new Set(orgs.flatMap((o) => (o.parent_id === null ? [] : [o.parent_id]))),
    validity: boundedValidity(orgs),
    caseTypes: new Set(caseTypes.map((c) => c.case_type)),
  };
}

/** The months each unit holds in, for the units that do not exist always (most do: they are left out). */
function boundedValidity(versions: { org_id: string; valid_from: string | null; valid_to: string | null }[]) {
  const spans = new Map<string, MonthSpan[]>();
  for (const v of versions) {
    const span = monthsOfVersion(v.valid_from, v.valid_to);
    spans.set(v.org_id, [...(spans.get(v.org_id) ?? []), ...(isEmptySpan(span) ? [] : [span])]);
  }
  for (const [id, list] of spans) if (list.length === 1 && list[0]?.from === null && list[0].to === null) spans.delete(id);
  return spans as ReadonlyMap<string, readonly MonthSpan[]>;
}

/** Which of the units hold personal-data rows in effect: sick leave, or values of the given (personal) KPIs. */
export async function unitsWithPersonalRows(
  db: Db,
  municipality: string,
  orgIds: readonly string[],
  personalKpis: readonly string[],
): Promise<Set<string>> {
  if (orgIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('sickleave')
    .select('org_id')
    .where('municipality', '=', municipality)
    .where('active', '=', true)
    .where('org_id', 'in', orgIds)
    .union(
      db
        .selectFrom('kpi_values')
        .select('org_id')
        .where('municipality', '=', municipality)
        .where('active', '=', true)
        .where('org_id', 'in', orgIds)
        .where('kpi_id', 'in', personalKpis.length > 0 ? personalKpis : ['']),
    )
    .execute();
  return new Set(rows.map((r) => r.org_id));
}

/** Every version of every unit in effect. */
export async function loadOrgRows(db: Db, municipality: string): Promise<OrgRow[]> {
  const rows = await db
    .selectFrom('org_unit_versions')
    .select(['org_id', 'parent_id', 'level', 'valid_from', 'valid_to'])
    .where('municipality', '=', municipality)
    .where('active', '=', true)
    .execute();
  return rows.map((r) => ({
    orgId: r.org_id,
    parentId: r.parent_id,
    level: r.level,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    line: null,
  }));
}

/** Units with personal-data rows in effect (sick leave, values of the given KPIs) that have children in effect. */
export async function personalRowsBesideChildren(
  db: Db,
  municipality: string,
  personalKpis: readonly string[],
): Promise<string[]> {
  // One pass over each fact table (a semi-join on the parents), not one look-up per parent.
  const parents = sql`select parent_id from org_unit_versions where municipality = ${municipality} and active and parent_id is not null`;
  const kpis = sql.join(personalKpis.length > 0 ? personalKpis : ['']);
  const { rows } = await sql<{ org_id: string }>`
    select org_id from sickleave where municipality = ${municipality} and active and org_id in (${parents})
    union
    select org_id from kpi_values where municipality = ${municipality} and active and kpi_id in (${kpis}) and org_id in (${parents})
    order by 1`.execute(db);
  return rows.map((r) => r.org_id);
}

/** A temporary table shaped like the feed's table (same column types) plus the file line. */
export async function createStage(tx: StoreTx, spec: FeedSpec): Promise<void> {
  const columns = sql.join(storedColumns(spec).map(ident));
  await sql`create temp table ${ident(STAGE)} on commit drop as select ${columns} from ${ident(spec.table)} with no data`.execute(
    tx.db,
  );
  await sql`alter table ${ident(STAGE)} add column source_line integer not null`.execute(tx.db);
}

/** One COPY into the stage for the whole file: lines of the feed's stored columns, then the file line. */
export function stageWriter(tx: StoreTx, spec: FeedSpec): CopyWriter {
  return tx.copyWriter(STAGE, [...storedColumns(spec), 'source_line']);
}

/**
 * Whether the municipality has rows of the feed in effect (none: a first load has no key to set
 * aside), from the ledger's counts: the fact table would be scanned past every row set aside.
 */
export async function hasRowsInEffect(db: Db, feed: FeedName, municipality: string): Promise<boolean> {
  const row = await db
    .selectFrom('batches')
    .select('id')
    .where('municipality', '=', municipality)
    .where('feed', '=', feed)
    .where('active_rows', '>', 0)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** One COPY straight into the feed's table: lines of municipality, batch, active, then the feed's stored columns. */
export function factWriter(tx: StoreTx, spec: FeedSpec): CopyWriter {
  return tx.copyWriter(spec.table, ['municipality', 'batch_id', 'active', ...storedColumns(spec)]);
}

/** The row count and months of a batch inserted before its rows were read (a first load). */
export async function completeBatch(
  tx: StoreTx,
  batchId: number,
  rows: number,
  range: { from: string | null; to: string | null },
) {
  await tx.db
    .updateTable('batches')
    .set({ row_count: rows, active_rows: rows, period_from: range.from, period_to: range.to })
    .where('id', '=', batchId)
    .execute();
}

export async function savepoint(tx: StoreTx, name: 'first_load'): Promise<void> {
  await sql`savepoint ${ident(name)}`.execute(tx.db);
}

export async function rollbackTo(tx: StoreTx, name: 'first_load'): Promise<void> {
  await sql`rollback to savepoint ${ident(name)}`.execute(tx.db);
}

export async function releaseSavepoint(tx: StoreTx, name: 'first_load'): Promise<void> {
  await sql`release savepoint ${ident(name)}`.execute(tx.db);
}

/** Rows whose key appeared earlier in the same file. */
export async function findDuplicateKeys(
  tx: StoreTx,
  spec: FeedSpec,
  limit: number,
): Promise<{ errors: RowError[]; total: number }> {
  const key = sql.join(storedKey(spec).map(ident));
  // Naming the lines takes two window functions (a sort of the whole stage); a plain grouping answers first whether there is anything to name.
  const { rows: found } = await sql`select 1 from ${ident(STAGE)} group by ${key} having count(*) > 1 limit 1`.execute(tx.db);
  if (found.length === 0) return { errors: [], total: 0 };
  const duplicates = sql`
    select source_line as line, first_line from (
      select source_line, min(source_line) over (partition by ${key}) as first_line,
             row_number() over (partition by ${key} order by source_line) as rn
      from ${ident(STAGE)}
    ) ranked where rn > 1`;
  const { rows } = await sql<{ line: number; first_line: number; total: number }>`
    select line, first_line, count(*) over () as total from (${duplicates}) d order by line limit ${limit}`.execute(tx.db);
  const keyText = spec.key.join(', ');
  return {
    errors: rows.map((r) => ({
      line: r.line,
      column: spec.key[0] ?? null,
      value: null,
      message: `dobbelt nøgle (${keyText}): samme nøgle står på linje ${r.first_line}`,
    })),
    total: Number(rows[0]?.total ?? 0),
  };
}

export interface NewBatch {
  /** an id taken before (an undone first load's, reused for its rejection); else the next one */
  id?: number;
  municipality: string;
  feed: FeedName;
  fileName: string;
  sha256: string;
  rowCount: number;
  errorCount: number;
  loadedBy: string;
  status: BatchStatus;
  periodFrom: string | null;
  periodTo: string | null;
}

export async function insertBatch(db: Db, batch: NewBatch): Promise<number> {
  const row = await db
    .insertInto('batches')
    .values({
      ...(batch.id === undefined ? {} : { id: batch.id }),
      municipality: batch.municipality,
      feed: batch.feed,
      file_name: batch.fileName,
      sha256: batch.sha256,
      row_count: batch.rowCount,
      active_rows: batch.status === 'rejected' ? 0 : batch.rowCount,
      error_count: batch.errorCount,
      loaded_by: batch.loadedBy,
      status: batch.status,
      period_from: batch.periodFrom,
      period_to: batch.periodTo,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Rows of earlier batches set aside by a publish or restore, per batch, with the first and last
 * period they held ('YYYY-MM-DD', or the year): a case delivered again may have moved to other months.
 */
export type ReplacedRows = { batchId: number; rows: number; first: string | null; last: string | null }[];

/** The period of a row as text that sorts in time, null for feeds without one. */
function periodText(spec: FeedSpec, alias: string) {
  if (!spec.periodColumn) return sql<string | null>`null::text`;
  const column = feedColumn(spec, spec.periodColumn);
  const ref = sql.ref(`${alias}.${storedColumn(column)}`);
  return column.type.kind === 'year' ? sql<string>`${ref}::text` : sql<string>`to_char(${ref}, 'YYYY-MM-DD')`;
}

type ReplacedRow = { batch_id: number; rows: number; first: string | null; last: string | null };
const toReplaced = (rows: ReplacedRow[]): ReplacedRows =>
  rows.map((r) => ({ batchId: r.batch_id, rows: r.rows, first: r.first, last: r.last }));

/** The stage holds a key twice (or a concurrent load stored one first): the table's key index refused the publish. */
export class KeyConflict extends Error {
  constructor(cause: unknown) {
    super('a key of the staged rows is already in effect', { cause });
  }
}

/**
 * Publishes the staged rows as `batchId`: rows in effect with the same keys are set aside
 * (kept for restore), the new rows take their place. Returns the rows set aside per batch.
 * Throws KeyConflict, with the transaction still usable, when the key index refuses a row.
 */
export async function publishStage(tx: StoreTx, spec: FeedSpec, municipality: string, batchId: number): Promise<ReplacedRows> {
  const table = ident(spec.table);
  await sql`savepoint publish`.execute(tx.db);
  try {
    const { rows } = await sql<ReplacedRow>`
      with replaced as (
        update ${table} as f set active = false
        from ${ident(STAGE)} as s
        where f.active and f.municipality = ${municipality} and ${keyMatch(spec, 'f', 's')}
        returning f.batch_id, ${periodText(spec, 'f')} as period
      ) select batch_id, count(*)::int as rows, min(period) as first, max(period) as last
        from replaced group by batch_id`.execute(tx.db);
    const columns = sql.join(storedColumns(spec).map(ident));
    await sql`
      insert into ${table} (municipality, batch_id, active, ${columns})
      select ${municipality}, ${batchId}, true, ${columns} from ${ident(STAGE)}`.execute(tx.db);
    await sql`release savepoint publish`.execute(tx.db);
    return toReplaced(rows);
  } catch (error) {
    if (!isKeyViolation(error, `${spec.table}_active_key`)) throw error;
    await sql`rollback to savepoint publish`.execute(tx.db);
    throw new KeyConflict(error);
  }
}

/** The feed table's key index refused a row: a key twice in the file, or a concurrent load stored it first. */
export const isKeyConflict = (error: unknown, spec: FeedSpec) => isKeyViolation(error, `${spec.table}_active_key`);

// 23505 unique_violation; both engines name the index in `constraint`.
const isKeyViolation = (error: unknown, index: string) =>
  (error as { code?: string }).code === '23505' && (error as { constraint?: string }).constraint === index;

/**
 * Puts a batch's rows back in effect, setting aside the rows that replaced them. Returns the rows
 * set aside per batch. Fact tables have no index on batch_id (ADR 0008): a restore scans the table.
 */
export async function reactivateBatch(tx: StoreTx, spec: FeedSpec, batchId: number): Promise<ReplacedRows> {
  const table = ident(spec.table);
  const { rows } = await sql<ReplacedRow>`
    with replaced as (
      update ${table} as f set active = false
      from ${table} as r
      where r.batch_id = ${batchId} and f.active and f.batch_id <> ${batchId}
        and f.municipality = r.municipality and ${keyMatch(spec, 'f', 'r')}
      returning f.batch_id, ${periodText(spec, 'f')} as period
    ) select batch_id, count(*)::int as rows, min(period) as first, max(period) as last
      from replaced group by batch_id`.execute(tx.db);
  await sql`update ${table} set active = true where batch_id = ${batchId} and not active`.execute(tx.db);
  return toReplaced(rows);
}

/**
 * Takes the rows set aside off the batches' counts of rows in effect; a batch with none left
 * becomes 'replaced'. Counting from the replaced rows spares a scan of the table per batch.
 */
export async function deductReplacedRows(tx: StoreTx, replaced: ReplacedRows): Promise<void> {
  if (replaced.length === 0) return;
  const counts = sql.join(replaced.map((r) => sql`(${r.batchId}::bigint, ${r.rows}::int)`));
  await sql`
    update batches b set
      active_rows = b.active_rows - r.rows,
      status = case when b.active_rows - r.rows = 0 then 'replaced' else b.status end
    from (values ${counts}) as r (id, rows)
    where b.id = r.id`.execute(tx.db);
}

export async function markRestored(tx: StoreTx, batchId: number): Promise<void> {
  await sql`
    update batches set status = 'restored', restored_at = now(), active_rows = row_count where id = ${batchId}`.execute(tx.db);
}

export async function findBatch(db: Db, municipality: string, batchId: number) {
  return (
    (await db
      .selectFrom('batches')
      .selectAll()
      .where('municipality', '=', municipality)
      .where('id', '=', batchId)
      .executeTakeFirst()) ?? null
  );
}

export async function listBatches(db: Db, municipality: string, limit: number, feed: FeedName | null) {
  let query = db.selectFrom('batches').selectAll().where('municipality', '=', municipality);
  if (feed) query = query.where('feed', '=', feed);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

/**
 * Analyzes the feed's table when a change is large for it (autovacuum's rule: more than 50 rows +
 * 10 % of the rows it had), within the transaction: the indicator refresh that follows is then
 * planned on the rows as they are now, not on stale or no statistics (a first million rows was
 * refreshed in 2.9 s with index scans and sorts, in 1.0 s with an analyze of 0.15 s).
 */
export async function analyzeAfterLargeChange(tx: StoreTx, spec: FeedSpec, changedRows: number): Promise<void> {
  const { rows } = await sql<{ reltuples: number }>`
    select reltuples from pg_class where oid = ${spec.table}::regclass`.execute(tx.db);
  const known = rows[0]?.reltuples ?? -1; // -1: never analyzed
  if (known < 0 || changedRows > 50 + 0.1 * known) await sql`analyze ${ident(spec.table)}`.execute(tx.db);
}

/**
 * Rebuilds what is derived from the versions of the units in effect: org_units (each unit's newest
 * version), org_closure (today's tree over them) and org_closure_history (every month's tree; a
 * pair holds in the months all the versions on its path hold, docs/adr/0011).
 */
export async function rebuildOrgClosure(tx: StoreTx, municipality: string): Promise<void> {
  await tx.db.deleteFrom('org_units').where('municipality', '=', municipality).execute();
  await sql`
    insert into org_units (municipality, org_id, parent_id, name, level, valid_from, valid_to, batch_id, active)
    select distinct on (org_id) municipality, org_id, parent_id, name, level, valid_from, valid_to, batch_id, true
    from org_unit_versions where municipality = ${municipality} and active
    order by org_id, valid_from desc nulls last`.execute(tx.db);
  await tx.db.deleteFrom('org_closure').where('municipality', '=', municipality).execute();
  await sql`
    insert into org_closure (municipality, ancestor_id, descendant_id, depth)
    with recursive tree(ancestor_id, descendant_id, depth) as (
      select org_id, org_id, 0 from org_units where municipality = ${municipality} and active
      union all
      select tree.ancestor_id, u.org_id, tree.depth + 1
      from tree join org_units u on u.parent_id = tree.descendant_id and u.municipality = ${municipality} and u.active
    )
    select ${municipality}, ancestor_id, descendant_id, depth from tree`.execute(tx.db);
  await tx.db.deleteFrom('org_closure_history').where('municipality', '=', municipality).execute();
  // A month belongs to the tree of its first day: a version from the 15th holds from the next month.
  await sql`
    insert into org_closure_history (municipality, ancestor_id, descendant_id, depth, valid_from, valid_to)
    with recursive versions as (
      select org_id, parent_id,
             case when valid_from is null then '-infinity'::date
                  else (date_trunc('month', valid_from - 1) + interval '1 month')::date end as first_month,
             case when valid_to is null then 'infinity'::date else date_trunc('month', valid_to)::date end as last_month
      from org_unit_versions where municipality = ${municipality} and active
    ),
    tree(ancestor_id, descendant_id, depth, first_month, last_month) as (
      select org_id, org_id, 0, first_month, last_month from versions where first_month <= last_month
      union all
      select tree.ancestor_id, v.org_id, tree.depth + 1, greatest(tree.first_month, v.first_month), least(tree.last_month, v.last_month)
      from tree join versions v on v.parent_id = tree.descendant_id
      where greatest(tree.first_month, v.first_month) <= least(tree.last_month, v.last_month)
    )
    select ${municipality}, ancestor_id, descendant_id, depth, first_month, last_month from tree`.execute(tx.db);
  // Every rollup joins through the closures: without statistics the planner takes them for a few rows.
  await sql`analyze org_closure`.execute(tx.db);
  await sql`analyze org_closure_history`.execute(tx.db);
}
