/** One precomputed indicator value: a KPI for an org unit (its whole subtree) in a month. */
export interface RollupRow {
  orgId: string;
  /** 'YYYY-MM' */
  period: string;
  kpiId: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  n: number | null;
  ytdValue: number | null;
  ytdNumerator: number | null;
  ytdDenominator: number | null;
  ytdN: number | null;
  headcount: number | null;
  suppressed: boolean;
  /** e.g. the phased budget share that the consumption is read against */
  referenceValue: number | null;
  /** 'YYYY-MM' the data is from, when older than `period` (carried forward, latest forecast) */
  dataPeriod: string | null;
  batchId: number | null;
}

export const emptyRow = (orgId: string, period: string, kpiId: string): RollupRow => ({
  orgId,
  period,
  kpiId,
  value: null,
  numerator: null,
  denominator: null,
  n: null,
  ytdValue: null,
  ytdNumerator: null,
  ytdDenominator: null,
  ytdN: null,
  headcount: null,
  suppressed: false,
  referenceValue: null,
  dataPeriod: null,
  batchId: null,
});

/** numerator / denominator × scale, or null when the denominator is 0 or missing. */
export function ratio(numerator: number | null, denominator: number | null, scale = 1): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return (numerator / denominator) * scale;
}

export const maxBatch = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
