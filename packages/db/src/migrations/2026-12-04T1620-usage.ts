import { type Kysely, sql } from 'kysely';

// Frozen: never import application code here, never edit after release; add a new migration instead.

export async function up(db: Kysely<unknown>): Promise<void> {
  // Pages viewed in LIS, for the page "Anvendelse": only the kind of page, the user and the minute
  // (no address, no query, no unit): one row per user, page kind and minute, so reloading adds nothing.
  await sql`
    create table page_views (
      municipality text not null,
      user_id integer not null,
      page text not null,
      minute timestamptz not null,
      primary key (municipality, user_id, page, minute)
    )`.execute(db);
  await sql`create index page_views_by_minute on page_views (municipality, minute)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table page_views`.execute(db);
}
