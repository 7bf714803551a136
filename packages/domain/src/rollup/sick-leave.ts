import { SICK_LEAVE_SUMS } from '../kpi-families/sick-leave.ts';
import { getKpi } from '../kpis.ts';
import { periodRange, rolling12, ytdPeriods } from '../period.ts';
import { hiddenOverMonths } from '../suppression.ts';
import { emptyRow, maxBatch, type RollupRow, ratio } from './types.ts';

/** Sick-leave sums of one unit's whole subtree in one month: the family's sums (SICK_LEAVE_SUMS). */
export type SickLeaveMonth = {
  orgId: string;
  period: string;
  batchId: number | null;
} & Readonly<Record<keyof typeof SICK_LEAVE_SUMS, number>>;

type SickLeaveSum = keyof typeof SICK_LEAVE_SUMS;
interface SickLeaveShare {
  kpiId: string;
  numerator: SickLeaveSum;
  denominator: SickLeaveSum;
  scale: number;
}

const isSum = (name: string | null): name is SickLeaveSum => name !== null && name in SICK_LEAVE_SUMS;

/** A share KPI of the family: its numerator and denominator must be sums the store is asked for. */
function shareOf(kpiId: string): SickLeaveShare {
  const { measure, scale } = getKpi(kpiId);
  if ('quantile' in measure || !isSum(measure.numerator) || !isSum(measure.denominator)) {
    throw new Error(`${kpiId} is not a share of two sick-leave sums`);
  }
  return { kpiId, numerator: measure.numerator, denominator: measure.denominator, scale };
}
const SICK_LEAVE_PCT = shareOf('sick_leave_pct');
const LONG_TERM_SHARE = shareOf('long_term_share');

/** One full-time day (fraværsdagsværk). */
export const HOURS_PER_DAY = 7.4;

/**
 * sick_leave_pct, long_term_share and sick_leave_days_per_fte for the months in [from, to] that
 * have data. Sums of hours are divided, never percentages averaged. Days per FTE needs all 12
 * months of the rolling window: a shorter history would understate it. `suppressed` must answer
 * for every month the windows reach back to: the year to date and days per FTE are hidden when
 * the unit is hidden in any month they cover (domain.md §4).
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
    if (!series) {
      series = new Map();
      byOrg.set(m.orgId, series);
    }
    series.set(m.period, m);
  }
  const rows: RollupRow[] = [];
  for (const [orgId, series] of byOrg) {
    for (const period of periodRange(from, to)) {
      const month = series.get(period);
      if (!month) continue;
      const ytd = ytdPeriods(period).flatMap((p) => series.get(p) ?? []);
      const sum = (list: SickLeaveMonth[], pick: (m: SickLeaveMonth) => number) => list.reduce((s, m) => s + pick(m), 0);
      const hiddenIn = (p: string) => suppressed(orgId, p);
      const hidden = hiddenIn(period);
      const ytdHidden = hiddenOverMonths(ytdPeriods(period), hiddenIn);
      const base = { headcount: month.headcount, batchId: month.batchId };

      /** A share of two hour sums as the KPI's definition names them, for the month and the year to date. */
      const share = ({ kpiId, numerator, denominator, scale }: SickLeaveShare) => {
        const part = (m: SickLeaveMonth) => m[numerator];
        const whole = (m: SickLeaveMonth) => m[denominator];
        const row = emptyRow(orgId, period, kpiId);
        Object.assign(row, base, {
          numerator: part(month),
          denominator: whole(month),
          value: ratio(part(month), whole(month), scale),
          ytdNumerator: sum(ytd, part),
          ytdDenominator: sum(ytd, whole),
        });
        row.ytdValue = ratio(row.ytdNumerator, row.ytdDenominator, scale);
        return row;
      };
      const pct = share(SICK_LEAVE_PCT);
      const longTerm = share(LONG_TERM_SHARE);

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
      for (const row of [pct, longTerm]) rows.push(hidden ? suppress(row) : ytdHidden ? withoutYearToDate(row) : row);
      rows.push(hiddenOverMonths(rolling12(period), hiddenIn) ? suppress(perFte) : perFte);
    }
  }
  return rows;
}

/** The month is shown, but its year to date covers a hidden month. */
function withoutYearToDate(row: RollupRow): RollupRow {
  return { ...row, ytdValue: null, ytdNumerator: null, ytdDenominator: null, ytdN: null };
}

/** A suppressed value keeps nothing that could reveal it: the parent's total still includes it. */
function suppress(row: RollupRow): RollupRow {
  return { ...emptyRow(row.orgId, row.period, row.kpiId), suppressed: true, batchId: row.batchId };
}
