import type { FeedSpec } from '@lis/contracts';
import ExcelJS from 'exceljs';
import type { RowError } from './errors.ts';
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
  const first = await rows.next();
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

async function* sheetRows(path: string): AsyncGenerator<{ line: number; cells: unknown[] }> {
  // the styles tell a date cell from a number cell
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      // row.values is 1-based: index 0 is empty
      yield { line: row.number, cells: (row.values as unknown[]).slice(1) };
    }
    return; // the first worksheet only
  }
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
