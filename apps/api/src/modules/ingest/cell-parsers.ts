import type { ColumnType } from '@lis/contracts';
import { findMunicipality, parseDanishDate, parseDanishNumber, parseMonth, parseYear } from '@lis/domain';

/** A value as stored: text, number, a date 'YYYY-MM-DD', or null. */
export type StoredValue = string | number | null;

/** Why a cell cannot be read. Made once per column and problem, so a bad cell allocates nothing. */
export class CellProblem {
  constructor(readonly message: string) {}
}

/** Reads one trimmed, non-empty cell. */
export type CellParser = (text: string) => StoredValue | CellProblem;

const FUNCTION_CODE = /^\d\.\d{2}\.\d{2}$/;
const MAX_TEXT = 300;

/** The reader of a column type; `decimalComma` follows the file's separator. */
export function cellParser(type: ColumnType, decimalComma: boolean): CellParser {
  switch (type.kind) {
    case 'text': {
      const tooLong = new CellProblem(`er længere end ${MAX_TEXT} tegn`);
      // PostgreSQL text cannot hold the NUL character (other kinds refuse it by their pattern)
      const nul = new CellProblem('indeholder tegnet NUL (0x00), som ikke kan gemmes');
      return (text) => (text.length > MAX_TEXT ? tooLong : text.includes('\0') ? nul : text);
    }
    case 'month': {
      const problem = new CellProblem('er ikke en måned (skriv ÅÅÅÅ-MM eller 2016M03)');
      return memoised((text) => {
        const month = parseMonth(text);
        return month ? `${month}-01` : problem;
      });
    }
    case 'date': {
      const problem = new CellProblem('er ikke en dato (skriv ÅÅÅÅ-MM-DD, DD-MM-ÅÅÅÅ eller DD.MM.ÅÅÅÅ)');
      return memoised((text) => parseDanishDate(text) ?? problem);
    }
    case 'year': {
      const problem = new CellProblem('er ikke et år (ÅÅÅÅ)');
      return memoised((text) => parseYear(text) ?? problem);
    }
    case 'integer': {
      const problem = new CellProblem('er ikke et helt tal');
      const inRange = numberCheck(type);
      return memoised((text) => {
        const n = readNumber(text, decimalComma);
        return n === null || !Number.isInteger(n) ? problem : inRange(n);
      });
    }
    case 'number': {
      // Amounts hardly repeat: not memoised.
      const problem = new CellProblem('er ikke et tal (fx 1234,5 eller 1.234,5)');
      const inRange = numberCheck(type);
      return (text) => {
        const n = readNumber(text, decimalComma);
        return n === null ? problem : inRange(n);
      };
    }
    case 'function': {
      const problem = new CellProblem('er ikke et funktionsnummer fra kontoplanen (h.hf.ff, fx 5.32.32)');
      return memoised((text) => (FUNCTION_CODE.test(text) ? text : problem));
    }
    case 'municipality': {
      const problem = new CellProblem('er ikke en kendt kommunekode (3 cifre)');
      return memoised((text) => (findMunicipality(text) ? text : problem));
    }
    case 'enum': {
      const problem = new CellProblem(`skal være en af ${[...new Set(Object.values(type.values))].join(', ')}`);
      return memoised((text) => {
        const spelling = text.toLowerCase();
        return Object.hasOwn(type.values, spelling) ? (type.values[spelling] as string) : problem;
      });
    }
  }
}

// Whole-number columns are PostgreSQL integers unless the contract gives a smaller range.
const LARGEST_INTEGER = 2_147_483_647;

/**
 * The range check of a number column, for text cells and JSON numbers alike: the contract's
 * minimum and maximum, and what the store can hold, so an overflow is a located error here and
 * never a failed statement in the database. A numeric(p, s) column keeps p − s digits before the
 * decimal mark; the last unit below the bound is left as room for rounding to s decimals.
 */
export function numberCheck(type: ColumnType & { kind: 'number' | 'integer' }): (n: number) => number | CellProblem {
  const notFinite = new CellProblem('er ikke et endeligt tal');
  if (type.kind === 'integer') {
    const inRange = rangeCheck(type.min ?? -LARGEST_INTEGER, type.max ?? LARGEST_INTEGER);
    return (n) => (Number.isFinite(n) ? inRange(n) : notFinite);
  }
  const tooLarge = new CellProblem(`er for stort: højst ${type.digits} cifre før kommaet`);
  const limit = 10 ** type.digits - 1;
  const inRange = rangeCheck(type.min, undefined);
  return (n) => (!Number.isFinite(n) ? notFinite : Math.abs(n) >= limit ? tooLarge : inRange(n));
}

/** `n`, or the problem with its range. */
function rangeCheck(min: number | undefined, max: number | undefined): (n: number) => number | CellProblem {
  const belowMin = new CellProblem(min === 0 ? 'må ikke være negativ' : `skal være mindst ${min}`);
  const aboveMax = new CellProblem(`må højst være ${max}`);
  return (n) => (min !== undefined && n < min ? belowMin : max !== undefined && n > max ? aboveMax : n);
}

// Periods, codes and amount types repeat on every row: each distinct text is read once. The
// limit bounds the memory for a column that turns out not to repeat.
const MEMO_LIMIT = 1_000;

function memoised(parse: CellParser): CellParser {
  const seen = new Map<string, StoredValue | CellProblem>();
  return (text) => {
    let result = seen.get(text);
    if (result === undefined) {
      result = parse(text);
      if (seen.size < MEMO_LIMIT) seen.set(text, result);
    }
    return result;
  };
}

/** parseDanishNumber, with its most common shapes read without regular expressions. */
export function readNumber(text: string, decimalComma: boolean): number | null {
  const canonical = plainNumber(text, decimalComma);
  if (canonical === null) return parseDanishNumber(text, decimalComma);
  const negative = text.charCodeAt(0) === MINUS;
  const value = Number(canonical);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}

const MINUS = 0x2d;
const POINT = 0x2e;
const COMMA = 0x2c;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/**
 * The number without its sign as JavaScript reads it, for the shapes finance exports use:
 * `-?digits`, `-?digits<decimal mark>digits` and, with a decimal comma, Danish thousands groups
 * `-?1.234.567,89` (first group without a leading zero). Null for anything else.
 */
function plainNumber(text: string, decimalComma: boolean): string | null {
  const start = text.charCodeAt(0) === MINUS ? 1 : 0;
  const decimalMark = decimalComma ? COMMA : POINT;
  let i = start;
  let groups = 0;
  let digitsInPart = 0;
  while (i < text.length && isDigit(text.charCodeAt(i))) {
    i++;
    digitsInPart++;
  }
  if (digitsInPart === 0) return null;
  const firstPart = digitsInPart;
  // Danish thousands groups: a point followed by exactly three digits.
  while (decimalComma && i < text.length && text.charCodeAt(i) === POINT) {
    let j = i + 1;
    while (j < text.length && isDigit(text.charCodeAt(j))) j++;
    if (j - i - 1 !== 3) return null;
    groups++;
    i = j;
  }
  if (groups > 0 && (firstPart > 3 || text.charCodeAt(start) === 0x30)) return null;
  let decimals = -1;
  if (i < text.length && text.charCodeAt(i) === decimalMark) {
    const j = ++i;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    decimals = i - j;
    if (decimals === 0) return null;
  }
  if (i !== text.length) return null;
  let canonical = start === 0 ? text : text.slice(start);
  if (groups > 0) canonical = canonical.replaceAll('.', '');
  if (decimals > 0 && decimalComma) canonical = canonical.replace(',', '.');
  return canonical;
}
