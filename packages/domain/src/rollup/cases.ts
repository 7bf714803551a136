import { getKpi } from '../kpis.ts';
import { emptyRow, type RollupRow, ratio } from './types.ts';

const WITHIN_DEADLINE_SCALE = getKpi('case_within_deadline_pct').scale;

/**
 * Case statistics of one unit's whole subtree for one month, computed from the case rows
 * themselves (a parent's median comes from all its cases, never from its children's medians).
 */
export interface CaseMonth {
  orgId: string;
  period: string;
  decided: number;
  withinDeadline: number;
  medianDays: number | null;
  p90Days: number | null;
  ytdDecided: number;
  ytdWithinDeadline: number;
  ytdMedianDays: number | null;
  ytdP90Days: number | null;
  /** open at month end */
  backlog: number;
  openOverDeadline: number;
  batchId: number | null;
}

export function caseRollups(months: readonly CaseMonth[]): RollupRow[] {
  const rows: RollupRow[] = [];
  for (const m of months) {
    const row = (kpiId: string, fields: Partial<RollupRow>): RollupRow => ({
      ...emptyRow(m.orgId, m.period, kpiId),
      batchId: m.batchId,
      ...fields,
    });
    rows.push(
      row('case_within_deadline_pct', {
        numerator: m.withinDeadline,
        denominator: m.decided,
        value: ratio(m.withinDeadline, m.decided, WITHIN_DEADLINE_SCALE),
        n: m.decided,
        ytdNumerator: m.ytdWithinDeadline,
        ytdDenominator: m.ytdDecided,
        ytdValue: ratio(m.ytdWithinDeadline, m.ytdDecided, WITHIN_DEADLINE_SCALE),
        ytdN: m.ytdDecided,
      }),
      row('case_median_days', { value: m.medianDays, n: m.decided, ytdValue: m.ytdMedianDays, ytdN: m.ytdDecided }),
      row('case_p90_days', { value: m.p90Days, n: m.decided, ytdValue: m.ytdP90Days, ytdN: m.ytdDecided }),
      row('case_decided_count', {
        value: m.decided,
        numerator: m.decided,
        n: m.decided,
        ytdValue: m.ytdDecided,
        ytdN: m.ytdDecided,
      }),
      row('case_backlog', { value: m.backlog, numerator: m.backlog, n: m.backlog }),
      row('case_open_over_deadline', { value: m.openOverDeadline, numerator: m.openOverDeadline, n: m.backlog }),
    );
  }
  return rows;
}
