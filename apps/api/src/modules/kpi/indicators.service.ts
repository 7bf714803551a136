import {
  type Breakdown,
  type Dashboard,
  type Indicator,
  type KpiStatusValue,
  MAX_SERIES_MONTHS,
  type RollupView,
  type Series,
} from '@lis/contracts';
import {
  addMonths,
  CONSUMPTION_TOLERANCE,
  DEFAULT_TOLERANCE,
  findKpi,
  KPIS,
  type KpiDefinition,
  kpiStatus,
  MIN_GROUP_SIZE,
  periodMonthNumber,
  periodRange,
  periodYear,
  resolveTarget,
} from '@lis/domain';
import { NotFoundError, type ReadContext } from '../../lib/read-context.ts';
import { ancestorPaths, ancestorsOf, childrenInMonth, childrenOf, type OrgRow } from '../org/org.service.ts';
import * as repo from './indicators.repository.ts';

const SUPPRESSED_REASON = `Diskretioneret: færre end ${MIN_GROUP_SIZE} medarbejdere i enheden (i en af de måneder tallet dækker), eller en søsterenhed er diskretioneret, så tallet ellers kunne regnes ud.`;

const latestPeriodOf = async (ctx: ReadContext) => (await repo.dataPeriods(ctx.db, ctx.municipality)).latest;

export function getKpiOrThrow(kpiId: string): KpiDefinition {
  const kpi = findKpi(kpiId);
  if (!kpi) throw new NotFoundError(`Unknown KPI ${kpiId}`, 'kpiId');
  return kpi;
}

export const appliesTo = (kpi: KpiDefinition, org: OrgRow) => kpi.levels === 'all' || org.parentId === null;

type Targets = (kpiId: string, year: number) => { target: number; tolerance: number | null; orgId: string } | null;

async function targetLookup(
  ctx: ReadContext,
  path: readonly string[],
  years: readonly number[],
  kpiId: string | null = null,
): Promise<Targets> {
  return targetsAlong(path, await repo.targetsFor(ctx.db, ctx.municipality, path, years, kpiId));
}

/** Targets looked up along a unit's path: its own, else the nearest ancestor's. */
function targetsAlong(path: readonly string[], rows: readonly repo.TargetRead[]): Targets {
  const byKey = new Map(rows.map((r) => [`${r.kpi_id}|${r.org_id}|${r.year}`, r]));
  return (kpi, year) => {
    const found = resolveTarget(path, (orgId) => byKey.get(`${kpi}|${orgId}|${year}`) ?? null);
    return found ? { target: found.target, tolerance: found.tolerance, orgId: found.org_id } : null;
  };
}

interface Judged {
  value: number | null;
  target: number | null;
  tolerance: number | null;
  targetOrgId: string | null;
  status: KpiStatusValue;
}

/** Value, target and status of one rollup row, the same for page, export and report. */
function judge(kpi: KpiDefinition, row: repo.RollupRead | undefined, targets: Targets, period: string): Judged {
  const suppressed = row?.suppressed ?? false;
  const value = suppressed ? null : (row?.value ?? null);
  const computed = kpi.id === 'budget_consumption_pct' ? (row?.reference_value ?? null) : null;
  const fromFeed = computed === null ? targets(kpi.id, periodYear(period)) : null;
  const target = computed ?? fromFeed?.target ?? null;
  const tolerance = computed !== null ? CONSUMPTION_TOLERANCE : (fromFeed?.tolerance ?? null);
  const status = kpiStatus({ value, target, tolerance, direction: kpi.direction, decimals: kpi.decimals, suppressed });
  return { value, target, tolerance, targetOrgId: fromFeed?.orgId ?? null, status };
}

const shown = (row: repo.RollupRead | undefined) => (row && !row.suppressed ? row.value : null);

