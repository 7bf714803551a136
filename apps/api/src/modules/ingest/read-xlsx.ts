import { Transform } from 'node:stream';
import type { FeedSpec } from '@lis/contracts';
import type ExcelJS from 'exceljs';
import { type RowError, readError, shortened } from './errors.ts';
import { normaliseName, type RawRecord, type RawValue, type RecordSource } from './read-records.ts';

const BATCH_ROWS = 2_000;

/**
 * The first worksheet of an XLSX file as records (economists keep feeds in Excel): the first row
 * is the header, line numbers are the sheet's row numbers. Read as a stream, row by row.
 * Numbers stay numbers; dates become 'YYYY-MM-DD' (or 'YYYY-MM' in month columns); text cells
 * are read like CSV cells.
 */
export async function openWorkbook(
  path: string,
  spec: FeedSpec,
  checkHeader: (header: string[], spec: FeedSpec) => RowError[],
): Promise<RecordSource | RowError[]> {
  const rows = sheetRows(path)[Symbol.asyncIterator]();
  let first: IteratorResult<{ line: number; cells: unknown[] }>;
  try {
    first = await rows.next();
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return [{ line: 1, column: null, value: null, message: `filen kan ikke læses: ${error.message.replace(/^line \d+: /, '')}` }];
  }
  const header = first.done ? [] : first.value.cells.map((cell) => normaliseName(String(cell ?? '')));
  const problems = checkHeader(header, spec);
  if (problems.length > 0) {
    await rows.return?.(undefined);
    return problems;
  }
  const positions = spec.columns.map((c) => header.indexOf(c.name));
  const months = spec.columns.map((c) => c.type.kind === 'month');
  async function* batches(): AsyncGenerator<RawRecord[]> {
    let batch: RawRecord[] = [];
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      const { line, cells } = next.value;
      if (cells.every((cell) => cell === null || cell === '')) continue;
      const values = positions.map((p, i) => toRaw(p === -1 ? null : (cells[p] ?? null), months[i] ?? false));
      batch.push({ line, values, shapeError: null });
      if (batch.length === BATCH_ROWS) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
  return { decimalComma: true, batches: batches() };
}

/**
 * What one XLSX file may make the reader hold. The archive is unpacked as it is read, so its
 * size on disk says little: a few kilobytes can unpack to gigabytes. Tests lower the limits.
 */
export const XLSX_LIMITS = {
  /** the shared strings, unpacked: every text of the workbook, all held in memory while the sheet is read */
  sharedStringsBytes: 64 * 1024 * 1024,
  /** the longest stretch of XML between two tags, i.e. one cell's text (Excel allows 32,767 characters) */
  runBytes: 256 * 1024,
};

/** A part of the archive beyond XLSX_LIMITS; its message is for the person who sent the file. */
class XlsxLimitError extends Error {}

async function* sheetRows(path: string): AsyncGenerator<{ line: number; cells: unknown[] }> {
  // loaded when a workbook comes: it takes 0.2 s to load, a fifth of `lis ingest`'s start for a CSV file
  const { default: excel } = await import('exceljs');
  // the styles tell a date cell from a number cell
  const reader = new excel.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  guardParts(reader as unknown as ReaderInternals);
  // exceljs names a sheet from xl/workbook.xml and fails ("reading 'sheets'") when the archive lists
  // the sheet before it, which zip tools may do (exceljs's own writer does, now and then): the
  // first sheet is wanted whatever its name, so an empty list of names will do until then
  (reader as unknown as ReaderInternals).model ??= { sheets: [] };
  let line = 0;
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        line = row.number;
        // row.values is 1-based: index 0 is empty
        yield { line, cells: (row.values as unknown[]).slice(1) };
      }
      return; // the first worksheet only
    }
  } catch (error) {
    // exceljs and its unzipper fail with plain Errors on a broken archive, a column beyond XFD, bad XML…
    const problem =
      error instanceof XlsxLimitError
        ? error.message
        : `ikke en gyldig XLSX-fil (${shortened(String((error as Error)?.message), 100)})`;
    throw readError(line + 1, problem);
  } finally {
    (reader as unknown as ReaderInternals).stream?.destroy();
  }
}

