import { periodRange, rolling12, ytdPeriods } from '../period.ts';
import { emptyRow, maxBatch, type RollupRow, ratio } from './types.ts';

/** Sick-leave sums of one unit's whole subtree in one month. */
export interface SickLeaveMonth {
  orgId: string;
  period: string;
  /** own sickness + work injury hours: what counts as sick leave */
  countedHours: number;
  plannedHours: number;
  longTermHours: number;
  headcount: number;
  fte: number;
  batchId: number | null;
}

/** One full-time day (fraværsdagsværk). */
export const HOURS_PER_DAY = 7.4;

/**
 * sick_leave_pct, long_term_share and sick_leave_days_per_fte for the months in [from, to] that
 * have data. Sums of hours are divided, never percentages averaged. Days per FTE needs all 12
 * months of the rolling window: a shorter history would understate it.
 */
export function sickLeaveRollups(
  months: readonly SickLeaveMonth[],
  from: string,
  to: string,
  suppressed: (orgId: string, period: string) => boolean,
): RollupRow[] {
  const byOrg = new Map<string, Map<string, SickLeaveMonth>>();
  for (const m of months) {
    let series = byOrg.get(m.orgId);
    if (!series) byOrg.set(m.orgId, (series = new Map()));
    series.set(m.period, m);
  }
  const rows: RollupRow[] = [];
  for (const [orgId, series] of byOrg) {
    for (const period of periodRange(from, to)) {
      const month = series.get(period);
      if (!month) continue;
      const ytd = ytdPeriods(period).flatMap((p) => series.get(p) ?? []);
      const sum = (list: SickLeaveMonth[], pick: (m: SickLeaveMonth) => number) => list.reduce((s, m) => s + pick(m), 0);
      const hidden = suppressed(orgId, period);
      const base = { headcount: month.headcount, batchId: month.batchId };

      const pct = emptyRow(orgId, period, 'sick_leave_pct');
      Object.assign(pct, base, {
        numerator: month.countedHours,
        denominator: month.plannedHours,
        value: ratio(month.countedHours, month.plannedHours, 100),
        ytdNumerator: sum(ytd, (m) => m.countedHours),
        ytdDenominator: sum(ytd, (m) => m.plannedHours),
      });
      pct.ytdValue = ratio(pct.ytdNumerator, pct.ytdDenominator, 100);

      const longTerm = emptyRow(orgId, period, 'long_term_share');
      Object.assign(longTerm, base, {
        numerator: month.longTermHours,
        denominator: month.countedHours,
        value: ratio(month.longTermHours, month.countedHours, 100),
        ytdNumerator: sum(ytd, (m) => m.longTermHours),
        ytdDenominator: sum(ytd, (m) => m.countedHours),
      });
      longTerm.ytdValue = ratio(longTerm.ytdNumerator, longTerm.ytdDenominator, 100);

      const perFte = emptyRow(orgId, period, 'sick_leave_days_per_fte');
      Object.assign(perFte, base);
      const window = rolling12(period).flatMap((p) => series.get(p) ?? []);
      if (window.length === 12) {
        perFte.numerator = sum(window, (m) => m.countedHours) / HOURS_PER_DAY;
        perFte.denominator = sum(window, (m) => m.fte) / 12;
        perFte.value = ratio(perFte.numerator, perFte.denominator);
        perFte.n = 12;
        perFte.batchId = window.reduce<number | null>((b, m) => maxBatch(b, m.batchId), null);
      }
      for (const row of [pct, longTerm, perFte]) rows.push(hidden ? suppress(row) : row);
    }
  }
  return rows;
}

/** A suppressed value keeps nothing that could reveal it: the parent's total still includes it. */
function suppress(row: RollupRow): RollupRow {
  return { ...emptyRow(row.orgId, row.period, row.kpiId), suppressed: true, batchId: row.batchId };
}
