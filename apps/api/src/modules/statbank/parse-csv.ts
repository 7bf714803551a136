import { parse } from 'csv-parse/sync';
import {
  parseStatbankValue,
  type StatbankCell,
  StatbankError,
  type StatbankObservation,
  type StatbankTable,
  withoutSingleContents,
} from './statbank-table.ts';

const VALUE_COLUMN = 'INDHOLD';
// StatBank codes are upper-case letters and digits (`849`, `TOT`, `2016K1`, `100OV`, `3.22.01` as
// the start of a function label); labels nearly always contain lower-case letters.
const CODE_TOKEN = /^[0-9A-ZÆØÅ][0-9A-ZÆØÅ._-]*$/;
const CODE_AND_VALUE = /^(\S+) +(\S.*)$/;

interface CsvRecord {
  line: number;
  cells: string[];
}

/** StatBank's CSV: header of variable codes plus `INDHOLD`, `;`-separated, CRLF or LF. */
export function parseStatbankCsv(text: string): StatbankTable {
  const [header, ...rows] = readRecords(text);
  if (!header) throw new StatbankError('the CSV file is empty');
  const names = header.cells.map((cell) => cell.trim().toUpperCase());
  const valueAt = names.indexOf(VALUE_COLUMN);
  if (valueAt === -1) {
    throw new StatbankError(`line 1: no ${VALUE_COLUMN} column, so this is no StatBank extract (header: ${names.join(';')})`);
  }
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate !== undefined) throw new StatbankError(`line 1: the column ${duplicate} appears twice`);

  for (const row of rows) {
    if (row.cells.length !== names.length) {
      throw new StatbankError(`line ${row.line}: expected ${names.length} cells as in the header, found ${row.cells.length}`);
    }
  }
  const variables = names.filter((_, i) => i !== valueAt);
  const columns = names.map((name, i) => (i === valueAt ? [] : readColumn(name, i, rows)));
  const observations = rows.map((row, r): StatbankObservation => {
    const dims: Record<string, StatbankCell> = {};
    names.forEach((name, i) => {
      const cell = columns[i]?.[r];
      if (cell) dims[name] = cell;
    });
    return { dims, value: readValue(row, valueAt) };
  });
  return withoutSingleContents({ format: 'csv', variables, observations });
}

function readRecords(text: string): CsvRecord[] {
  let parsed: { record: string[]; raw: string }[];
  try {
    // With `raw` each record comes as { record, raw }; csv-parse's types do not express that.
    parsed = parse(text, {
      delimiter: ';',
      record_delimiter: ['\r\n', '\n'],
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      raw: true,
    }) as unknown as {
      record: string[];
      raw: string;
    }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new StatbankError(`${line ? `line ${line}: ` : ''}unreadable CSV: ${(error as Error).message}`);
  }
  // Lines are counted from each record's raw text: a quoted label may hold a line break.
  const records: CsvRecord[] = [];
  let line = 1;
  for (const { record, raw } of parsed) {
    const start = line;
    line += 1 + (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
    if (record.every((cell) => cell.trim() === '')) continue;
    records.push({ line: start, cells: record });
  }
  return records;
}

function readValue(row: CsvRecord, at: number): number | null {
  const text = row.cells[at] ?? '';
  const value = parseStatbankValue(text);
  if (value === undefined) throw new StatbankError(`line ${row.line}: ${VALUE_COLUMN} "${text}" is not a number`);
  return value;
}

/**
 * The cells of one variable. The presentation is decided per column, since a file does not say
 * which valuePresentation it was requested with: all codes → Code; all `<code> <label>` →
 * CodeAndValue; otherwise Default (labels only).
 */
function readColumn(name: string, at: number, rows: CsvRecord[]): StatbankCell[] {
  const texts = rows.map((row) => {
    const text = (row.cells[at] ?? '').trim();
    if (text === '') throw new StatbankError(`line ${row.line}: the ${name} cell is empty`);
    return text;
  });
  if (texts.every((text) => CODE_TOKEN.test(text))) return texts.map((code) => ({ code, label: null }));
  const split = texts.map((text) => CODE_AND_VALUE.exec(text));
  if (split.every((m) => m !== null && CODE_TOKEN.test(m[1] ?? ''))) {
    return split.map((m) => ({ code: m?.[1] ?? null, label: m?.[2] ?? null }));
  }
  return texts.map((label) => ({ code: null, label }));
}
