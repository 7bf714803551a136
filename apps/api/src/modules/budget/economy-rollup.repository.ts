import type { Database, StoreTx } from '@lis/db';
import type { SpendingCategory } from '@lis/domain';
import { type Kysely, type RawBuilder, sql } from 'kysely';

type Db = Kysely<Database>;

/** Whole years; null = every year. */
export type Years = { from: number; to: number } | null;

const inYears = (years: Years) => (years === null ? sql`true` : sql`year between ${years.from} and ${years.to}`);
const factsIn = (years: Years) =>
  years === null ? sql`true` : sql`e.period between make_date(${years.from}, 1, 1) and make_date(${years.to}, 12, 1)`;

/** The temporary table of collectKeyMonths, which the indicators' economy queries read too (kpi/rollup.repository.ts). */
export const KEY_MONTHS = sql.table('economy_key_months');

/**
 * The facts in effect of the years grouped per account key (unit, function, dranst) and month, in a
 * temporary table that ends with the transaction: the one pass over the facts that the read model
 * and the dashboard's economy indicators both read (docs/adr/0016-one-pass-over-the-economy-facts.md).
 * Amounts in øre as float8, exact for whole øre; a month's forecast is its key's one forecast row.
 */
export async function collectKeyMonths(tx: StoreTx, municipality: string, years: Years): Promise<void> {
  await sql`drop table if exists ${KEY_MONTHS}`.execute(tx.db);
  // a first load groups a million facts into 250,000 key months: in memory rather than on disk
  await sql`set local work_mem = '128MB'`.execute(tx.db);
  await sql`
    create temp table ${KEY_MONTHS} on commit drop as
    select e.org_id, e.function, e.dranst, e.period,
           extract(year from e.period)::int as year, extract(month from e.period)::int as month,
           coalesce(sum((e.amount * 100)::float8) filter (where e.amount_type = 'original_budget'), 0) as original,
           coalesce(sum((e.amount * 100)::float8) filter (where e.amount_type = 'corrected_budget'), 0) as corrected,
           coalesce(sum((e.amount * 100)::float8) filter (where e.amount_type = 'actual'), 0) as actual,
           max((e.amount * 100)::float8) filter (where e.amount_type = 'forecast') as forecast,
           bool_or(e.amount_type = 'actual') as has_actual,
           bool_or(e.amount_type = 'original_budget') as has_original,
           max(e.batch_id) as batch_id
    from economy e
    where e.municipality = ${municipality} and e.active and ${factsIn(years)}
    group by e.org_id, e.function, e.dranst, e.period`.execute(tx.db);
  // the readers' plans need its size: a monthly delivery's few thousand rows or a first load's 250,000
  await sql`analyze ${KEY_MONTHS}`.execute(tx.db);
}

