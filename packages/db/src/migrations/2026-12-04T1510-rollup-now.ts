import { type Kysely, sql } from 'kysely';

// Frozen: never import application code here, never edit after release; add a new migration instead.

/**
 * The rollups recast into today's tree ("som organiseret nu", docs/adr/0011-organisation-over-time.md),
 * beside kpi_rollup's months on the tree valid in them; kept only while the organisation has changed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table kpi_rollup_now (like kpi_rollup including all)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table kpi_rollup_now`.execute(db);
}