/** The dashboard of a unit, or null when there is no such unit (read in the same round trip). */
export async function dashboard(ctx: ReadContext, orgId: string, requested: string | null): Promise<Dashboard | null> {
  const period = requested ?? (await latestPeriodOf(ctx)) ?? new Date().toISOString().slice(0, 7);
  const data = await repo.dashboardData(ctx.db, ctx.municipality, orgId, {
    from: addMonths(period, -12),
    to: period,
    year: periodYear(period),
  });
  const org = data.org;
  if (!org) return null;
  const at = new Map(data.rows.map((r) => [`${r.kpi_id}|${r.period}`, r]));
  const targets = targetsAlong(data.path, data.targets);
  const asOf = data.loadedAt;
  const latestPeriod = data.latestPeriod;
  // the same months for every KPI
  const previousMonth = addMonths(period, -1);
  const lastYearMonth = addMonths(period, -12);
  const seriesMonths = periodRange(addMonths(period, -11), period);

  const indicators: Indicator[] = KPIS.filter((kpi) => appliesTo(kpi, org)).map((kpi) => {
    const row = at.get(`${kpi.id}|${period}`);
    const judged = judge(kpi, row, targets, period);
    const hidden = judged.status === 'suppressed';
    const batchId = row?.batch_id ?? null;
    const lastYear = at.get(`${kpi.id}|${lastYearMonth}`);
    return {
      kpiId: kpi.id,
      unit: kpi.unit,
      ...judged,
      previous: shown(at.get(`${kpi.id}|${previousMonth}`)),
      sameMonthLastYear: shown(lastYear),
      ytd: kpi.flow && !hidden ? (row?.ytd_value ?? null) : null,
      ytdLastYear: kpi.flow && !hidden && lastYear && !lastYear.suppressed ? (lastYear.ytd_value ?? null) : null,
      n: hidden ? null : (row?.n ?? null),
      asOf: batchId !== null ? (asOf.get(batchId)?.toISOString() ?? null) : null,
      batchId,
      dataPeriod: row?.data_period ?? null,
      suppressedReason: hidden ? SUPPRESSED_REASON : null,
      series: seriesMonths.map((p) => ({ period: p, value: shown(at.get(`${kpi.id}|${p}`)) })),
    };
  });
  return { org, period, latestPeriod, firstPeriod: data.firstPeriod, indicators };
}

/** A query parameter the service refuses (the route answers 400 naming it). */
export class InvalidParameterError extends Error {
  constructor(
    message: string,
    readonly parameter: string,
  ) {
    super(message);
  }
}

const monthsIn = (from: string, to: string) =>
  (periodYear(to) - periodYear(from)) * 12 + periodMonthNumber(to) - periodMonthNumber(from) + 1;

/**
 * The part of [from, to] between the store's first and newest month with data, or null when
 * they do not meet: a range like 1000-01…9999-12 costs no more than the data it covers (ADR 0009).
 */
function rangeWithinData(
  from: string,
  to: string,
  data: { first: string | null; latest: string | null },
): { from: string; to: string } | null {
  if (data.first === null || data.latest === null) return null;
  const start = from > data.first ? from : data.first; // 'YYYY-MM' sorts as text
  const end = to < data.latest ? to : data.latest;
  return start <= end ? { from: start, to: end } : null;
}

export async function series(
  ctx: ReadContext,
  kpiId: string,
  org: OrgRow,
  fromRequested: string | null,
  toRequested: string | null,
  view: RollupView = 'then',
): Promise<Series> {
  const kpi = getKpiOrThrow(kpiId);
  const orgId = org.id;
  const data = await repo.dataPeriods(ctx.db, ctx.municipality);
  const to = toRequested ?? data.latest ?? new Date().toISOString().slice(0, 7);
  const from = fromRequested ?? addMonths(to, -23);
  if (from > to) throw new InvalidParameterError(`from (${from}) is after to (${to})`, 'from');
  const range = rangeWithinData(from, to, data);
  if (range === null) return { kpiId, org, view, points: [] };
  const count = monthsIn(range.from, range.to);
  if (count > MAX_SERIES_MONTHS) {
    throw new InvalidParameterError(
      `from–to covers ${count} months with data; a series answers at most ${MAX_SERIES_MONTHS} months`,
      'from',
    );
  }
  const months = periodRange(range.from, range.to);
  const [rows, path] = await Promise.all([
    repo.rollups(ctx.db, ctx.municipality, [orgId], addMonths(range.from, -12), range.to, kpiId, view),
    ancestorsOf(ctx.db, ctx.municipality, orgId),
  ]);
  const at = new Map(rows.map((r) => [r.period, r]));
  const years = [...new Set(months.map(periodYear))];
  const targets = await targetLookup(ctx, path, years, kpiId);
  return {
    kpiId,
    org,
    view,
    points: months.map((period) => {
      const row = at.get(period);
      const judged = judge(kpi, row, targets, period);
      return {
        period,
        value: judged.value,
        target: judged.target,
        tolerance: judged.target === null ? null : (judged.tolerance ?? DEFAULT_TOLERANCE),
        status: judged.status,
        sameMonthLastYear: shown(at.get(addMonths(period, -12))),
        n: judged.status === 'suppressed' ? null : (row?.n ?? null),
      };
    }),
  };
}

