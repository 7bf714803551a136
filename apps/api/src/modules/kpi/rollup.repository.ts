import type { RollupView } from '@lis/contracts';
import type { StoreTx } from '@lis/db';
import {
  type BenchmarkFact,
  type BudgetMonth,
  type CaseMonth,
  getKpi,
  type KeyForecasts,
  type KpiFeedMonth,
  OPERATING_SPENDING,
  type RollupRow,
  SICK_LEAVE_SUMS,
  type SickLeaveMonth,
} from '@lis/domain';
import { type RawBuilder, sql } from 'kysely';
import { copyRowText } from '../../lib/copy-text.ts';
import { KEY_MONTHS } from '../budget/economy-rollup.service.ts';

// All SQL of the indicator refresh. Sums over a subtree use org_closure_history, the pairs of the
// tree valid in the fact's month (docs/adr/0011; every unit is its own ancestor); periods are
// 'YYYY-MM' in and out.

type Db = StoreTx['db'];
const monthStart = (period: string) => `${period}-01`;
const YM = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM')`;

/** More memory for the refresh's groupings, for this transaction only (see refresh.service.ts). */
export async function giveRefreshMemory(tx: StoreTx): Promise<void> {
  await sql`set local work_mem = '32MB'`.execute(tx.db);
}

/** Empties the rollups recast into today's tree: the organisation has not changed, both views are one. */
export async function dropNowView(tx: StoreTx, municipality: string): Promise<void> {
  await tx.db.deleteFrom('kpi_rollup_now').where('municipality', '=', municipality).execute();
}

/** The first and last month with data of a feed table, or null when it is empty. */
export async function dataRange(db: Db, municipality: string, table: 'sickleave' | 'economy' | 'kpi_values' | 'cases') {
  const [from, to] = table === 'cases' ? ['received', 'coalesce(decided, received)'] : ['period', 'period'];
  const { rows } = await sql<{ first: string | null; last: string | null }>`
    select to_char(min(${sql.raw(from)}), 'YYYY-MM') as first, to_char(max(${sql.raw(to)}), 'YYYY-MM') as last
    from ${sql.table(table)} where municipality = ${municipality} and active`.execute(db);
  const range = rows[0];
  return range?.first && range.last ? { from: range.first, to: range.last } : null;
}

/** The sick-leave family's sums over the feed's rows, e.g. sum(s.own_sickness_hours + s.work_injury_hours) as "countedHours". */
const SICK_LEAVE_SELECT = sql.join(
  Object.entries(SICK_LEAVE_SUMS).map(
    ([name, columns]) =>
      sql`sum(${sql.join(
        columns.map((column) => sql.ref(`s.${column}`)),
        sql` + `,
      )})::float8 as ${sql.ref(name)}`,
  ),
);

/**
 * The closure a view sums over (docs/adr/0011): every month's tree ('then'), or today's tree for
 * every month ('now'), shaped alike so that each query joins either.
 */
const closureOf = (view: RollupView): RawBuilder<unknown> =>
  view === 'then'
    ? sql`org_closure_history`
    : sql`(select municipality, ancestor_id, descendant_id, depth, '-infinity'::date as valid_from,
        'infinity'::date as valid_to from org_closure)`;
const rollupTable = (view: RollupView) => (view === 'then' ? 'kpi_rollup' : 'kpi_rollup_now');

export async function sickLeaveMonths(
  db: Db,
  municipality: string,
  from: string,
  to: string,
  view: RollupView,
): Promise<SickLeaveMonth[]> {
  const { rows } = await sql<Omit<SickLeaveMonth, 'orgId' | 'batchId'> & { org_id: string; batch_id: number }>`
    select c.ancestor_id as org_id, ${YM('s.period')} as period, ${SICK_LEAVE_SELECT}, max(s.batch_id) as batch_id
    from sickleave s join ${closureOf(view)} c on c.municipality = s.municipality and c.descendant_id = s.org_id
      and s.period between c.valid_from and c.valid_to
    where s.municipality = ${municipality} and s.active and s.period between ${monthStart(from)}::date and ${monthStart(to)}::date
    group by 1, 2`.execute(db);
  return rows.map(({ org_id, batch_id, ...sums }) => ({ orgId: org_id, batchId: batch_id, ...sums }));
}

