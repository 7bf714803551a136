import { type FeedName, type FeedSpec, feedColumn, storedColumn } from '@lis/contracts';
import type { BatchStatus, Database, StoreTx } from '@lis/db';
import { type Kysely, sql } from 'kysely';
import type { RowError } from './errors.ts';
import type { OrgRow } from './org-tree.ts';

// All SQL of ingestion. Table and column names come from the feed contract (constants), never from input.

type Db = Kysely<Database>;

const STAGE = 'ingest_stage';
const ident = (name: string) => sql.id(name);
const storedColumns = (spec: FeedSpec) => spec.columns.map(storedColumn);
const keyColumns = (spec: FeedSpec) => spec.key.map((name) => feedColumn(spec, name));
const storedKey = (spec: FeedSpec) => keyColumns(spec).map(storedColumn);
/** Null-safe equality only where a key column may be null (case_types.valid_from): keeps index use elsewhere. */
const keyMatch = (spec: FeedSpec, left: string, right: string) =>
  sql.join(
    keyColumns(spec).map((column) => {
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

export async function loadReferenceIds(db: Db, municipality: string) {
  const [orgs, caseTypes] = await Promise.all([
    db.selectFrom('org_units').select('org_id').where('municipality', '=', municipality).where('active', '=', true).execute(),
    db
      .selectFrom('case_types')
      .select('case_type')
      .distinct()
      .where('municipality', '=', municipality)
      .where('active', '=', true)
      .execute(),
  ]);
  return { orgIds: new Set(orgs.map((o) => o.org_id)), caseTypes: new Set(caseTypes.map((c) => c.case_type)) };
}

export async function loadOrgRows(db: Db, municipality: string): Promise<OrgRow[]> {
  const rows = await db
    .selectFrom('org_units')
    .select(['org_id', 'parent_id', 'level'])
    .where('municipality', '=', municipality)
    .where('active', '=', true)
    .execute();
  return rows.map((r) => ({ orgId: r.org_id, parentId: r.parent_id, level: r.level, line: null }));
}

/** A temporary table shaped like the feed's table (same column types) plus the file line. */
export async function createStage(tx: StoreTx, spec: FeedSpec): Promise<void> {
  const columns = sql.join(storedColumns(spec).map(ident));
  await sql`create temp table ${ident(STAGE)} on commit drop as select ${columns} from ${ident(spec.table)} with no data`.execute(
    tx.db,
  );
  await sql`alter table ${ident(STAGE)} add column source_line integer not null`.execute(tx.db);
}

export function copyIntoStage(tx: StoreTx, spec: FeedSpec, text: string): Promise<void> {
  return tx.copyInto(STAGE, [...storedColumns(spec), 'source_line'], text);
}

/** Rows whose key appeared earlier in the same file. */
export async function findDuplicateKeys(
  tx: StoreTx,
  spec: FeedSpec,
  limit: number,
): Promise<{ errors: RowError[]; total: number }> {
  const key = sql.join(storedKey(spec).map(ident));
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
      message: `duplicate key (${keyText}): the same key is on line ${r.first_line}`,
    })),
    total: Number(rows[0]?.total ?? 0),
  };
}

export async function stagedPeriodRange(tx: StoreTx, spec: FeedSpec): Promise<{ from: string | null; to: string | null }> {
  if (!spec.periodColumn) return { from: null, to: null };
  const periodColumn = feedColumn(spec, spec.periodColumn);
  const column = ident(storedColumn(periodColumn));
  const { rows } =
    periodColumn.type.kind === 'year'
      ? await sql<{ from: string | null; to: string | null }>`
        select make_date(min(${column}), 1, 1) as "from", make_date(max(${column}), 12, 1) as "to" from ${ident(STAGE)}`.execute(
          tx.db,
        )
      : await sql<{ from: string | null; to: string | null }>`
        select date_trunc('month', min(${column}))::date as "from", date_trunc('month', max(${column}))::date as "to" from ${ident(STAGE)}`.execute(
          tx.db,
        );
  return rows[0] ?? { from: null, to: null };
}

export interface NewBatch {
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
 * Publishes the staged rows as `batchId`: rows in effect with the same keys are set aside
 * (kept for restore), the new rows take their place. Returns the batches that lost rows.
 */
export async function publishStage(tx: StoreTx, spec: FeedSpec, municipality: string, batchId: number): Promise<number[]> {
  const table = ident(spec.table);
  const { rows } = await sql<{ batch_id: number }>`
    with replaced as (
      update ${table} as f set active = false
      from ${ident(STAGE)} as s
      where f.active and f.municipality = ${municipality} and ${keyMatch(spec, 'f', 's')}
      returning f.batch_id
    ) select distinct batch_id from replaced`.execute(tx.db);
  const columns = sql.join(storedColumns(spec).map(ident));
  await sql`
    insert into ${table} (municipality, batch_id, active, ${columns})
    select ${municipality}, ${batchId}, true, ${columns} from ${ident(STAGE)}`.execute(tx.db);
  return rows.map((r) => r.batch_id);
}

/** Puts a batch's rows back in effect, setting aside the rows that replaced them. Returns the batches that lost rows. */
export async function reactivateBatch(tx: StoreTx, spec: FeedSpec, batchId: number): Promise<number[]> {
  const table = ident(spec.table);
  const { rows } = await sql<{ batch_id: number }>`
    with replaced as (
      update ${table} as f set active = false
      from ${table} as r
      where r.batch_id = ${batchId} and f.active and f.batch_id <> ${batchId}
        and f.municipality = r.municipality and ${keyMatch(spec, 'f', 'r')}
      returning f.batch_id
    ) select distinct batch_id from replaced`.execute(tx.db);
  await sql`update ${table} set active = true where batch_id = ${batchId} and not active`.execute(tx.db);
  return rows.map((r) => r.batch_id);
}

/** Recounts the rows in effect of the given batches; a batch with none left becomes 'replaced'. */
export async function recountBatches(tx: StoreTx, spec: FeedSpec, batchIds: readonly number[]): Promise<void> {
  if (batchIds.length === 0) return;
  await sql`
    update batches b set
      active_rows = (select count(*) from ${ident(spec.table)} f where f.batch_id = b.id and f.active),
      status = case when exists (select 1 from ${ident(spec.table)} f where f.batch_id = b.id and f.active) then b.status else 'replaced' end
    where b.id in (${sql.join(batchIds)})`.execute(tx.db);
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

/** Rebuilds the ancestor/descendant pairs of the units in effect (every unit is its own ancestor at depth 0). */
export async function rebuildOrgClosure(tx: StoreTx, municipality: string): Promise<void> {
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
}
