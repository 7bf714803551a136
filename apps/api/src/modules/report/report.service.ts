import type { Indicator, OrgUnit, Series } from '@lis/contracts';
import { addMonths } from '@lis/domain';
import type { ReadContext } from '../../lib/read-context.ts';
import { dashboard, series } from '../kpi/indicators.service.ts';
import { childrenInMonth, getOrg } from '../org/org.service.ts';

/** A child unit's row of the matrix: its figures for the month. */
interface ReportChild {
  org: OrgUnit;
  indicators: Indicator[];
}

/** A red or yellow figure of the unit, with the months before it for its chart. */
export interface ReportException {
  indicator: Indicator;
  /** the 13 months ending with the report's month, each with its target */
  points: Series['points'];
}

/** Everything the month's report shows, read through the kpi and org services. */
export interface ReportData {
  org: OrgUnit;
  period: string;
  /** when the newest delivery behind the unit's figures was loaded (ISO), or null without data */
  loadedAt: string | null;
  indicators: Indicator[];
  children: ReportChild[];
  exceptions: ReportException[];
}

/** Months in a report's charts: the month and the same month a year before. */
const CHART_MONTHS = 13;

/**
 * The report of a unit for a month. `visible` is the set of units the caller may read (null: all);
 * the matrix lists only those children, as the breakdown does.
 */
export async function reportData(
  ctx: ReadContext,
  orgId: string,
  period: string,
  visible: Set<string> | null,
): Promise<ReportData> {
  const org = await getOrg(ctx, orgId);
  const own = await dashboard(ctx, orgId, period);
  const indicators = own?.indicators ?? [];
  const children = (await childrenInMonth(ctx.db, ctx.municipality, orgId, period)).filter(
    (child) => visible === null || visible.has(child.id),
  );
  const childRows: ReportChild[] = [];
  for (const child of children) {
    childRows.push({ org: child, indicators: (await dashboard(ctx, child.id, period))?.indicators ?? [] });
  }
  const exceptions: ReportException[] = [];
  for (const indicator of indicators.filter(isException)) {
    const trend = await series(ctx, indicator.kpiId, org, addMonths(period, 1 - CHART_MONTHS), period);
    exceptions.push({ indicator, points: trend.points });
  }
  exceptions.sort((a, b) => rank(a.indicator) - rank(b.indicator));
  return { org, period, loadedAt: newest(indicators.map((i) => i.asOf)), indicators, children: childRows, exceptions };
}

const isException = (indicator: Indicator) => indicator.status === 'red' || indicator.status === 'yellow';
/** Red before yellow: the direktion reads the worst first. */
const rank = (indicator: Indicator) => (indicator.status === 'red' ? 0 : 1);

function newest(dates: (string | null)[]): string | null {
  return dates.reduce<string | null>(
    (latest, date) => (date !== null && (latest === null || date > latest) ? date : latest),
    null,
  );
}