// Operating spending (drift) as packages/domain defines it for the follow-up and the demo alike.
const literals = (values: readonly (number | string)[]) => sql.join(values.map((value) => sql.lit(value)));
const OPERATING = sql`e.dranst in (${literals(OPERATING_SPENDING.dranst)}) and left(e.function, 1) in (${literals(OPERATING_SPENDING.mainAccounts)})`;

/**
 * Operating amounts per subtree and month, from the key months the publish collected
 * (collectKeyMonths in the budget module, in øre): summed per unit and month first (a few thousand
 * groups), then over the subtrees.
 */
export async function budgetMonths(
  db: Db,
  municipality: string,
  fromYear: number,
  toYear: number,
  view: RollupView,
): Promise<BudgetMonth[]> {
  const { rows } = await sql<{
    org_id: string;
    period: string;
    corrected: number;
    actual: number;
    has_actual: boolean;
    batch_id: number;
  }>`
    with unit_months as (
      select e.org_id, e.period, sum(e.corrected) as corrected, sum(e.actual) as actual,
             bool_or(e.has_actual) as has_actual, max(e.batch_id) as batch_id
      from ${KEY_MONTHS} e
      where ${OPERATING} and e.year between ${fromYear} and ${toYear}
      group by e.org_id, e.period
    )
    select c.ancestor_id as org_id, ${YM('u.period')} as period,
           coalesce(sum(u.corrected), 0) / 100 as corrected, coalesce(sum(u.actual), 0) / 100 as actual,
           bool_or(u.has_actual) as has_actual, max(u.batch_id) as batch_id
    from unit_months u join ${closureOf(view)} c on c.municipality = ${municipality} and c.descendant_id = u.org_id
      and u.period between c.valid_from and c.valid_to
    group by 1, 2`.execute(db);
  return rows.map((r) => ({
    orgId: r.org_id,
    period: r.period,
    correctedBudget: r.corrected,
    actual: r.actual,
    hasActual: r.has_actual,
    batchId: r.batch_id,
  }));
}

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/**
 * Per account key with a forecast in the year: the key's corrected budget of the year and the
 * forecast made in each month (an array by month keeps the aggregation state small), from the
 * collected key months. Keys without a forecast are left to the corrected budget of the subtree
 * (forecastsByMonth).
 */
export async function keyForecasts(db: Db, fromYear: number, toYear: number): Promise<KeyForecasts[]> {
  const byMonth = MONTHS.map((month) => sql`max(e.forecast) filter (where e.month = ${sql.lit(month)}) / 100`);
  const { rows } = await sql<{ org_id: string; year: number; corrected_year: number; forecasts: (number | null)[] }>`
    select e.org_id, e.year, sum(e.corrected) / 100 as corrected_year, array[${sql.join(byMonth)}] as forecasts
    from ${KEY_MONTHS} e
    where ${OPERATING} and e.year between ${fromYear} and ${toYear}
    group by e.org_id, e.function, e.dranst, e.year
    having bool_or(e.forecast is not null)`.execute(db);
  return rows.map((r) => ({
    orgId: r.org_id,
    year: r.year,
    correctedYear: r.corrected_year,
    forecasts: new Map(
      r.forecasts.flatMap((amount, i) => (amount === null ? [] : [[`${r.year}-${String(i + 1).padStart(2, '0')}`, amount]])),
    ),
  }));
}

/** percentile_cont of the processing days at the fraction a quantile KPI of the cases family states. */
function quantileOf(kpiId: string) {
  const { measure } = getKpi(kpiId);
  if (!('quantile' in measure)) throw new Error(`${kpiId} is not a quantile`);
  return sql`percentile_cont(${sql.lit(measure.quantile)}) within group (order by r.decided - r.started)`;
}
const MEDIAN_DAYS = quantileOf('case_median_days');
const P90_DAYS = quantileOf('case_p90_days');

