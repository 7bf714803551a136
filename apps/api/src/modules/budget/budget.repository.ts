import type { Database } from '@lis/db';
import type { EconomyBudgetAmount, PlanAmount, SpendingCategory } from '@lis/domain';
import { type Kysely, sql } from 'kysely';
import { type OrgRow, orgJson, topmostOf } from '../org/org.service.ts';

type Db = Kysely<Database>;

/** Sums of a group of the read model, in kroner; the YTD ones up to the month asked for. */
export interface RollupSums {
  originalBudget: number;
  correctedBudget: number;
  phasedBudgetYtd: number;
  actualsYtd: number;
  /** the forecast as of the month (keys without one at their corrected budget) */
  forecast: number;
  /** the latest month (1–12) a forecast of the group was made in, up to the month; null = none */
  forecastMonth: number | null;
}

/** One row of the read model's categories: a unit's subtree, year, month and category. */
export interface FollowUpRow {
  orgId: string;
  year: number;
  month: number;
  category: SpendingCategory;
  /** the year's budgets, and up to the month the phased budget and the actuals */
  originalYear: number;
  correctedYear: number;
  phasedYtd: number;
  actualYtd: number;
  /** the forecast as of the month, and the latest month one was made in up to it (null: none) */
  forecast: number;
  forecastMonth: number | null;
  /** the month's own actuals and phased budget */
  actual: number;
  phased: number;
}

/** Sums of the accounts rows (economy_rollup: øre, the months in arrays) as of the month, in kroner. */
const SUMS = (month: number) => sql`
  sum(r.original_year_ore)::float8 / 100 as "originalBudget", sum(r.corrected_year_ore)::float8 / 100 as "correctedBudget",
  sum(r.phased_ytd_ore[${month}])::float8 / 100 as "phasedBudgetYtd", sum(r.actual_ytd_ore[${month}])::float8 / 100 as "actualsYtd",
  sum(r.forecast_ore[${month}])::float8 / 100 as forecast, max(r.forecast_month[${month}]) as "forecastMonth"`;

/** The newest month with actuals in the municipality, 'YYYY-MM' (null: none): the follow-up's default month. */
const latestActual = (municipality: string) => sql<string | null>`(
  select to_char(make_date(l.year, l.month, 1), 'YYYY-MM') from economy_rollup_category l
  where l.municipality = ${municipality} and l.has_actual order by l.year desc, l.month desc limit 1)`;

/** What the follow-up of a month shows, read in one round trip. */
export interface FollowUpData {
  unit: OrgRow;
  /** its children in effect, by name */
  children: OrgRow[];
  rows: FollowUpRow[];
  latestPeriod: string | null;
}

/**
 * Everything the follow-up of a month shows, for this year and last, in one statement that reads
 * the read model by key (docs/adr/0012-economy-read-model.md): the unit and its children, the month
 * asked for of the unit and of the other units (its children, or `otherIds`: a chef's own units),
 * each row already summed to date, every month of the unit's `monthly` categories (its months
 * chart), and the newest month with actuals. As JSON, which Node parses faster than row by row.
 */
export async function followUpData(
  db: Db,
  municipality: string,
  unitId: string,
  otherIds: readonly string[] | null,
  year: number,
  month: number,
  monthly: readonly SpendingCategory[],
): Promise<FollowUpData | null> {
  const { rows } = await sql<{
    unit: OrgRow | null;
    children: OrgRow[] | null;
    rows: FollowUpRow[] | null;
    latestPeriod: string | null;
  }>`/* prepared:budget-followup */
    with listed as (
      select * from org_units where municipality = ${municipality} and active and (org_id = ${unitId} or parent_id = ${unitId})
    ),
    others as (
      select coalesce(${otherIds === null ? null : [...otherIds]}::text[], array(select org_id from listed where parent_id = ${unitId})) as ids
    )
    select
      (select ${orgJson('u')} from listed u where u.org_id = ${unitId}) as unit,
      (select json_agg(${orgJson('c')} order by c.name) from listed c where c.parent_id = ${unitId}) as children,
      (select json_agg(x) from (
        select r.org_id as "orgId", r.year, r.month, r.category,
               r.original_year as "originalYear", r.corrected_year as "correctedYear",
               r.phased_ytd as "phasedYtd", r.actual_ytd as "actualYtd",
               r.forecast, r.forecast_month as "forecastMonth", r.actual, r.corrected_budget as phased
        from economy_rollup_category r
        where r.municipality = ${municipality} and r.year in (${year}, ${year - 1})
          and (r.org_id = ${unitId} and (r.month = ${month} or r.category = any(${[...monthly]}::text[]))
               or r.org_id = any((select ids from others)::text[]) and r.month = ${month})) x) as rows,
      ${latestActual(municipality)} as "latestPeriod"`.execute(db);
  const row = rows[0];
  if (!row?.unit) return null;
  return { unit: row.unit, children: row.children ?? [], rows: row.rows ?? [], latestPeriod: row.latestPeriod };
}

/** The newest month with actuals, for the default period of the follow-up. */
export async function latestActualPeriod(db: Db, municipality: string): Promise<string | null> {
  const { rows } = await sql<{ latest: string | null }>`select ${latestActual(municipality)} as latest`.execute(db);
  return rows[0]?.latest ?? null;
}

