/**
 * Periods are calendar months written 'YYYY-MM'; dates are 'YYYY-MM-DD'.
 * All arithmetic is on integers (no Date objects), so results never depend on the time zone
 * the code runs in, nor on Date's habit of reading years 0–99 as 1900–1999.
 * Malformed input is a programming error (feeds are validated by parse.ts first): it throws.
 */

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$/;
const LAST_YEAR = 9999;

export function isPeriod(value: unknown): value is string {
  return typeof value === 'string' && PERIOD.test(value);
}

export function periodYear(period: string): number {
  return splitPeriod(period).year;
}

/** 1 = January … 12 = December */
export function periodMonthNumber(period: string): number {
  return splitPeriod(period).month;
}

export function addMonths(period: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`addMonths needs a whole number of months, got ${months}`);
  return periodFromIndex(monthIndex(period) + months);
}

/** Every month from `from` to `to`, both included; empty when `from` is after `to`. */
export function periodRange(from: string, to: string): string[] {
  const last = monthIndex(to);
  const periods: string[] = [];
  for (let index = monthIndex(from); index <= last; index++) periods.push(periodFromIndex(index));
  return periods;
}

export const previousMonth = (period: string): string => addMonths(period, -1);

export const sameMonthLastYear = (period: string): string => addMonths(period, -12);

/** 'YYYY-01' of the period's year */
export const yearStart = (period: string): string => `${periodYear(period)}-01`;

/** January up to and including the period (year to date). */
export const ytdPeriods = (period: string): string[] => periodRange(yearStart(period), period);

/** The 12 months ending with the period, oldest first. */
export const rolling12 = (period: string): string[] => periodRange(addMonths(period, -11), period);

export function monthStart(period: string): string {
  splitPeriod(period);
  return `${period}-01`;
}

export function monthEnd(period: string): string {
  const { year, month } = splitPeriod(period);
  return `${period}-${pad2(daysInMonth(year, month))}`;
}

export function periodOfDate(date: string): string {
  splitDate(date);
  return date.slice(0, 7);
}

/**
 * Calendar days from one date to another (2016-03-01 → 2016-03-31 = 30); negative when `toDate`
 * is earlier. Case durations are counted this way (domain.md §5).
 */
export function daysBetween(fromDate: string, toDate: string): number {
  return dayNumber(toDate) - dayNumber(fromDate);
}

function splitPeriod(period: string): { year: number; month: number } {
  const match = PERIOD.exec(period);
  if (!match) throw new RangeError(`Not a period 'YYYY-MM': ${JSON.stringify(period)}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

function splitDate(date: string): { year: number; month: number; day: number } {
  const match = DATE.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (day >= 1 && day <= daysInMonth(year, month)) return { year, month, day };
  }
  throw new RangeError(`Not a calendar date 'YYYY-MM-DD': ${JSON.stringify(date)}`);
}

/** Months since January of year 0, so month arithmetic is plain integer arithmetic. */
function monthIndex(period: string): number {
  const { year, month } = splitPeriod(period);
  return year * 12 + month - 1;
}

function periodFromIndex(index: number): string {
  const year = Math.floor(index / 12);
  if (year < 0 || year > LAST_YEAR) throw new RangeError(`Period out of range (years 0000–${LAST_YEAR})`);
  return `${String(year).padStart(4, '0')}-${pad2((index % 12) + 1)}`;
}

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 0000-03-01 in the proleptic Gregorian calendar (Hinnant's days_from_civil). */
function dayNumber(date: string): number {
  const { year, month, day } = splitDate(date);
  // Count years from March so the leap day is the last day of the counted year.
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
