import type { FeedColumn, FeedSpec } from '@lis/contracts';
import { type CellParser, CellProblem, cellParser, numberCheck, type StoredValue } from './cell-parsers.ts';
import type { ErrorList } from './errors.ts';
import { trimmedText } from './plain-csv.ts';
import type { RawRecord, RawValue } from './read-records.ts';

export type { StoredValue } from './cell-parsers.ts';

/**
 * Turns a raw record into stored values in the feed's column order, or records its errors and
 * returns null. Made once per file: the column readers are prepared for its decimal mark.
 */
export type RowValidator = (record: RawRecord, errors: ErrorList) => StoredValue[] | null;

export function rowValidator(spec: FeedSpec, decimalComma: boolean): RowValidator {
  const readers = spec.columns.map((column) => columnReader(column, decimalComma));
  return (record, errors) => {
    if (record.shapeError) {
      errors.add({ line: record.line, column: null, value: null, message: record.shapeError });
      return null;
    }
    const row = new Array<StoredValue>(readers.length);
    let valid = true;
    for (let i = 0; i < readers.length; i++) {
      const raw = record.values[i] ?? null;
      const value = (readers[i] as ColumnReader)(raw);
      if (value instanceof CellProblem) {
        valid = false;
        const column = spec.columns[i] as FeedColumn;
        errors.add({ line: record.line, column: column.name, value: displayValue(raw), message: value.message });
      } else row[i] = value;
    }
    return valid ? row : null;
  };
}

type ColumnReader = (raw: RawValue) => StoredValue | CellProblem;

function columnReader(column: FeedColumn, decimalComma: boolean): ColumnReader {
  const parse = cellParser(column.type, decimalComma);
  const required = new CellProblem('skal udfyldes');
  const readText = (raw: string) => {
    const text = trimmedText(raw);
    if (text === '') return column.required ? required : null;
    return parse(text);
  };
  const readJsonValue = jsonValueReader(column, parse);
  return (raw) => (typeof raw === 'string' ? readText(raw) : raw === null ? readText('') : readJsonValue(raw));
}

/** JSON numbers are taken as they are; booleans are refused. */
function jsonValueReader(column: FeedColumn, parse: CellParser): (raw: number | boolean) => StoredValue | CellProblem {
  const notText = new CellProblem('forventede tekst eller et tal, fandt true/false');
  const notWhole = new CellProblem('er ikke et helt tal');
  const { type } = column;
  // the range of a text cell, with the store's limits (1e400 reads as Infinity)
  const inRange = type.kind === 'number' || type.kind === 'integer' ? numberCheck(type) : (n: number) => n;
  return (raw) => {
    if (typeof raw === 'boolean') return notText;
    if (type.kind !== 'number' && type.kind !== 'integer') return parse(String(raw));
    return type.kind === 'integer' && !Number.isInteger(raw) ? notWhole : inRange(raw);
  };
}

const displayValue = (raw: RawValue): string | null => (raw === null ? null : String(raw));
