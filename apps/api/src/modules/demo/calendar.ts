/** The demo period and the date arithmetic the generators need (UTC day numbers, no time zones). */

export const YEARS = [2014, 2015, 2016] as const;

export interface Month {
  year: number;
  /** 1–12 */
  month: number;
}

/** 2014-01 … 2016-12 */
export const MONTHS: readonly Month[] = YEARS.flatMap((year) => Array.from({ length: 12 }, (_, i) => ({ year, month: i + 1 })));

/** days since 1970-01-01 */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

export function fromDayNumber(n: number): { year: number; month: number; day: number } {
  const date = new Date(n * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(n: number): number {
  return new Date(n * 86_400_000).getUTCDay();
}

/** the next Monday for a Saturday or Sunday: case systems register and decide on working days */
export function toWorkingDay(n: number): number {
  const wd = weekday(n);
  return wd === 6 ? n + 2 : wd === 0 ? n + 1 : n;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO date 'YYYY-MM-DD' → day number */
export function parseIsoDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return dayNumber(y ?? 1970, m ?? 1, d ?? 1);
}
