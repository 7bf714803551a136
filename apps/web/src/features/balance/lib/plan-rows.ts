/** Formatting of the resultatopgørelse (its rows and their signs are the domain's PLAN_ROWS). */
import { formatAmountIn } from '@lis/domain';

/** '84,0' for 83.999.000 kr.: the table is in mio. kr. */
export const formatMillions = (value: number | null): string => formatAmountIn(value, 'mio');

/** '+1,5' for a change; the sign says whether it helps the result. */
export function formatMillionsChange(value: number): string {
  const text = formatMillions(value);
  return value > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

export const cashWord = (cashChange: number): string => (cashChange < 0 ? 'kassetræk' : 'kasseforøgelse');

/** 'B2017' for the budget year, '2018' for an overslagsår. */
export const yearLabel = (year: number, budgetYear: number): string => (year === budgetYear ? `B${year}` : `${year}`);
