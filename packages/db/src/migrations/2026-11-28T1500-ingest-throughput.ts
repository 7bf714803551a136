import { type Kysely, sql } from 'kysely';

// Frozen: never import application code here, never edit after release; add a new migration instead.

// The fact tables of 2026-11-27T1900-foundation, listed again so that this file stays frozen on its own.
const FACT_TABLES = [
  'org_units',
  'economy',
  'budget_plan',
  'sickleave',
  'case_types',
  'cases',
  'benchmark',
  'kpi_values',
  'targets',
];

/**
 * Publishing a million rows paid ≈ 3 s for the per-row foreign-key trigger on batch_id and ≈ 0.8 s
 * for the by-batch index (docs/adr/0008-ingest-throughput.md). Only ingestion writes fact rows, always
 * with the id of the batch it has just inserted; the ledger's counts are kept from the replaced rows,
 * and a restore (a rare admin action) may scan the table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of FACT_TABLES) {
    await sql.raw(`alter table ${table} drop constraint ${table}_batch_id_fkey`).execute(db);
    await sql.raw(`drop index ${table}_by_batch`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of FACT_TABLES) {
    await sql.raw(`alter table ${table} add foreign key (batch_id) references batches(id)`).execute(db);
    await sql.raw(`create index ${table}_by_batch on ${table} (batch_id)`).execute(db);
  }
}
