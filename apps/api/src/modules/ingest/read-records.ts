import { createReadStream } from 'node:fs';
import { type Readable, Transform } from 'node:stream';
import type { FeedSpec } from '@lis/contracts';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { lineTooLong, MAX_LINE_CHARS, type RowError, readError } from './errors.ts';
import { countNewlines, plainCsvRecords } from './plain-csv.ts';
import { readJsonObjects } from './read-json.ts';
import { openWorkbook } from './read-xlsx.ts';
import { type BytePlace, detectSeparator, type FileFacts } from './sniff.ts';

export type RawValue = string | number | boolean | null;

/** A row of the file with its cells in the order of the feed's columns (missing optional columns are null). */
export interface RawRecord {
  line: number;
  values: RawValue[];
  /** a problem with the row's shape (wrong number of cells, not an object) */
  shapeError: string | null;
}

export interface RecordSource {
  /** true when a comma in a number is the decimal mark (';'-separated files, JSON strings) */
  decimalComma: boolean;
  /** the records in file order, many at a time (one await per record would cost more than reading it) */
  batches: AsyncIterable<Iterable<RawRecord>>;
}

/** Column names are compared case-insensitively, surrounding spaces ignored. */
export const normaliseName = (name: string) => name.trim().toLowerCase();

/** Opens a sniffed file as records; header problems are returned as errors and nothing is read. */
export async function openRecords(path: string, facts: FileFacts, spec: FeedSpec): Promise<RecordSource | RowError[]> {
  if (facts.format === 'xlsx') return openWorkbook(path, spec, checkHeader);
  if (facts.mixedEncoding) return [mixedEncodingError(facts.mixedEncoding)];
  const text = decodedStream(path, facts);
  if (facts.format === 'json') {
    return { decimalComma: true, batches: inBatches(jsonRecords(text, spec)) };
  }
  const separator = detectSeparator(facts.firstLine);
  const header = splitHeader(facts.firstLine, separator);
  const problems = checkHeader(header, spec);
  if (problems.length > 0) {
    text.destroy();
    return problems;
  }
  const positions = spec.columns.map((c) => header.indexOf(c.name));
  const batches = facts.hasQuotes
    ? inBatches(csvRecords(text, separator, header.length, positions))
    : plainCsvRecords(text, separator, header.length, positions);
  return { decimalComma: separator === ';', batches };
}

// Pieces small enough that their text stays in V8's young generation and dies there; a piece of
// 1 MB became a string in the large-object space, freed only by full collections (+40 MB RSS).
const READ_BYTES = 64 * 1024;

function decodedStream(path: string, facts: FileFacts): Readable {
  if (facts.encoding === 'utf-8') return createReadStream(path, { encoding: 'utf8', highWaterMark: READ_BYTES });
  return createReadStream(path, { highWaterMark: READ_BYTES }).pipe(
    new Transform({
      encoding: 'utf8', // pieces come out as strings, as from iconv-lite's stream
      transform: (bytes: Buffer, _encoding, done) => done(null, decodeWindows1252(bytes)),
    }),
  );
}

// Windows-1252 is Latin-1 except for 0x80–0x9F (€, ‚, typographic quotes …), taken from iconv-lite.
const WINDOWS_1252_C1 = Array.from({ length: 0x20 }, (_, i) => iconv.decode(Buffer.from([0x80 + i]), 'win1252'));
const LATIN1_C1 = /[\u0080-\u009f]/;
const ALL_LATIN1_C1 = /[\u0080-\u009f]/g;

/**
 * Windows-1252 text as iconv-lite decodes it. Read as Latin-1, a piece becomes a one-byte string,
 * where iconv-lite made a two-byte one: twice the work for every later search, slice and write
 * (0.3 s per million economy rows, measured). The few characters of 0x80–0x9F are then put right.
 */
export function decodeWindows1252(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  return LATIN1_C1.test(text) ? text.replace(ALL_LATIN1_C1, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] as string) : text;
}

function mixedEncodingError({ line, byteInLine, byte }: BytePlace): RowError {
  const hex = byte.toString(16).toUpperCase().padStart(2, '0');
  return {
    line,
    column: null,
    value: null,
    message: `filen blander tegnsæt: den er UTF-8, men byte ${byteInLine} i linjen (0x${hex}) er ikke UTF-8 (måske Windows-1252); gem hele filen som UTF-8`,
  };
}