/** The parts of exceljs 4's streaming reader that the guards hook into (a test covers them). */
interface ReaderInternals {
  stream?: { destroy(): void };
  model?: { sheets?: unknown[] };
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(chunks: AsyncIterable<Buffer>, sheetNo: string): Generator<unknown>;
}

/** Makes the reader count what it unpacks, before the XML parser builds strings of it. */
function guardParts(reader: ReaderInternals): void {
  const parseSharedStrings = reader._parseSharedStrings.bind(reader);
  const parseWorksheet = reader._parseWorksheet.bind(reader);
  reader._parseSharedStrings = (entry) => {
    const check = xmlPartCheck('de delte tekster (sharedStrings.xml)', XLSX_LIMITS.sharedStringsBytes, XLSX_LIMITS.runBytes);
    const guarded = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        callback(check(chunk), chunk);
      },
    });
    return parseSharedStrings(entry.pipe(guarded));
  };
  reader._parseWorksheet = (chunks, sheetNo) => parseWorksheet(checkedChunks(chunks), sheetNo);
}

async function* checkedChunks(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const check = xmlPartCheck('regnearket', Number.POSITIVE_INFINITY, XLSX_LIMITS.runBytes);
  for await (const chunk of chunks) {
    const problem = check(chunk);
    if (problem) throw problem;
    yield chunk;
  }
}

const LESS_THAN = 0x3c;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const kb = (bytes: number) => `${Math.round(bytes / 1024)} kB`;

/**
 * A check of one XML part, chunk by chunk: its total size, and the longest stretch without a
 * '<' (a text or a tag), which the XML parser would otherwise collect into one string.
 */
export function xmlPartCheck(part: string, maxBytes: number, maxRun: number): (chunk: Buffer) => XlsxLimitError | null {
  const tooBig = new XlsxLimitError(`${part} fylder mere end ${mb(maxBytes)} udpakket`);
  const tooLong = new XlsxLimitError(`en celle eller et mærke i ${part} er længere end ${kb(maxRun)}`);
  let bytes = 0;
  let run = 0; // bytes since the last '<'
  return (chunk) => {
    bytes += chunk.length;
    if (bytes > maxBytes) return tooBig;
    if (chunk.length <= maxRun) {
      // the usual case (unpacked pieces are 16 kB): a stretch inside the chunk is short enough
      const first = chunk.indexOf(LESS_THAN);
      if (first === -1) run += chunk.length;
      else if (run + first > maxRun) return tooLong;
      else run = chunk.length - chunk.lastIndexOf(LESS_THAN) - 1;
      return run > maxRun ? tooLong : null;
    }
    let from = 0;
    for (let at = chunk.indexOf(LESS_THAN); at !== -1; at = chunk.indexOf(LESS_THAN, at + 1)) {
      if (run + at - from > maxRun) return tooLong;
      run = 0;
      from = at + 1;
    }
    run += chunk.length - from;
    return run > maxRun ? tooLong : null;
  };
}

function toRaw(cell: unknown, monthColumn: boolean): RawValue {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) return cell.toISOString().slice(0, monthColumn ? 7 : 10);
  if (typeof cell === 'number' || typeof cell === 'string' || typeof cell === 'boolean') return cell;
  const rich = cell as { result?: unknown; text?: unknown; richText?: { text: string }[] };
  if (rich.richText) return rich.richText.map((r) => r.text).join('');
  if (rich.result !== undefined) return toRaw(rich.result, monthColumn); // a formula: its value
  if (typeof rich.text === 'string') return rich.text;
  return String(cell);
}
