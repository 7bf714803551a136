import type { Database } from '@lis/db';
import { addMonths, findKpi, formatKpiValue, formatMonthLong, KPIS, periodRange } from '@lis/domain';
import type { Kysely } from 'kysely';
import { judgeUnits } from '../kpi/indicators.service.ts';
import { listOrgUnits } from '../org/org.service.ts';

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

/** The red cells of the months, judged by the kpi module as the dashboard judges them (as organised then). */
export async function redCells(
  db: Kysely<Database>,
  municipality: string,
  months: { from: string; to: string },
): Promise<Map<CellKey, RedCell>> {
  const ctx = { db, municipality };
  const units = await listOrgUnits(db, municipality);
  const red = new Map<CellKey, RedCell>();
  for (const period of periodRange(months.from.slice(0, 7), months.to.slice(0, 7))) {
    const figure = await judgeUnits(ctx, units, period, KPIS);
    for (const unit of units)
      for (const kpi of KPIS) {
        const { status, value, target } = figure(unit.id, kpi);
        if (status === 'red') red.set(`${kpi.id}|${unit.id}|${period}`, { kpiId: kpi.id, orgId: unit.id, period, value, target });
      }
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
