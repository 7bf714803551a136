import { type Kysely, sql } from 'kysely';

// Frozen: never import application code here, never edit after release; add a new migration instead.

/**
 * Whether any original budget was delivered in the read model's group (the balance's reconciliation
 * tells "no original budget" from an original budget of 0). Emptied, so that the server rebuilds
 * the read model at start with the flag (docs/adr/0012-economy-read-model.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`delete from economy_rollup_category`.execute(db);
  await sql`delete from economy_rollup`.execute(db);
  await sql`alter table economy_rollup add column has_original boolean not null default false`.execute(db);
  await sql`alter table economy_rollup_category add column has_original boolean not null default false`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table economy_rollup_category drop column has_original`.execute(db);
  await sql`alter table economy_rollup drop column has_original`.execute(db);
}
