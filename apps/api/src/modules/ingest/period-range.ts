import { type FeedSpec, feedColumn } from '@lis/contracts';
import type { StoredValue } from './cell-parsers.ts';

export interface PeriodRange {
  /** first and last month ('YYYY-MM-01') the rows belong to, null when the feed has no period */
  from: string | null;
  to: string | null;
}

/**
 * The months a delivery covers, for the ledger and the indicator refresh, gathered from the rows
 * as they are read (cheaper than asking the staged table afterwards). Years cover January to December.
 */
export function periodRangeOf(spec: FeedSpec) {
  const index = spec.periodColumn ? spec.columns.indexOf(feedColumn(spec, spec.periodColumn)) : -1;
  let first: StoredValue = null;
  let last: StoredValue = null;
  return {
    add(values: readonly StoredValue[]): void {
      const value = values[index] ?? null;
      if (value === null) return;
      if (first === null || value < first) first = value;
      if (last === null || value > last) last = value;
    },
    range(): PeriodRange {
      if (first === null || last === null) return { from: null, to: null };
      // a month is stored as its first day, a date as itself, a year as a number
      return typeof first === 'number'
        ? { from: `${first}-01-01`, to: `${last}-12-01` }
        : { from: `${first.slice(0, 7)}-01`, to: `${String(last).slice(0, 7)}-01` };
    },
  };
}
