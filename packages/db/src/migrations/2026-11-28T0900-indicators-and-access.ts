import { type Kysely, sql } from 'kysely';

// Frozen: never import application code here, never edit after release; add a new migration instead.

export async function up(db: Kysely<unknown>): Promise<void> {
  // Indicators precomputed per org unit (every level) × month × KPI, refreshed when a batch is published.
  await sql`
    create table kpi_rollup (
      municipality text not null,
      org_id text not null,
      period date not null,
      kpi_id text not null,
      value double precision,
      numerator double precision,
      denominator double precision,
      n integer,
      ytd_value double precision,
      ytd_numerator double precision,
      ytd_denominator double precision,
      ytd_n integer,
      headcount integer,
      suppressed boolean not null default false,
      reference_value double precision,
      data_period date,
      batch_id bigint,
      primary key (municipality, org_id, period, kpi_id)
    )`.execute(db);
  await sql`create index kpi_rollup_by_kpi on kpi_rollup (municipality, kpi_id, period)`.execute(db);

  await sql`
    create table users (
      id bigint generated always as identity primary key,
      municipality text not null,
      username text not null,
      display_name text not null,
      role text not null check (role in ('admin','direktion','oekonom','chef','feeder')),
      password_hash text not null,
      disabled boolean not null default false,
      created_at timestamptz not null default now(),
      unique (municipality, username)
    )`.execute(db);
  await sql`
    create table api_tokens (
      id bigint generated always as identity primary key,
      municipality text not null,
      name text not null,
      role text not null check (role in ('admin','direktion','oekonom','chef','feeder')),
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      unique (municipality, name)
    )`.execute(db);
  // The org units a chef (user or token) may read, with their whole subtree.
  await sql`
    create table access_scopes (
      municipality text not null,
      principal_kind text not null check (principal_kind in ('user','token')),
      principal_id bigint not null,
      org_id text not null,
      primary key (municipality, principal_kind, principal_id, org_id)
    )`.execute(db);
  await sql`
    create table sessions (
      id_hash text primary key,
      municipality text not null,
      user_id bigint not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      ended_at timestamptz
    )`.execute(db);
  await sql`
    create table audit_log (
      id bigint generated always as identity primary key,
      municipality text not null,
      at timestamptz not null default now(),
      actor text not null,
      role text,
      action text not null,
      target text,
      outcome text not null,
      ip text,
      details jsonb
    )`.execute(db);
  await sql`create index audit_log_by_time on audit_log (municipality, at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_log', 'sessions', 'access_scopes', 'api_tokens', 'users', 'kpi_rollup']) {
    await sql.raw(`drop table ${table}`).execute(db);
  }
}
