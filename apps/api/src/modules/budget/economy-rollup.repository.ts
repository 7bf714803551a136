import type { Database, StoreTx } from '@lis/db';
import type { SpendingCategory } from '@lis/domain';
import { type Kysely, sql } from 'kysely';

type Db = Kysely<Database>;

/** Whole years; null = every year. */
export type Years = { from: number; to: number } | null;

const inYears = (years: Years) => (years === null ? sql`true` : sql`year between ${years.from} and ${years.to}`);
const factsIn = (years: Years) =>
  years === null ? sql`true` : sql`e.period between make_date(${years.from}, 1, 1) and make_date(${years.to}, 12, 1)`;

/** The account keys' (function, dranst) pairs with facts in the years, to classify them. */
export async function accountPairs(db: Db, municipality: string, years: Years) {
  const { rows } = await sql<{ function: string; dranst: number }>`
    select distinct e.function, e.dranst from economy e
    where e.municipality = ${municipality} and e.active and ${factsIn(years)}`.execute(db);
  return rows;
}

/** The years with economy facts in effect, or null when there are none. */
export async function factYears(db: Db, municipality: string): Promise<Years> {
  const { rows } = await sql<{ first: number | null; last: number | null }>`
    select extract(year from min(period))::int as first, extract(year from max(period))::int as last
    from economy where municipality = ${municipality} and active`.execute(db);
  const range = rows[0];
  return range?.first && range.last ? { from: range.first, to: range.last } : null;
}

/** Whether the read model holds nothing for the municipality (a store migrated before it existed). */
export async function isEmpty(db: Db, municipality: string): Promise<boolean> {
  const { rows } = await sql`select 1 from economy_rollup_category where municipality = ${municipality} limit 1`.execute(db);
  return rows.length === 0;
}

/**
 * Replaces the read model of the years (docs/adr/0012-economy-read-model.md): per unit's subtree
 * on today's tree, year, month and account (function, dranst), then per category. Each key's
 * forecast as of a month is its latest forecast up to that month, else its corrected budget of
 * the year (domain.md §3, budgetFollowUp), summed over the keys only after that rule.
 */
export async function replaceEconomyRollup(
  tx: StoreTx,
  municipality: string,
  years: Years,
  categories: readonly { function: string; dranst: number; category: SpendingCategory }[],
): Promise<void> {
  await sql`delete from economy_rollup where municipality = ${municipality} and ${inYears(years)}`.execute(tx.db);
  await sql`delete from economy_rollup_category where municipality = ${municipality} and ${inYears(years)}`.execute(tx.db);
  if (categories.length === 0) return;
  await sql`
    insert into economy_rollup (municipality, org_id, year, month, function, dranst, category, original_budget,
      corrected_budget, actual, forecast, forecast_month, has_actual, has_original)
    with key_months as (
      select e.org_id, e.function, e.dranst, extract(year from e.period)::int as year, extract(month from e.period)::int as month,
             coalesce(sum(e.amount) filter (where e.amount_type = 'original_budget'), 0) as original_budget,
             coalesce(sum(e.amount) filter (where e.amount_type = 'corrected_budget'), 0) as corrected_budget,
             coalesce(sum(e.amount) filter (where e.amount_type = 'actual'), 0) as actual,
             max(e.amount) filter (where e.amount_type = 'forecast') as forecast,
             bool_or(e.amount_type = 'actual') as has_actual,
             bool_or(e.amount_type = 'original_budget') as has_original
      from economy e
      where e.municipality = ${municipality} and e.active and ${factsIn(years)}
      group by e.org_id, e.function, e.dranst, 4, 5
    ),
    keys as (
      select org_id, function, dranst, year, sum(corrected_budget) as corrected_year
      from key_months group by org_id, function, dranst, year
    ),
    -- every month of a key's year; forecasts_so_far numbers the stretches that share a latest forecast
    grid as (
      select k.org_id, k.function, k.dranst, k.year, g.month, k.corrected_year,
             coalesce(m.original_budget, 0) as original_budget, coalesce(m.corrected_budget, 0) as corrected_budget,
             coalesce(m.actual, 0) as actual, coalesce(m.has_actual, false) as has_actual,
             coalesce(m.has_original, false) as has_original, m.forecast,
             count(m.forecast) over (partition by k.org_id, k.function, k.dranst, k.year order by g.month) as forecasts_so_far
      from keys k cross join generate_series(1, 12) as g(month)
      left join key_months m
        on m.org_id = k.org_id and m.function = k.function and m.dranst = k.dranst and m.year = k.year and m.month = g.month
    ),
    as_of as (
      select grid.*, first_value(forecast) over latest as latest_forecast,
             first_value(case when forecast is not null then month end) over latest as latest_month
      from grid
      window latest as (partition by org_id, function, dranst, year, forecasts_so_far order by month)
    )
    select ${municipality}, c.ancestor_id, a.year, a.month, a.function, a.dranst, cat.category,
           sum(a.original_budget), sum(a.corrected_budget), sum(a.actual),
           sum(coalesce(a.latest_forecast, a.corrected_year)), max(a.latest_month), bool_or(a.has_actual), bool_or(a.has_original)
    from as_of a
    join org_closure c on c.municipality = ${municipality} and c.descendant_id = a.org_id
    join jsonb_to_recordset(${JSON.stringify(categories)}::jsonb) as cat(function text, dranst int, category text)
      on cat.function = a.function and cat.dranst = a.dranst
    group by c.ancestor_id, a.year, a.month, a.function, a.dranst, cat.category`.execute(tx.db);
  // every key has all twelve months (the grid above), so the running sums are the year to date
  await sql`
    insert into economy_rollup_category (municipality, org_id, year, month, category, original_budget,
      corrected_budget, actual, forecast, forecast_month, has_actual, has_original,
      original_year, corrected_year, phased_ytd, actual_ytd)
    select municipality, org_id, year, month, category, sum(original_budget), sum(corrected_budget), sum(actual),
           sum(forecast), max(forecast_month), bool_or(has_actual), bool_or(has_original),
           sum(sum(original_budget)) over whole_year, sum(sum(corrected_budget)) over whole_year,
           sum(sum(corrected_budget)) over to_date, sum(sum(actual)) over to_date
    from economy_rollup where municipality = ${municipality} and ${inYears(years)}
    group by municipality, org_id, year, month, category
    window whole_year as (partition by org_id, year, category),
           to_date as (partition by org_id, year, category order by month)`.execute(tx.db);
}