export async function caseMonths(db: Db, municipality: string, from: string, to: string, view: RollupView): Promise<CaseMonth[]> {
  const { rows } = await sql<Record<string, number | string | null>>`
    with case_rows as (
      select c.org_id, c.received, c.decided, c.batch_id, coalesce(c.complete, c.received) as started,
        -- the deadline valid on the day the case was received (the first one published if none was yet)
        coalesce(
          (select ct.deadline_days from case_types ct
            where ct.municipality = c.municipality and ct.active and ct.case_type = c.case_type
              and coalesce(ct.valid_from, '-infinity'::date) <= c.received
            order by ct.valid_from desc nulls last limit 1),
          (select ct.deadline_days from case_types ct
            where ct.municipality = c.municipality and ct.active and ct.case_type = c.case_type
            order by ct.valid_from nulls first limit 1)) as deadline
      from cases c where c.municipality = ${municipality} and c.active
        -- only cases that count in the months asked for: received by their end, and open or
        -- decided within their years (the year to date); spares the deadline lookups of the rest
        and c.received < ${monthStart(to)}::date + interval '1 month'
        and (c.decided is null or c.decided >= ${`${from.slice(0, 4)}-01-01`}::date)
    ),
    months as (
      select m::date as month_start, (m + interval '1 month' - interval '1 day')::date as month_end
      from generate_series(${monthStart(from)}::date, ${monthStart(to)}::date, interval '1 month') m
    ),
    closure as (select ancestor_id, descendant_id, valid_from, valid_to from ${closureOf(view)} h where municipality = ${municipality}),
    decided as (
      select cl.ancestor_id as org_id, mo.month_start, count(*)::int as n,
             count(*) filter (where r.decided - r.started <= r.deadline)::int as within,
             ${MEDIAN_DAYS} as median,
             ${P90_DAYS} as p90,
             max(r.batch_id) as batch_id
      from case_rows r join months mo on r.decided between mo.month_start and mo.month_end
      join closure cl on cl.descendant_id = r.org_id and mo.month_start between cl.valid_from and cl.valid_to
      group by 1, 2
    ),
    decided_ytd as (
      select cl.ancestor_id as org_id, mo.month_start, count(*)::int as n,
             count(*) filter (where r.decided - r.started <= r.deadline)::int as within,
             ${MEDIAN_DAYS} as median,
             ${P90_DAYS} as p90
      from case_rows r join months mo on r.decided between date_trunc('year', mo.month_start)::date and mo.month_end
      join closure cl on cl.descendant_id = r.org_id and mo.month_start between cl.valid_from and cl.valid_to
      group by 1, 2
    ),
    open_cases as (
      select cl.ancestor_id as org_id, mo.month_start, count(*)::int as backlog,
             count(*) filter (where r.started <= mo.month_end and mo.month_end - r.started > r.deadline)::int as over_deadline,
             max(r.batch_id) as batch_id
      from case_rows r join months mo on r.received <= mo.month_end and (r.decided is null or r.decided > mo.month_end)
      join closure cl on cl.descendant_id = r.org_id and mo.month_start between cl.valid_from and cl.valid_to
      group by 1, 2
    ),
    keys as (
      select org_id, month_start from decided union select org_id, month_start from decided_ytd
      union select org_id, month_start from open_cases
    )
    select k.org_id, to_char(k.month_start, 'YYYY-MM') as period,
           coalesce(d.n, 0) as decided, coalesce(d.within, 0) as within, d.median, d.p90,
           coalesce(y.n, 0) as ytd_decided, coalesce(y.within, 0) as ytd_within, y.median as ytd_median, y.p90 as ytd_p90,
           coalesce(o.backlog, 0) as backlog, coalesce(o.over_deadline, 0) as over_deadline,
           greatest(d.batch_id, o.batch_id) as batch_id
    from keys k
    left join decided d on d.org_id = k.org_id and d.month_start = k.month_start
    left join decided_ytd y on y.org_id = k.org_id and y.month_start = k.month_start
    left join open_cases o on o.org_id = k.org_id and o.month_start = k.month_start`.execute(db);
  const num = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    orgId: String(r.org_id),
    period: String(r.period),
    decided: Number(r.decided),
    withinDeadline: Number(r.within),
    medianDays: num(r.median),
    p90Days: num(r.p90),
    ytdDecided: Number(r.ytd_decided),
    ytdWithinDeadline: Number(r.ytd_within),
    ytdMedianDays: num(r.ytd_median),
    ytdP90Days: num(r.ytd_p90),
    backlog: Number(r.backlog),
    openOverDeadline: Number(r.over_deadline),
    batchId: num(r.batch_id),
  }));
}

