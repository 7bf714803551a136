import { type Kysely, sql } from 'kysely';

// Frozen: never import application code here, never edit after release; add a new migration instead.

/**
 * The economy read model's accounts table gets one row per (unit's subtree, year, function,
 * dranst) with the twelve months in arrays, instead of one row per month: a load writes a twelfth
 * of the rows (docs/adr/0012-economy-read-model.md). Amounts in øre as float8, which adds whole
 * numbers exactly (below 2^53 øre). Emptied with its category table, so the server rebuilds both at start.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop table economy_rollup`.execute(db);
  await sql`delete from economy_rollup_category`.execute(db);
  await sql`
    create table economy_rollup (
      municipality text not null,
      org_id text not null,
      year integer not null,
      function text not null,
      dranst smallint not null,
      category text not null,
      original_year_ore float8 not null,
      corrected_year_ore float8 not null,
      -- per month 1–12: up to the month, the phased (corrected) budget and the actuals; the forecast
      -- as of the month and the latest month a forecast was made in up to it (null: none)
      phased_ytd_ore float8[] not null,
      actual_ytd_ore float8[] not null,
      forecast_ore float8[] not null,
      forecast_month smallint[] not null,
      has_original boolean not null,
      primary key (municipality, org_id, year, function, dranst)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table economy_rollup`.execute(db);
  await sql`delete from economy_rollup_category`.execute(db);
  await sql`
    create table economy_rollup (
      municipality text not null,
      org_id text not null,
      year integer not null,
      month smallint not null,
      function text not null,
      dranst smallint not null,
      category text not null,
      original_budget numeric(18,2) not null,
      corrected_budget numeric(18,2) not null,
      actual numeric(18,2) not null,
      forecast numeric(18,2) not null,
      forecast_month smallint,
      has_actual boolean not null,
      has_original boolean not null default false,
      primary key (municipality, org_id, year, function, dranst, month)
    )`.execute(db);
}
