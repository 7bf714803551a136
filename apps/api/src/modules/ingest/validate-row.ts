import type { ColumnType, FeedColumn, FeedSpec } from '@lis/contracts';
import { findMunicipality, parseDanishDate, parseDanishNumber, parseMonth, parseYear } from '@lis/domain';
import type { ErrorList } from './errors.ts';
import type { RawRecord, RawValue } from './read-records.ts';

/** A value as stored: text, number, a date 'YYYY-MM-DD', or null. */
export type StoredValue = string | number | null;

type Parsed = { ok: true; value: StoredValue } | { ok: false; message: string };

const FUNCTION_CODE = /^\d\.\d{2}\.\d{2}$/;
const MAX_TEXT = 300;

/** Reads one cell by its column type; `decimalComma` follows the file's separator. */
export function parseCell(type: ColumnType, raw: string, decimalComma: boolean): Parsed {
  switch (type.kind) {
    case 'text':
      return raw.length > MAX_TEXT ? fail(`longer than ${MAX_TEXT} characters`) : ok(raw);
    case 'month': {
      const month = parseMonth(raw);
      return month ? ok(`${month}-01`) : fail('not a month (use YYYY-MM or 2016M03)');
    }
    case 'date': {
      const date = parseDanishDate(raw);
      return date ? ok(date) : fail('not a date (use YYYY-MM-DD, DD-MM-YYYY or DD.MM.YYYY)');
    }
    case 'year': {
      const year = parseYear(raw);
      return year === null ? fail('not a year (YYYY)') : ok(year);
    }
    case 'integer': {
      const n = parseDanishNumber(raw, decimalComma);
      if (n === null || !Number.isInteger(n)) return fail('not a whole number');
      return inRange(n, type.min, 'max' in type ? type.max : undefined);
    }
    case 'number': {
      const n = parseDanishNumber(raw, decimalComma);
      if (n === null) return fail('not a number (e.g. 1234,5 or 1.234,5)');
      return inRange(n, type.min, undefined);
    }
    case 'function':
      return FUNCTION_CODE.test(raw) ? ok(raw) : fail('not a function number of the chart of accounts (h.hf.ff, e.g. 5.32.32)');
    case 'municipality':
      return findMunicipality(raw) ? ok(raw) : fail('not a known 3-digit municipality code');
    case 'enum': {
      const value = type.values[raw.toLowerCase()];
      return value ? ok(value) : fail(`must be one of ${[...new Set(Object.values(type.values))].join(', ')}`);
    }
  }
}

/**
 * Turns a raw record into stored values in the feed's column order, or records its errors.
 * Returns null when the row has any error.
 */
export function validateRecord(
  spec: FeedSpec,
  record: RawRecord,
  decimalComma: boolean,
  errors: ErrorList,
): StoredValue[] | null {
  if (record.shapeError) {
    errors.add({ line: record.line, column: null, value: null, message: record.shapeError });
    return null;
  }
  const row: StoredValue[] = new Array(spec.columns.length);
  let valid = true;
  spec.columns.forEach((column, i) => {
    const parsed = parseRaw(column, record.values[i] ?? null, decimalComma);
    if (parsed.ok) row[i] = parsed.value;
    else {
      valid = false;
      errors.add({
        line: record.line,
        column: column.name,
        value: displayValue(record.values[i] ?? null),
        message: parsed.message,
      });
    }
  });
  return valid ? row : null;
}

function parseRaw(column: FeedColumn, raw: RawValue, decimalComma: boolean): Parsed {
  if (typeof raw === 'number') {
    if (column.type.kind === 'number' || column.type.kind === 'integer') {
      return column.type.kind === 'integer' && !Number.isInteger(raw)
        ? fail('not a whole number')
        : inRange(raw, column.type.min, undefined);
    }
    return parseRaw(column, String(raw), decimalComma);
  }
  if (typeof raw === 'boolean') return fail('expected text or a number, found true/false');
  const text = raw === null ? '' : raw.trim();
  if (text === '') return column.required ? fail('is required') : ok(null);
  return parseCell(column.type, text, decimalComma);
}

function inRange(n: number, min: number | undefined, max: number | undefined): Parsed {
  if (min !== undefined && n < min) return fail(min === 0 ? 'must not be negative' : `must be at least ${min}`);
  if (max !== undefined && n > max) return fail(`must be at most ${max}`);
  return ok(n);
}

export const displayValue = (raw: RawValue): string | null => (raw === null ? null : String(raw));
const ok = (value: StoredValue): Parsed => ({ ok: true, value });
const fail = (message: string): Parsed => ({ ok: false, message });
