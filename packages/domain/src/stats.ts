/**
 * Percentile with linear interpolation between the closest ranks: Excel PERCENTILE.INC, numpy's
 * default, PostgreSQL's percentile_cont (domain.md §5). p in [0, 1]; null for no values.
 * The input is not reordered.
 */
export function percentileInc(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile ${p} is outside [0, 1]`);
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError('percentileInc needs finite numbers');
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const lowValue = sorted[low] as number;
  const highValue = sorted[Math.ceil(rank)] as number;
  return lowValue + (rank - low) * (highValue - lowValue);
}

/** The middle value; for an even count the mean of the two middle values. */
export const median = (values: readonly number[]): number | null => percentileInc(values, 0.5);

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * Rounds half away from zero on the number as it is written (1.005 → 1.01, -2.5 → -3), exactly
 * as Intl.NumberFormat does, so a status is judged on the very figure the user is shown.
 * (Math.round(1.005 * 100) gives 100, because 1.005 * 100 is 100.49999999999999 in binary.)
 * Never returns -0.
 */
export function roundToDecimals(value: number, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be a whole number from 0 to 20, got ${decimals}`);
  }
  if (!Number.isFinite(value)) return value;
  const rounded = Math.sign(value) * shiftDecimalPoint(Math.round(shiftDecimalPoint(Math.abs(value), decimals)), -decimals);
  return rounded === 0 ? 0 : rounded;
}

/** value × 10^places, done on the decimal text so no binary rounding error creeps in. */
function shiftDecimalPoint(value: number, places: number): number {
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}