function splitHeader(line: string, separator: string): string[] {
  return line
    .replace(/^\uFEFF/, '')
    .split(separator)
    .map((cell) => normaliseName(cell.replace(/^\s*"(.*)"\s*$/, '$1')));
}

function checkHeader(header: string[], spec: FeedSpec): RowError[] {
  const errors: RowError[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (name !== '' && seen.has(name))
      errors.push({ line: 1, column: name, value: name, message: 'kolonnen står to gange i overskriften' });
    seen.add(name);
  }
  for (const column of spec.columns) {
    if (column.required && !seen.has(column.name)) {
      errors.push({
        line: 1,
        column: column.name,
        value: null,
        message: `den påkrævede kolonne "${column.name}" mangler (overskriften har: ${header.filter(Boolean).join(', ') || 'intet'})`,
      });
    }
  }
  return errors;
}

async function* csvRecords(text: Readable, separator: string, width: number, positions: number[]): AsyncGenerator<RawRecord> {
  const parser = text.pipe(
    parse({
      delimiter: separator,
      record_delimiter: ['\r\n', '\n'],
      bom: true,
      relax_column_count: true,
      trim: true,
      raw: true,
      max_record_size: MAX_LINE_CHARS,
    }),
  );
  // csv-parse miscounts lines around quoted CRLFs, so lines are counted here from each record's raw text.
  let line = 1;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const start = line;
      line += 1 + countNewlines(raw.replace(/[\r\n]$/, ''));
      if (start === 1) continue; // the header, read before
      if (record.every((cell) => cell === '')) continue; // empty lines and ";;;;" rows from spreadsheets
      const shapeError = record.length === width ? null : `forventede ${width} celler som i overskriften, fandt ${record.length}`;
      yield { line: start, values: positions.map((p) => (p === -1 ? null : (record[p] ?? null))), shapeError };
    }
  } catch (error) {
    throw csvReadError(error, line);
  }
}

/** csv-parse's error, for the record that starts at `line`, in the words of the other read errors. */
function csvReadError(error: unknown, line: number): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('CSV_')) return error;
  if (code === 'CSV_MAX_RECORD_SIZE') return lineTooLong(line);
  if (code === 'CSV_QUOTE_NOT_CLOSED')
    return readError(line, 'et anførselstegn (") åbner en celle, men den lukkes aldrig (filen slutter inde i cellen)');
  if (code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE')
    return readError(line, 'tegn efter et afsluttende anførselstegn ("); skriv "" for et anførselstegn inde i en celle');
  return readError(line, `ikke gyldig CSV (${code})`);
}

const BATCH_RECORDS = 10_000;

/** Groups records; the records before a read error still reach the caller, then the error. */
async function* inBatches(records: AsyncIterable<RawRecord>): AsyncGenerator<RawRecord[]> {
  let batch: RawRecord[] = [];
  try {
    for await (const record of records) {
      batch.push(record);
      if (batch.length === BATCH_RECORDS) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    if (batch.length > 0) yield batch;
    throw error;
  }
  if (batch.length > 0) yield batch;
}

async function* jsonRecords(text: AsyncIterable<string | Buffer>, spec: FeedSpec): AsyncGenerator<RawRecord> {
  for await (const item of readJsonObjects(text)) {
    if (item.object === null) {
      yield { line: item.line, values: spec.columns.map(() => null), shapeError: item.error };
      continue;
    }
    const byName = new Map(Object.entries(item.object).map(([k, v]) => [normaliseName(k), v]));
    const values = spec.columns.map((c) => byName.get(c.name) ?? null);
    const nested = spec.columns.findIndex((_, i) => typeof values[i] === 'object' && values[i] !== null);
    const shapeError =
      nested === -1
        ? null
        : `feltet "${spec.columns[nested]?.name}" er ${Array.isArray(values[nested]) ? 'en liste' : 'et objekt'}; forventede tekst eller et tal`;
    yield { line: item.line, values: shapeError ? spec.columns.map(() => null) : (values as RawValue[]), shapeError };
  }
}
