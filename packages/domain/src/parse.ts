/**
 * Reading values the way Danish source systems write them (feed contract, common rules).
 * Every parser returns null for text it cannot read; the caller turns that into a row error.
 */

const INT = /^\d+$/;
const DECIMAL_POINT = /^\d*\.\d+$/;
const DECIMAL_COMMA = /^\d*,\d+$/;
// Danish grouping: 1.234.567,89 (also with spaces or non-breaking spaces as group separators)
const DANISH_GROUPED = /^[1-9]\d{0,2}([. \u00a0\u202f]\d{3})+(,\d+)?$/;
// English grouping, only in ','-separated files: 1,234,567.89
const ENGLISH_GROUPED = /^[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/;

/**
 * `1234.5`, `1234,5`, `1.234,5`, `-1.234,5`, `1.234,50-` (trailing minus, as some accounting
 * systems print it). `decimalComma` is true for ';'-separated files, where a comma is the decimal
 * mark and `1.234` means one thousand two hundred and thirty-four.
 */
export function parseDanishNumber(input: string, decimalComma = true): number | null {
  let text = input.trim();
  if (text === '') return null;
  let negative = false;
  if (/^[-\u2212+]/.test(text)) {
    negative = text[0] !== '+';
    text = text.slice(1).trim();
  } else if (/[-\u2212]$/.test(text)) {
    negative = true;
    text = text.slice(0, -1).trim();
  }
  let canonical: string | null = null;
  if (INT.test(text) || DECIMAL_POINT.test(text)) canonical = text;
  if (decimalComma) {
    if (canonical !== null && /^[1-9]\d{0,2}\.\d{3}$/.test(text)) canonical = text.replace('.', '');
    else if (DANISH_GROUPED.test(text)) canonical = text.replace(/[. \u00a0\u202f]/g, '').replace(',', '.');
    else if (DECIMAL_COMMA.test(text)) canonical = text.replace(',', '.');
  } else if (canonical === null) {
    if (ENGLISH_GROUPED.test(text)) canonical = text.replace(/,/g, '');
    else if (DECIMAL_COMMA.test(text)) canonical = text.replace(',', '.');
  }
  if (canonical === null) return null;
  const value = Number(canonical);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}

/** 'YYYY-MM-DD', 'DD-MM-YYYY' or 'DD.MM.YYYY' → 'YYYY-MM-DD', if it is a real calendar date. */
export function parseDanishDate(input: string): string | null {
  const text = input.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  let year: number;
  let month: number;
  let day: number;
  if (m) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    m = /^(\d{1,2})([-.])(\d{1,2})\2(\d{4})$/.exec(text);
    if (!m) return null;
    [day, month, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
  }
  if (year === 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/**
 * 'YYYY-MM' or DST style '2016M03' → 'YYYY-MM'. Year 0000 is refused here and in dates: the
 * calendar (and PostgreSQL's date type) goes from 1 BC to AD 1 without a year 0.
 */
export function parseMonth(input: string): string | null {
  const m = /^(\d{4})(?:-|M)(\d{1,2})$/i.exec(input.trim());
  if (!m || m[1] === '0000') return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return `${m[1]}-${pad2(month)}`;
}

export function parseYear(input: string): number | null {
  const text = input.trim();
  if (!/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= 1900 && year <= 2200 ? year : null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad2 = (n: number) => String(n).padStart(2, '0');
