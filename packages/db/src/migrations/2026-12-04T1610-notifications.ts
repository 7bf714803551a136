import { type Kysely, sql } from 'kysely';

// Frozen: never import application code here, never edit after release; add a new migration instead.

export async function up(db: Kysely<unknown>): Promise<void> {
  // Where a person's notifications go: the provider's email claim, or set for a local user.
  await sql`alter table users add column email text`.execute(db);

  // A kind a person turned off (every kind is on unless a row here says otherwise).
  await sql`
    create table notification_preferences (
      user_id bigint not null references users (id) on delete cascade,
      kind text not null check (kind in ('red_figures','weekly_reminder','feed_missing')),
      enabled boolean not null,
      primary key (user_id, kind)
    )`.execute(db);

  // What was sent once and must not be sent again (a feed missing for a month, a week's reminder),
  // also when several servers share the store: the insert that wins sends.
  await sql`
    create table notifications_sent (
      municipality text not null,
      kind text not null,
      subject_key text not null,
      sent_at timestamptz not null default now(),
      primary key (municipality, kind, subject_key)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table notifications_sent`.execute(db);
  await sql`drop table notification_preferences`.execute(db);
  await sql`alter table users drop column email`.execute(db);
}
