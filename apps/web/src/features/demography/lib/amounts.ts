import { formatNumber } from '../../../lib/format';

/** The unit of the page's amount columns, stated in each header. */
export const AMOUNT_UNIT = 'mio. kr.';

/** An amount in a column headed AMOUNT_UNIT: millions with one decimal, '-0,3'. */
export const millions = (kroner: number | null): string => formatNumber(kroner === null ? null : kroner / 1_000_000, 1);

/** A change in persons with its sign: '+12', '-3', '0'. */
export const signedPersons = (change: number | null): string => {
  const text = formatNumber(change, 0);
  return change !== null && change > 0 ? `+${text}` : text;
};
