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
      return first === null || last === null ? { from: null, to: null } : monthsBetween(first, last);
    },
  };
}

/** A month is stored as its first day, a date as itself, a year as a number (or its digits). */
function monthsBetween(first: string | number, last: string | number): { from: string; to: string } {
  return /^\d{4}$/.test(String(first))
    ? { from: `${first}-01-01`, to: `${last}-12-01` }
    : { from: `${String(first).slice(0, 7)}-01`, to: `${String(last).slice(0, 7)}-01` };
}

/**
 * The months a change touched: those of the delivered (or restored) rows and those of the rows it
 * set aside, which differ when a key moved in time (a case received on another day).
 */
export function widenRange(range: PeriodRange, setAside: readonly { first: string | null; last: string | null }[]): PeriodRange {
  let { from, to } = range;
  for (const rows of setAside) {
    if (rows.first === null || rows.last === null) continue;
    const months = monthsBetween(rows.first, rows.last);
    if (from === null || months.from < from) from = months.from;
    if (to === null || months.to > to) to = months.to;
  }
  return { from, to };
}
