import type { Database } from '@lis/db';
import {
  addMonths,
  CONSUMPTION_TOLERANCE,
  findKpi,
  formatKpiValue,
  formatMonthLong,
  kpiStatus,
  periodYear,
  resolveTarget,
} from '@lis/domain';
import type { Kysely } from 'kysely';
import * as repo from './notifications.repository.ts';

/** A KPI of a unit in a month: 'kpiId|orgId|YYYY-MM'. */
type CellKey = string;

export interface RedCell {
  kpiId: string;
  orgId: string;
  /** YYYY-MM */
  period: string;
  value: number | null;
  target: number | null;
}

/**
 * How many of a delivery's newest months are compared: a reload of years of history tells of the
 * recent months, and the comparison reads a bounded number of rollups inside the load.
 */
const COMPARED_MONTHS = 3;

/** The months a delivery of from…to (YYYY-MM-01) is compared in, or null when it is not tied to months. */
export function comparedMonths(from: string | null, to: string | null): { from: string; to: string } | null {
  if (!from || !to) return null;
  const last = to.slice(0, 7);
  const first = from.slice(0, 7);
  const earliest = addMonths(last, -(COMPARED_MONTHS - 1));
  const start = first.localeCompare(earliest) < 0 ? earliest : first; // 'YYYY-MM' sorts as text
  return { from: `${start}-01`, to: `${last}-01` };
}

/** The red cells of the months, judged as the dashboard judges them (target along the unit's path). */
export async function redCells(
  db: Kysely<Database>,
  municipality: string,
  months: { from: string; to: string },
): Promise<Map<CellKey, RedCell>> {
  const rows = await repo.rollupsIn(db, municipality, months.from, months.to);
  const years = [...new Set(rows.map((r) => periodYear(r.period.slice(0, 7))))];
  const targets = new Map(
    (await repo.targetsIn(db, municipality, years)).map((t) => [`${t.kpi_id}|${t.org_id}|${t.year}`, t] as const),
  );
  const paths = await repo.unitPaths(db, municipality);
  const red = new Map<CellKey, RedCell>();
  for (const row of rows) {
    const kpi = findKpi(row.kpi_id);
    if (!kpi) continue;
    const period = row.period.slice(0, 7);
    const computed = kpi.id === 'budget_consumption_pct' ? row.reference_value : null;
    const path = paths.get(row.org_id)?.path ?? [row.org_id];
    const fromFeed =
      computed === null ? resolveTarget(path, (orgId) => targets.get(`${kpi.id}|${orgId}|${periodYear(period)}`)) : null;
    const target = computed ?? fromFeed?.target ?? null;
    const tolerance = computed !== null ? CONSUMPTION_TOLERANCE : (fromFeed?.tolerance ?? null);
    const value = row.suppressed ? null : row.value;
    const status = kpiStatus({
      value,
      target,
      tolerance,
      direction: kpi.direction,
      decimals: kpi.decimals,
      suppressed: row.suppressed,
    });
    if (status === 'red')
      red.set(`${kpi.id}|${row.org_id}|${period}`, { kpiId: kpi.id, orgId: row.org_id, period, value, target });
  }
  return red;
}

/** The cells red after that were not red before. */
export function turnedRed(before: Map<CellKey, RedCell>, after: Map<CellKey, RedCell>): RedCell[] {
  return [...after].filter(([key]) => !before.has(key)).map(([, cell]) => cell);
}

/** The link to a KPI of a unit in a month, as the web app routes it. */
export const kpiLink = (publicUrl: string, cell: Pick<RedCell, 'kpiId' | 'orgId' | 'period'>) =>
  `${publicUrl}/kpi/${encodeURIComponent(cell.kpiId)}?org=${encodeURIComponent(cell.orgId)}&period=${cell.period}`;

/** Lines of an e-mail listing red cells, at most `limit`, then how many more. */
export function redLines(
  cells: readonly RedCell[],
  unitName: (orgId: string) => string,
  publicUrl: string,
  limit = 50,
): string[] {
  const lines = cells.slice(0, limit).flatMap((cell) => {
    const kpi = findKpi(cell.kpiId);
    const name = kpi?.name ?? cell.kpiId;
    const value = kpi ? formatKpiValue(cell.value, kpi) : String(cell.value);
    const target = kpi && cell.target !== null ? ` (mål ${formatKpiValue(cell.target, kpi)})` : '';
    return [
      `- ${name}, ${unitName(cell.orgId)}, ${formatMonthLong(cell.period)}: ${value}${target}`,
      `  ${kpiLink(publicUrl, cell)}`,
    ];
  });
  if (cells.length > limit) lines.push(`… og ${cells.length - limit} mere.`);
  return lines;
}
