import type { Database } from '@lis/db';
import { type Kysely, sql } from 'kysely';

type Db = Kysely<Database>;

/** The population rows in effect describing the municipality (actual and every forecast). */
export async function populationFacts(db: Db, municipality: string) {
  const rows = await db
    .selectFrom('population')
    .select(['year', 'age', 'count', 'kind', 'vintage'])
    .where('municipality', '=', municipality)
    .where('subject_municipality', '=', municipality)
    .where('active', '=', true)
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** The forecasts in effect, the one delivered last first. */
export async function forecastVintages(db: Db, municipality: string): Promise<string[]> {
  const rows = await db
    .selectFrom('population')
    .select(['vintage', sql<number>`max(batch_id)`.as('batch')])
    .where('municipality', '=', municipality)
    .where('subject_municipality', '=', municipality)
    .where('active', '=', true)
    .where('kind', '=', 'forecast')
    .groupBy('vintage')
    .orderBy('batch', 'desc')
    .orderBy('vintage')
    .execute();
  return rows.flatMap((r) => (r.vintage === null ? [] : [r.vintage]));
}

/** The budget year of the newest budget plan in effect. */
export async function newestBudgetYear(db: Db, municipality: string): Promise<number | null> {
  const row = await db
    .selectFrom('budget_plan')
    .select(sql<number | null>`max(budget_year)`.as('year'))
    .where('municipality', '=', municipality)
    .where('active', '=', true)
    .executeTakeFirst();
  return row?.year ?? null;
}

/**
 * Net operating spending (dranst 1+2) of the whole municipality per year, amount type and function
 * (actuals and original budgets), and per year the months with actuals: the service picks the
 * functions of each area and the latest full year. Only the hovedfunktioner (h.hf) asked for are read.
 */
export async function operatingAmounts(db: Db, municipality: string, mainFunctions: readonly string[]) {
  if (mainFunctions.length === 0) return [];
  const { rows } = await sql<{ year: number; amount_type: 'actual' | 'original_budget'; function: string; amount: string }>`
    select extract(year from period)::int as year, amount_type, function, sum(amount)::text as amount
    from economy
    where municipality = ${municipality} and active and dranst in (1, 2) and amount_type in ('actual', 'original_budget')
      and left(function, 4) in (${sql.join(mainFunctions)})
    group by 1, 2, 3`.execute(db);
  return rows.map((r) => ({ year: r.year, amountType: r.amount_type, function: r.function, amount: Number(r.amount) }));
}

/** Per year, the months with actuals on the given hovedfunktioner (twelve: a full year of accounts). */
export async function monthsWithActuals(
  db: Db,
  municipality: string,
  mainFunctions: readonly string[],
): Promise<Map<number, number>> {
  if (mainFunctions.length === 0) return new Map();
  const { rows } = await sql<{ year: number; months: number }>`
    select extract(year from period)::int as year, count(distinct period)::int as months
    from economy where municipality = ${municipality} and active and amount_type = 'actual'
      and left(function, 4) in (${sql.join(mainFunctions)})
    group by 1`.execute(db);
  return new Map(rows.map((r) => [r.year, r.months]));
}