/**
 * The indicator for each child unit the caller may see: the children in the month's tree ('then')
 * or in today's ('now', docs/adr/0011); what the caller sees follows today's tree.
 */
export async function breakdown(
  ctx: ReadContext,
  kpiId: string,
  org: OrgRow,
  period: string,
  visible: ReadonlySet<string> | null,
  view: RollupView = 'then',
): Promise<Breakdown> {
  const kpi = getKpiOrThrow(kpiId);
  const orgId = org.id;
  const allChildren =
    view === 'then'
      ? await childrenInMonth(ctx.db, ctx.municipality, orgId, period)
      : await childrenOf(ctx.db, ctx.municipality, orgId);
  const children = allChildren.filter((c) => visible === null || visible.has(c.id));
  const judged = await judgeUnits(ctx, children, period, [kpi], view);
  return {
    kpiId,
    org,
    period,
    view,
    items: children.map((child) => {
      const { value, target, status, n, suppressedReason } = judged(child.id, kpi);
      return { org: child, value, target, status, n, suppressedReason };
    }),
  };
}

/** A unit's figure of a KPI for a month as every view shows it: value, target, status, n and why it is hidden. */
export interface UnitFigure {
  value: number | null;
  target: number | null;
  status: KpiStatusValue;
  n: number | null;
  suppressedReason: string | null;
}

/**
 * The figures of several units for several KPIs in one month, each judged against the target along
 * its own path (the breakdown's children, the matrix's rows); three queries whatever the count.
 */
export async function judgeUnits(
  ctx: ReadContext,
  units: readonly OrgRow[],
  period: string,
  kpis: readonly KpiDefinition[],
  view: RollupView = 'then',
): Promise<(orgId: string, kpi: KpiDefinition) => UnitFigure> {
  const ids = units.map((u) => u.id);
  const onlyKpi = kpis.length === 1 ? (kpis[0]?.id ?? null) : null;
  const [rows, paths] = await Promise.all([
    repo.rollups(ctx.db, ctx.municipality, ids, period, period, onlyKpi, view),
    ancestorPaths(ctx.db, ctx.municipality, ids),
  ]);
  const at = new Map(rows.map((r) => [`${r.kpi_id}|${r.org_id}`, r]));
  const allPathUnits = [...new Set([...paths.values()].flat())];
  const targetRows = await repo.targetsFor(ctx.db, ctx.municipality, allPathUnits, [periodYear(period)], onlyKpi);
  const byKey = new Map(targetRows.map((r) => [`${r.kpi_id}|${r.org_id}`, r]));
  return (orgId, kpi) => {
    const targets: Targets = () => {
      const found = resolveTarget(paths.get(orgId) ?? [orgId], (id) => byKey.get(`${kpi.id}|${id}`) ?? null);
      return found ? { target: found.target, tolerance: found.tolerance, orgId: found.org_id } : null;
    };
    const row = at.get(`${kpi.id}|${orgId}`);
    const judged = judge(kpi, row, targets, period);
    const hidden = judged.status === 'suppressed';
    return {
      value: judged.value,
      target: judged.target,
      status: judged.status,
      n: hidden ? null : (row?.n ?? null),
      suppressedReason: hidden ? SUPPRESSED_REASON : null,
    };
  };
}
