import { type Kysely, sql } from 'kysely';

// Frozen: never import application code here, never edit after release; add a new migration instead.

/**
 * The economy read model (docs/adr/0012-economy-read-model.md): per unit's subtree on today's
 * tree (org_closure), year and month, the sums the budget follow-up and the chart of accounts
 * read, refreshed in the publishing transaction. `forecast` is, summed over the account keys
 * (unit, function, dranst), each key's latest forecast up to the month, else its corrected budget
 * of the year; `forecast_month` the latest month a forecast of those was made in (null: none).
 * Filled by the refresh at the next economy or organisation delivery, or at start-up when empty.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sums = `
    original_budget numeric(18,2) not null,
    corrected_budget numeric(18,2) not null,
    actual numeric(18,2) not null,
    forecast numeric(18,2) not null,
    forecast_month smallint,
    has_actual boolean not null`;
  await sql
    .raw(`
    create table economy_rollup (
      municipality text not null,
      org_id text not null,
      year integer not null,
      month smallint not null,
      function text not null,
      dranst smallint not null,
      category text not null,
      ${sums},
      primary key (municipality, org_id, year, function, dranst, month)
    )`)
    .execute(db);
  await sql
    .raw(`
    create table economy_rollup_category (
      municipality text not null,
      org_id text not null,
      year integer not null,
      month smallint not null,
      category text not null,
      ${sums},
      primary key (municipality, org_id, year, category, month)
    )`)
    .execute(db);
  // the newest month with actuals (the follow-up's default and month picker)
  await sql`
    create index economy_rollup_category_actual_months
    on economy_rollup_category (municipality, year desc, month desc) where has_actual`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table economy_rollup_category`.execute(db);
  await sql`drop table economy_rollup`.execute(db);
}