/** The account keys' (function, dranst) pairs of the collected key months, to classify them. */
export async function accountPairs(db: Db) {
  const { rows } = await sql<{ function: string; dranst: number }>`
    select distinct function, dranst from ${KEY_MONTHS}`.execute(db);
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

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
/** Twelve columns `name_1` … `name_12`, month m's `value(m)`: plain columns add up faster than array elements. */
const monthColumns = (name: string, value: (m: number) => RawBuilder<unknown>) =>
  sql.join(MONTHS.map((m) => sql`${value(m)} as ${sql.id(`${name}_${m}`)}`));
/** The twelve columns of `name` aggregated over a group. */
const aggregateMonths = (name: string, aggregate: 'sum' | 'max' | 'bool_or') =>
  monthColumns(name, (m) => sql`${sql.raw(aggregate)}(${sql.id(`${name}_${m}`)})`);
/** The twelve columns of `name` as one array, month 1 first. */
const monthArray = (name: string) => sql`array[${sql.join(MONTHS.map((m) => sql.id(`${name}_${m}`)))}]`;
/** The measures per month, and how a subtree adds them up. */
const MEASURES = [
  ['original_ytd', 'sum'],
  ['phased_ytd', 'sum'],
  ['actual_ytd', 'sum'],
  ['forecast', 'sum'],
  ['forecast_month', 'max'],
  ['has_actual', 'bool_or'],
] as const;
const aggregateAll = sql.join(MEASURES.map(([name, aggregate]) => aggregateMonths(name, aggregate)));

/**
 * Replaces the read model of the years (docs/adr/0012-economy-read-model.md) in one statement, from
 * the key months collected for them (collectKeyMonths). Per account key (unit, function, dranst) and year: the year's budgets and, per month, the phased
 * budget and actuals to date and the forecast as of the month: the key's latest forecast up to the
 * month, else its corrected budget of the year (domain.md §3, budgetFollowUp), decided per key
 * before any sum. Then summed per unit's subtree on today's tree into `economy_rollup` (the twelve
 * months in arrays), and per subtree and category into `economy_rollup_category` (a row per month).
 * Amounts are added in øre as float8, exact for whole numbers; the category table stores kroner.
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
  // the facts grouped per key and month, and the subtrees' rows sorted, in memory rather than on disk
  await sql`set local work_mem = '128MB'`.execute(tx.db);
  const upTo = (column: string) => (m: number) =>
    sql`coalesce(sum(${sql.ref(column)}) filter (where m.month <= ${sql.lit(m)}), 0)`;
  const kroner = (ore: RawBuilder<unknown>) => sql`((${ore}) / 100)::numeric(18,2)`;
  const month = (name: string) => sql`(${monthArray(name)})[g.month]`;
  const monthBefore = (name: string) => sql`coalesce((${monthArray(name)})[g.month - 1], 0)`;
  await sql`
    with key_years as (
      select m.org_id, m.function, m.dranst, m.year, cat.category,
             sum(m.original) as original_year, sum(m.corrected) as corrected_year, bool_or(m.has_original) as has_original,
             ${monthColumns('original_ytd', upTo('m.original'))}, ${monthColumns('phased_ytd', upTo('m.corrected'))},
             ${monthColumns('actual_ytd', upTo('m.actual'))},
             ${monthColumns('forecast_in', (k) => sql`max(m.forecast) filter (where m.month = ${sql.lit(k)})`)},
             ${monthColumns('forecast_month', (k) => sql`max(m.month) filter (where m.forecast is not null and m.month <= ${sql.lit(k)})`)},
             ${monthColumns('has_actual', (k) => sql`coalesce(bool_or(m.has_actual) filter (where m.month = ${sql.lit(k)}), false)`)}
      from ${KEY_MONTHS} m
      join jsonb_to_recordset(${JSON.stringify(categories)}::jsonb) as cat(function text, dranst int, category text)
        on cat.function = m.function and cat.dranst = m.dranst
      group by m.org_id, m.function, m.dranst, m.year, cat.category
    ),
    keys as (
      select k.*, ${monthColumns('forecast', (m) => sql`coalesce((${monthArray('forecast_in')})[${sql.id(`forecast_month_${m}`)}], k.corrected_year)`)}
      from key_years k
    ),
    subtrees as (
      select c.ancestor_id as org_id, k.year, k.function, k.dranst, k.category,
             sum(k.original_year) as original_year, sum(k.corrected_year) as corrected_year, bool_or(k.has_original) as has_original,
             ${aggregateAll}
      from keys k join org_closure c on c.municipality = ${municipality} and c.descendant_id = k.org_id
      group by c.ancestor_id, k.year, k.function, k.dranst, k.category
    ),
    accounts as (
      insert into economy_rollup (municipality, org_id, year, function, dranst, category, original_year_ore, corrected_year_ore,
        phased_ytd_ore, actual_ytd_ore, forecast_ore, forecast_month, has_original)
      select ${municipality}, org_id, year, function, dranst, category, original_year, corrected_year,
             ${monthArray('phased_ytd')}, ${monthArray('actual_ytd')}, ${monthArray('forecast')},
             ${monthArray('forecast_month')}::smallint[], has_original
      from subtrees
    ),
    categories as (
      select org_id, year, category, sum(original_year) as original_year, sum(corrected_year) as corrected_year,
             bool_or(has_original) as has_original, ${aggregateAll}
      from subtrees group by org_id, year, category
    )
    insert into economy_rollup_category (municipality, org_id, year, month, category, original_budget, corrected_budget,
      actual, forecast, forecast_month, has_actual, has_original, original_year, corrected_year, phased_ytd, actual_ytd)
    select ${municipality}, org_id, year, g.month, category,
           ${kroner(sql`${month('original_ytd')} - ${monthBefore('original_ytd')}`)},
           ${kroner(sql`${month('phased_ytd')} - ${monthBefore('phased_ytd')}`)},
           ${kroner(sql`${month('actual_ytd')} - ${monthBefore('actual_ytd')}`)},
           ${kroner(month('forecast'))}, ${month('forecast_month')}, ${month('has_actual')}, has_original,
           ${kroner(sql`original_year`)}, ${kroner(sql`corrected_year`)}, ${kroner(month('phased_ytd'))}, ${kroner(month('actual_ytd'))}
    from categories cross join generate_series(1, 12) as g(month)`.execute(tx.db);
}