export async function kpiFeedMonths(
  db: Db,
  municipality: string,
  from: string,
  to: string,
  view: RollupView,
): Promise<KpiFeedMonth[]> {
  const { rows } = await sql<{
    org_id: string;
    period: string;
    kpi_id: string;
    numerator: number;
    denominator: number | null;
    batch_id: number;
  }>`
    select c.ancestor_id as org_id, ${YM('k.period')} as period, k.kpi_id,
           sum(k.numerator)::float8 as numerator, sum(k.denominator)::float8 as denominator, max(k.batch_id) as batch_id
    from kpi_values k join ${closureOf(view)} c on c.municipality = k.municipality and c.descendant_id = k.org_id
      and k.period between c.valid_from and c.valid_to
    where k.municipality = ${municipality} and k.active and k.period between ${monthStart(from)}::date and ${monthStart(to)}::date
    group by 1, 2, 3`.execute(db);
  return rows.map((r) => ({
    orgId: r.org_id,
    period: r.period,
    kpiId: r.kpi_id,
    numerator: r.numerator,
    denominator: r.denominator,
    batchId: r.batch_id,
  }));
}

/** Every benchmark row in effect (a small table: 98 municipalities × areas × years). */
export async function benchmarkFacts(db: Db, municipality: string): Promise<BenchmarkFact[]> {
  return db
    .selectFrom('benchmark')
    .select([
      'year',
      'subject_municipality as municipality',
      'area',
      'net_expenditure as netExpenditure',
      'target_population as targetPopulation',
      'need_index as needIndex',
      'batch_id as batchId',
    ])
    .where('municipality', '=', municipality)
    .where('active', '=', true)
    .execute();
}

/** The newest delivery behind the population in effect: the demography tiles' provenance. */
export async function latestPopulationBatch(db: Db, municipality: string): Promise<number | null> {
  const row = await db
    .selectFrom('population')
    .select((eb) => eb.fn.max('batch_id').as('batchId'))
    .where('municipality', '=', municipality)
    .where('active', '=', true)
    .executeTakeFirst();
  return row?.batchId ?? null;
}

/** Replaces the rollup rows of the given KPIs in [from, to] with `rows`, in the view's table. */
export async function replaceRollups(
  tx: StoreTx,
  municipality: string,
  kpiIds: readonly string[],
  from: string,
  to: string,
  rows: readonly RollupRow[],
  view: RollupView = 'then',
) {
  await tx.db
    .deleteFrom(rollupTable(view))
    .where('municipality', '=', municipality)
    .where('kpi_id', 'in', [...kpiIds])
    .where('period', '>=', monthStart(from))
    .where('period', '<=', monthStart(to))
    .execute();
  const inRange = rows.filter((r) => r.period >= from && r.period <= to);
  for (let i = 0; i < inRange.length; i += 20_000) {
    await tx.copyInto(
      rollupTable(view),
      ROLLUP_COLUMNS,
      inRange
        .slice(i, i + 20_000)
        .map((r) => copyRow(municipality, r))
        .join(''),
    );
  }
}

const ROLLUP_COLUMNS = [
  'municipality',
  'org_id',
  'period',
  'kpi_id',
  'value',
  'numerator',
  'denominator',
  'n',
  'ytd_value',
  'ytd_numerator',
  'ytd_denominator',
  'ytd_n',
  'headcount',
  'suppressed',
  'reference_value',
  'data_period',
  'batch_id',
];

function copyRow(municipality: string, r: RollupRow): string {
  const month = (p: string | null) => (p === null ? null : `${p}-01`);
  return copyRowText([
    municipality,
    r.orgId,
    month(r.period),
    r.kpiId,
    r.value,
    r.numerator,
    r.denominator,
    r.n,
    r.ytdValue,
    r.ytdNumerator,
    r.ytdDenominator,
    r.ytdN,
    r.headcount,
    r.suppressed,
    r.referenceValue,
    month(r.dataPeriod),
    r.batchId,
  ]);
}

/** Records the first and newest month with data (one index lookup per currency KPI each way). */
export async function refreshPeriods(tx: StoreTx, municipality: string, kpiIds: readonly string[]): Promise<void> {
  const edge = (order: 'asc' | 'desc') =>
    sql.join(
      kpiIds.map(
        (kpiId) => sql`(select period as edge from kpi_rollup
          where municipality = ${municipality} and kpi_id = ${kpiId} and data_period is null order by period ${sql.raw(order)} limit 1)`,
      ),
      sql` union all `,
    );
  await sql`
    insert into kpi_periods (municipality, first_period, latest_period)
    select ${municipality}, (select min(edge) from (${edge('asc')}) f), (select max(edge) from (${edge('desc')}) l)
    on conflict (municipality) do update set first_period = excluded.first_period, latest_period = excluded.latest_period`.execute(
    tx.db,
  );
}
