import { type Kysely, sql } from 'kysely';

// Frozen: never import application code here, never edit after release; add a new migration instead.

/**
 * The population feed (docs/feeds.md, docs/demography.md): persons by municipality, year and age
 * (a single year or a band), actual or a named forecast. Shaped like the other fact tables: batch
 * history, one row in effect per key, no foreign key or index on batch_id (ADR 0008). An actual
 * row has no vintage, so the key reads it as ''.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table population (
      municipality text not null,
      subject_municipality text not null,
      year integer not null,
      age text not null,
      count numeric(12,2) not null,
      kind text not null check (kind in ('actual','forecast')),
      vintage text,
      batch_id bigint not null,
      active boolean not null default true
    )`.execute(db);
  await sql`
    create unique index population_active_key on population
      (municipality, subject_municipality, year, age, kind, coalesce(vintage, '')) where active`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table population`.execute(db);
}
