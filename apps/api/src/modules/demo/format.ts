/**
 * Values written the way Danish source systems export them: decimal comma, no thousands
 * separator (so a `;` file never holds an ambiguous `1.234`), dates in several accepted styles.
 */
import { fromDayNumber } from './calendar.ts';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 1234.5 → '1234,50' (2 decimals); never '-0,00' */
export function decimalComma(value: number, decimals = 2): string {
  const text = value.toFixed(decimals);
  const clean = /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
  return clean.replace('.', ',');
}

/** whole øre → '1234567,89' (amounts are kept in integer øre so months sum exactly to years) */
export function oreToKroner(ore: number): string {
  const abs = Math.abs(ore);
  return `${ore < 0 ? '-' : ''}${Math.floor(abs / 100)},${pad2(abs % 100)}`;
}

/** 2016, 3 → '2016-03' */
export const isoMonth = (year: number, month: number) => `${year}-${pad2(month)}`;

/** 2016, 3 → '2016M03' (Danmarks Statistik's style) */
export const dstMonth = (year: number, month: number) => `${year}M${pad2(month)}`;

/** day number → '24-02-2016' */
export function danishDate(day: number): string {
  const d = fromDayNumber(day);
  return `${pad2(d.day)}-${pad2(d.month)}-${d.year}`;
}

/** 'YYYY-MM-DD' → '01.01.2007' (as many ERP systems print dates) */
export function dottedDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
