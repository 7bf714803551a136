import { type Kysely, sql } from 'kysely';

// Frozen: never import application code here, never edit after release; add a new migration instead.

/**
 * A unit's children in effect by key: the follow-up and the breakdowns read them on every request,
 * and without this each read scanned every unit of the municipality.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index org_units_active_children on org_units (municipality, parent_id) where active`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index org_units_active_children`.execute(db);
}
