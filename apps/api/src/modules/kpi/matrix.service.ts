import type { Matrix, MatrixRow } from '@lis/contracts';
import { KPIS, type KpiDefinition, type KpiTheme, THEME_NAMES, worstStatus } from '@lis/domain';
import type { ReadContext } from '../../lib/read-context.ts';
import { childrenInMonth, type OrgRow } from '../org/org.service.ts';
import * as repo from './indicators.repository.ts';
import { appliesTo, judgeUnits } from './indicators.service.ts';

/**
 * A unit and the children the caller may see (the month's tree, as the breakdown) × the KPIs shown
 * for every row, grouped by theme. Each cell is judged exactly as the breakdown and the dashboard judge it.
 */
export async function matrix(
  ctx: ReadContext,
  org: OrgRow,
  requested: string | null,
  visible: ReadonlySet<string> | null,
  /** which cells have a forklaring, as `kpiId|orgId`, for the rows' units and the month (the route asks the explanations module) */
  explainedIn: (orgIds: string[], period: string) => Promise<ReadonlySet<string>> = async () => new Set(),
): Promise<Matrix> {
  const { latest } = await repo.dataPeriods(ctx.db, ctx.municipality);
  const period = requested ?? latest ?? new Date().toISOString().slice(0, 7);
  const children = (await childrenInMonth(ctx.db, ctx.municipality, org.id, period)).filter(
    (child) => visible === null || visible.has(child.id),
  );
  const units = [org, ...children];
  // A KPI shown only for the kommune has no figures for its children: the columns are those every row has.
  const kpis = KPIS.filter((kpi) => units.every((unit) => appliesTo(kpi, unit)));
  const themes = (Object.keys(THEME_NAMES) as KpiTheme[])
    .map((theme) => ({ theme, name: THEME_NAMES[theme], kpiIds: kpis.filter((k) => k.theme === theme).map((k) => k.id) }))
    .filter((group) => group.kpiIds.length > 0);
  const columns = themes.flatMap((group) => group.kpiIds.map((id) => kpis.find((k) => k.id === id) as KpiDefinition));
  const [judged, explained] = await Promise.all([
    judgeUnits(ctx, units, period, columns),
    explainedIn(
      units.map((u) => u.id),
      period,
    ),
  ]);
  const rows = units.map((unit): MatrixRow => {
    const cells = columns.map((kpi) => {
      const { value, target, status, suppressedReason } = judged(unit.id, kpi);
      return { kpiId: kpi.id, value, target, status, suppressedReason, explained: explained.has(`${kpi.id}|${unit.id}`) };
    });
    return { org: unit, own: unit.id === org.id, worstStatus: worstStatus(cells.map((c) => c.status)), cells };
  });
  return { org, period, latestPeriod: latest, themes, rows };
}
