import { type Kysely, sql } from 'kysely';

// Frozen: never import application code here, never edit after release; add a new migration instead.

export async function up(db: Kysely<unknown>): Promise<void> {
  // The first and newest month with data, kept by the indicator refresh, so that every dashboard
  // read does not have to look them up in the rollups.
  await sql`
    create table kpi_periods (
      municipality text primary key,
      first_period date,
      latest_period date
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table kpi_periods`.execute(db);
}
