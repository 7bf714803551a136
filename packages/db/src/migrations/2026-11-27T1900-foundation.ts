import { type Kysely, sql } from 'kysely';

// Frozen: never import application code here, never edit after release; add a new migration instead.

const FACT_TABLES: Record<string, { columns: string; key: string }> = {
  org_units: {
    columns: `org_id text not null, parent_id text, name text not null, level text not null
      check (level in ('kommune','forvaltning','afdeling','enhed')), valid_from date, valid_to date`,
    key: 'org_id',
  },
  economy: {
    columns: `period date not null, org_id text not null, function text not null,
      dranst smallint not null check (dranst between 1 and 7), amount_type text not null
      check (amount_type in ('original_budget','corrected_budget','actual','forecast')),
      amount numeric(18,2) not null`,
    key: 'period, org_id, function, dranst, amount_type',
  },
  budget_plan: {
    columns: 'budget_year integer not null, year integer not null, line text not null, amount numeric(18,2) not null',
    key: 'budget_year, year, line',
  },
  sickleave: {
    columns: `period date not null, org_id text not null, headcount integer not null, fte numeric(12,3) not null,
      planned_hours numeric(14,2) not null, own_sickness_hours numeric(14,2) not null,
      work_injury_hours numeric(14,2) not null, long_term_hours numeric(14,2) not null,
      child_sickness_hours numeric(14,2), parental_leave_hours numeric(14,2), spells_started integer`,
    key: 'period, org_id',
  },
  case_types: {
    columns: `case_type text not null, name text not null, deadline_days integer not null,
      legal_basis text, valid_from date`,
    key: "case_type, coalesce(valid_from, '-infinity'::date)",
  },
  cases: {
    columns: `case_id text not null, org_id text not null, case_type text not null, received date not null,
      complete date, decided date`,
    key: 'case_id',
  },
  benchmark: {
    columns: `year integer not null, subject_municipality text not null, area text not null,
      net_expenditure numeric(18,2) not null, target_population numeric(14,2) not null, need_index numeric(8,4)`,
    key: 'year, subject_municipality, area',
  },
  kpi_values: {
    columns:
      'period date not null, org_id text not null, kpi_id text not null, numerator numeric(18,4) not null, denominator numeric(18,4)',
    key: 'period, org_id, kpi_id',
  },
  targets: {
    columns:
      'kpi_id text not null, org_id text not null, year integer not null, target numeric(18,4) not null, tolerance numeric(8,4)',
    key: 'kpi_id, org_id, year',
  },
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table batches (
      id bigint generated always as identity primary key,
      municipality text not null,
      feed text not null,
      file_name text not null,
      sha256 text not null,
      row_count integer not null,
      active_rows integer not null default 0,
      error_count integer not null default 0,
      loaded_by text not null,
      loaded_at timestamptz not null default now(),
      status text not null check (status in ('loaded','replaced','restored','rejected')),
      period_from date,
      period_to date,
      restored_at timestamptz
    )`.execute(db);
  await sql`create index batches_by_file on batches (municipality, feed, sha256)`.execute(db);

  for (const [table, { columns, key }] of Object.entries(FACT_TABLES)) {
    await sql
      .raw(`
      create table ${table} (
        municipality text not null,
        ${columns},
        batch_id bigint not null references batches(id),
        active boolean not null default true
      )`)
      .execute(db);
    // One row in effect per key; replaced deliveries stay beside it with active = false.
    await sql.raw(`create unique index ${table}_active_key on ${table} (municipality, ${key}) where active`).execute(db);
    await sql.raw(`create index ${table}_by_batch on ${table} (batch_id)`).execute(db);
  }

  await sql`
    create table org_closure (
      municipality text not null,
      ancestor_id text not null,
      descendant_id text not null,
      depth integer not null,
      primary key (municipality, ancestor_id, descendant_id)
    )`.execute(db);
  await sql`create index org_closure_by_descendant on org_closure (municipality, descendant_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table org_closure`.execute(db);
  for (const table of Object.keys(FACT_TABLES).reverse()) await sql.raw(`drop table ${table}`).execute(db);
  await sql`drop table batches`.execute(db);
}
