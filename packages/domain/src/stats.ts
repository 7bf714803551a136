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
 * Working on the decimal digits avoids binary error at any magnitude: Math.round(1.005 * 100)
 * gives 100, because 1.005 * 100 is 100.49999999999999. Never returns -0.
 */
export function roundToDecimals(value: number, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be a whole number from 0 to 20, got ${decimals}`);
  }
  if (!Number.isFinite(value)) return value;
  const { digits, pointAt } = decimalDigits(Math.abs(value));
  const cut = pointAt + decimals;
  if (cut >= digits.length) return value === 0 ? 0 : value;
  const kept = cut > 0 ? BigInt(digits.slice(0, cut)) : 0n;
  const roundsUp = cut >= 0 && (digits[cut] as string) >= '5';
  const rounded = Math.sign(value) * Number(`${roundsUp ? kept + 1n : kept}e-${decimals}`);
  return rounded === 0 ? 0 : rounded;
}

/** The shortest decimal digits of a number ('1.005' → '1005') and where its point sits (1). */
function decimalDigits(magnitude: number): { digits: string; pointAt: number } {
  const [mantissa = '', exponent = '0'] = String(magnitude).split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  return { digits: whole + fraction, pointAt: whole.length + Number(exponent) };
}
