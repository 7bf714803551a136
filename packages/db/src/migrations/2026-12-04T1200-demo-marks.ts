import { type Kysely, sql } from 'kysely';

// Frozen: never import application code here, never edit after release; add a new migration instead.

export async function up(db: Kysely<unknown>): Promise<void> {
  // What the demo created, so that demo users are never added to (and are retired from) a store
  // that holds a delivery of real data.
  await sql`alter table batches add column from_demo boolean not null default false`.execute(db);
  await sql`alter table users add column from_demo boolean not null default false`.execute(db);
  // Stores made by earlier versions: the demo loaded its files as 'demo' from 'demo/…' names and
  // created its users with '(demo)' display names.
  await sql`update batches set from_demo = true where loaded_by = 'demo' and file_name like 'demo/%'`.execute(db);
  await sql`
    update users set from_demo = true
    where username in ('admin', 'direktion', 'oekonom', 'chef', 'feeder') and display_name like '%(demo)'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users drop column from_demo`.execute(db);
  await sql`alter table batches drop column from_demo`.execute(db);
}
