import { type Kysely, sql } from 'kysely';

// Frozen: never import application code here, never edit after release; add a new migration instead.

export async function up(db: Kysely<unknown>): Promise<void> {
  // A chef's explanation of one KPI × unit × month, with an optional action; the row is the
  // current content, explanation_versions keeps every edit in full (who, when, what).
  await sql`
    create table explanations (
      municipality text not null,
      kpi_id text not null,
      org_id text not null,
      period date not null,
      text text not null,
      action text,
      action_owner text,
      action_due date,
      expected_effect text,
      action_done_at timestamptz,
      action_done_by text,
      version integer not null,
      updated_by text not null,
      updated_at timestamptz not null,
      from_demo boolean not null default false,
      primary key (municipality, period, org_id, kpi_id)
    )`.execute(db);
  await sql`
    create index explanations_open_actions on explanations (municipality, action_due)
    where action_due is not null and action_done_at is null`.execute(db);
  await sql`
    create table explanation_versions (
      municipality text not null,
      kpi_id text not null,
      org_id text not null,
      period date not null,
      version integer not null,
      change text not null,
      text text not null,
      action text,
      action_owner text,
      action_due date,
      expected_effect text,
      action_done_at timestamptz,
      action_done_by text,
      changed_by text not null,
      changed_at timestamptz not null,
      primary key (municipality, period, org_id, kpi_id, version)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table explanation_versions`.execute(db);
  await sql`drop table explanations`.execute(db);
}
