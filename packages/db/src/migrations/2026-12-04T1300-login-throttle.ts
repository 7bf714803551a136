import { type Kysely, sql } from 'kysely';

// Frozen: never import application code here, never edit after release; add a new migration instead.

export async function up(db: Kysely<unknown>): Promise<void> {
  // Failed sign-ins per account name (lower case, known or not), so that the back-off holds across
  // processes and addresses. A row goes when its window has passed or the account signs in.
  await sql`
    create table login_throttle (
      municipality text not null,
      username text not null,
      failures integer not null,
      window_start timestamptz not null,
      primary key (municipality, username)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table login_throttle`.execute(db);
}
