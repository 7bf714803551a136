import type { Explanation, Indicator, Matrix, OrgUnit, Series } from '@lis/contracts';
import { addMonths } from '@lis/domain';
import type { ReadContext } from '../../lib/read-context.ts';
import { listExplanations } from '../explanations/explanations.service.ts';
import { dashboard, series } from '../kpi/indicators.service.ts';
import { matrix } from '../kpi/matrix.service.ts';
import { getOrg } from '../org/org.service.ts';

/** A red or yellow figure of the unit, with its explanation and the months before it for its chart. */
export interface ReportException {
  indicator: Indicator;
  /** the unit's explanation and action for the month, or null when none has been written */
  explanation: Explanation | null;
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
  /** the unit and the children the caller may read × the KPIs shown for all of them */
  matrix: Matrix;
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
  visible: ReadonlySet<string> | null,
): Promise<ReportData> {
  const org = await getOrg(ctx, orgId);
  const own = await dashboard(ctx, orgId, period);
  const indicators = own?.indicators ?? [];
  const table = await matrix(ctx, org, period, visible);
  const flagged = indicators.filter(isException);
  const explanations =
    flagged.length > 0 ? await listExplanations(ctx, { orgIds: [orgId], period, kpiIds: flagged.map((i) => i.kpiId) }) : [];
  const exceptions: ReportException[] = [];
  for (const indicator of flagged) {
    const trend = await series(ctx, indicator.kpiId, org, addMonths(period, 1 - CHART_MONTHS), period);
    const explanation = explanations.find((e) => e.kpiId === indicator.kpiId) ?? null;
    exceptions.push({ indicator, explanation, points: trend.points });
  }
  exceptions.sort((a, b) => rank(a.indicator) - rank(b.indicator));
  return { org, period, loadedAt: newest(indicators.map((i) => i.asOf)), indicators, matrix: table, exceptions };
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
