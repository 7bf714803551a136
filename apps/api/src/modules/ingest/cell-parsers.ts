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
  // Files come sorted (a month's rows together): comparing with the last text is cheaper than hashing it.
  let lastText: string | null = null; // none yet: the first text is parsed, whatever it is
  let lastResult: StoredValue | CellProblem = null;
  return (text) => {
    if (text === lastText) return lastResult;
    let result = seen.get(text);
    if (result === undefined) {
      result = parse(text);
      if (seen.size < MEMO_LIMIT) seen.set(text, result);
    }
    lastText = text;
    lastResult = result;
    return result;
  };
}

/** parseDanishNumber, with its most common shapes read without regular expressions. */
export function readNumber(text: string, decimalComma: boolean): number | null {
  const value = plainNumber(text, decimalComma);
  return value === undefined ? parseDanishNumber(text, decimalComma) : value;
}

const MINUS = 0x2d;
const POINT = 0x2e;
const COMMA = 0x2c;
const ZERO = 0x30;
const isDigit = (code: number) => code >= ZERO && code <= 0x39;

// Up to 15 digits, the digits read as an integer are exact (below 2^53), and so is a power of ten
// up to 10^22: their quotient, rounded once by the division, is the double nearest the decimal
// number, the same that Number() reads from its text.
const EXACT_DIGITS = 15;
const POWERS_OF_TEN = Array.from({ length: EXACT_DIGITS + 1 }, (_, n) => 10 ** n);

/**
 * The value of the shapes finance exports use: `-?digits`, `-?digits<decimal mark>digits` and,
 * with a decimal comma, Danish thousands groups `-?1.234.567,89` (first group without a leading
 * zero); null when it is not finite, undefined for any other shape. The digits are gathered as
 * they are checked, so the usual amount is read without making a string.
 */
function plainNumber(text: string, decimalComma: boolean): number | null | undefined {
  const start = text.charCodeAt(0) === MINUS ? 1 : 0;
  const decimalMark = decimalComma ? COMMA : POINT;
  let digits = 0; // the digits so far as an integer, exact while there are at most 15
  let i = start;
  let code = text.charCodeAt(i);
  for (; isDigit(code); code = text.charCodeAt(++i)) digits = digits * 10 + (code - ZERO);
  const firstPart = i - start;
  if (firstPart === 0) return undefined;
  // Danish thousands groups: a point followed by exactly three digits.
  let groups = 0;
  while (decimalComma && code === POINT) {
    const groupStart = i + 1;
    for (code = text.charCodeAt(++i); isDigit(code); code = text.charCodeAt(++i)) digits = digits * 10 + (code - ZERO);
    if (i - groupStart !== 3) return undefined;
    groups++;
  }
  if (groups > 0 && (firstPart > 3 || text.charCodeAt(start) === ZERO)) return undefined;
  let decimals = 0;
  if (code === decimalMark) {
    const fractionStart = i + 1;
    for (code = text.charCodeAt(++i); isDigit(code); code = text.charCodeAt(++i)) digits = digits * 10 + (code - ZERO);
    decimals = i - fractionStart;
    if (decimals === 0) return undefined;
  }
  if (i !== text.length) return undefined;
  const value =
    firstPart + 3 * groups + decimals <= EXACT_DIGITS
      ? digits / (POWERS_OF_TEN[decimals] as number)
      : Number(canonicalNumber(text.slice(start), groups > 0, decimals > 0 && decimalComma));
  if (!Number.isFinite(value)) return null;
  return start === 1 ? -value : value;
}

/** The number as JavaScript reads it: without thousands points, with a decimal point. */
function canonicalNumber(unsigned: string, grouped: boolean, decimalComma: boolean): string {
  const digits = grouped ? unsigned.replaceAll('.', '') : unsigned;
  return decimalComma ? digits.replace(',', '.') : digits;
}