export interface AccountRow extends RollupSums {
  code: string;
  /** the category when every key of the line has the same one */
  category: SpendingCategory | null;
}

/**
 * The unit and its chart-of-accounts lines one level under `prefix` ('' → main accounts), summed
 * over the subtrees of `orgIds` (the unit, or a chef's own units; each fact once), in one statement
 * over the read model; null for a unit not in effect.
 */
export async function accountsData(
  db: Db,
  municipality: string,
  unitId: string,
  orgIds: readonly string[],
  year: number,
  month: number,
  prefix: string,
): Promise<{ unit: OrgRow; lines: AccountRow[] } | null> {
  const depth = prefix === '' ? 1 : prefix.split('.').length + 1;
  const under = sql`(${prefix} = '' or left(r.function, ${prefix.length + 1}) = ${`${prefix}.`})`;
  const { rows } = await sql<{ unit: OrgRow | null; lines: AccountRow[] | null }>`/* prepared:budget-accounts */
    with ${topmostOf(municipality, orgIds)}, lines as (
      select array_to_string((string_to_array(r.function, '.'))[1:${depth}], '.') as code, r.*
      from units s join economy_rollup r on r.municipality = ${municipality} and r.org_id = s.org_id
      where r.year = ${year} and ${under}
    ),
    sums as (
      select r.code, case when count(distinct r.category) = 1 then min(r.category) end as category, ${SUMS(month)}
      from lines r group by r.code
    )
    select (select ${orgJson('u')} from org_units u where u.municipality = ${municipality} and u.active and u.org_id = ${unitId}) as unit,
           (select json_agg(s) from sums s) as lines`.execute(db);
  const row = rows[0];
  return row?.unit ? { unit: row.unit, lines: row.lines ?? [] } : null;
}

/** The budget plan in effect and its newest batch; the indicator refresh reads it too (operating_surplus). */
export async function planAmounts(db: Db, municipality: string): Promise<{ amounts: PlanAmount[]; batchId: number | null }> {
  const rows = await db
    .selectFrom('budget_plan')
    .select(['budget_year', 'year', 'line', 'amount', 'batch_id'])
    .where('municipality', '=', municipality)
    .where('active', '=', true)
    .execute();
  return {
    amounts: rows.map((r) => ({ budgetYear: r.budget_year, year: r.year, line: r.line, amount: r.amount })),
    batchId: rows.reduce<number | null>((b, r) => (b === null || r.batch_id > b ? r.batch_id : b), null),
  };
}

export interface BalanceFacts {
  /** the plans in effect of the budget year and the one it is compared with */
  amounts: PlanAmount[];
  batchId: number | null;
  /** whether the organisation (its kommune root) is loaded */
  hasRoot: boolean;
  /** the kommune's targets in effect of the budget year for the given ids (the policy targets) */
  targets: { kpiId: string; target: number; tolerance: number | null }[];
  /** the economy feed's original budget of the budget year per function and dranst, where one was delivered */
  economy: EconomyBudgetAmount[];
}

/**
 * What the budget balance shows, in one statement: the plans in effect of the budget year and of
 * `comparedWith`, the newest batch of the plans,
 * the kommune's policy targets of the budget year, and the original budget of that year from
 * the economy read model at the kommune root (the reconciliation).
 */
export async function balanceFacts(
  db: Db,
  municipality: string,
  budgetYear: number,
  comparedWith: number,
  kpiIds: readonly string[],
) {
  const { rows } = await sql<BalanceFacts>`/* prepared:budget-balance */
    with root as (select org_id from org_units where municipality = ${municipality} and active and parent_id is null limit 1)
    select
      (select coalesce(json_agg(json_build_object('budgetYear', p.budget_year, 'year', p.year, 'line', p.line,
                'amount', p.amount::float8)), '[]'::json)
       from budget_plan p where p.municipality = ${municipality} and p.active and p.budget_year in (${budgetYear}, ${comparedWith})) as amounts,
      (select max(p.batch_id)::float8 from budget_plan p where p.municipality = ${municipality} and p.active) as "batchId",
      exists (select 1 from root) as "hasRoot",
      (select coalesce(json_agg(json_build_object('kpiId', t.kpi_id, 'target', t.target::float8,
                'tolerance', t.tolerance::float8)), '[]'::json)
       from targets t join root on t.org_id = root.org_id
       where t.municipality = ${municipality} and t.active and t.year = ${budgetYear}
         and t.kpi_id in (${sql.join([...kpiIds])})) as targets,
      (select coalesce(json_agg(json_build_object('fn', r.function, 'dranst', r.dranst, 'amount', r.amount)), '[]'::json)
       from (select e.function, e.dranst, sum(e.original_year_ore)::float8 / 100 as amount
             from economy_rollup e join root on e.org_id = root.org_id
             where e.municipality = ${municipality} and e.year = ${budgetYear}
             group by e.function, e.dranst having bool_or(e.has_original)) r) as economy`.execute(db);
  return rows[0] as BalanceFacts;
}
