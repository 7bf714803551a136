import { type Kysely, sql } from 'kysely';

// Frozen: never import application code here, never edit after release; add a new migration instead.

/**
 * The follow-up's figures as of each month, pre-summed per (unit's subtree, year, month, category):
 * the year's original and corrected budget and, up to the month, the phased budget and the actuals.
 * A follow-up then reads its units' rows of one month by key instead of summing their twelve
 * (docs/adr/0012-economy-read-model.md). Emptied, so that the server rebuilds the model at start.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`delete from economy_rollup_category`.execute(db);
  await sql`delete from economy_rollup`.execute(db);
  for (const column of ['original_year', 'corrected_year', 'phased_ytd', 'actual_ytd'])
    await sql`alter table economy_rollup_category add column ${sql.id(column)} numeric(18,2) not null default 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['original_year', 'corrected_year', 'phased_ytd', 'actual_ytd'])
    await sql`alter table economy_rollup_category drop column ${sql.id(column)}`.execute(db);
}
