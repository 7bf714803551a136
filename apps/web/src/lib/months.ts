import { addMonths } from '@lis/domain';

// The API does not say how far back data goes; four years covers a budget period and its comparisons.
const MONTHS_BACK = 47;

/** The months a picker offers: the latest month with data and the years before it, newest first, plus the current one. */
export function monthOptions(latest: string, current: string): string[] {
  const months = Array.from({ length: MONTHS_BACK + 1 }, (_, index) => addMonths(latest, -index));
  if (!months.includes(current)) months.push(current);
  return months.sort().reverse();
}
