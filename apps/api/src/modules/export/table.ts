import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** A table as exported: typed columns so numbers stay numbers in XLSX and get a decimal comma in CSV. */
export interface ExportColumn {
  header: string;
  kind: 'text' | 'number';
  /** for numbers */
  decimals?: number;
}

export type ExportCell = string | number | null;

export interface ExportTable {
  title: string;
  columns: ExportColumn[];
  /** an array, or a generator that makes each row as it is written (no second copy of a long table) */
  rows: Iterable<ExportCell[]>;
}

/** Text that a spreadsheet would run as a formula (= + - @, or a tab/CR trick) is prefixed with '. */
function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const danish = (decimals: number) =>
  new Intl.NumberFormat('da-DK', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false });

/** Lines per chunk written: few enough to keep memory flat, many enough to keep writes cheap. */
const LINES_PER_CHUNK = 500;

/** CSV as Danish spreadsheets read it: UTF-8 with BOM, ';', decimal comma, CRLF; written as it is made. */
export function csvStream(table: ExportTable): Readable {
  return Readable.from(csvChunks(table), { objectMode: false });
}

function* csvChunks(table: ExportTable): Generator<string> {
  const formats = table.columns.map((c) => danish(c.decimals ?? 2));
  const quote = (text: string) => (/[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const line = (cells: string[]) => `${cells.map(quote).join(';')}\r\n`;
  const cellText = (cell: ExportCell, i: number) => {
    if (cell === null) return '';
    if (typeof cell === 'number') return (formats[i] as Intl.NumberFormat).format(cell).replace('\u2212', '-');
    return neutraliseFormula(cell);
  };
  yield `\ufeff${line(table.columns.map((c) => neutraliseFormula(c.header)))}`;
  let chunk = '';
  let lines = 0;
  for (const row of table.rows) {
    chunk += line(row.map(cellText));
    if (++lines === LINES_PER_CHUNK) {
      yield chunk;
      chunk = '';
      lines = 0;
    }
  }
  if (chunk) yield chunk;
}

/**
 * XLSX with numeric cells and number formats (Excel shows them with the reader's Danish separators),
 * written by exceljs's streaming writer: each row goes to the zip when it is committed.
 */
export function xlsxStream(tables: readonly ExportTable[]): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'LIS';
  writeSheets(workbook, tables).catch((error: unknown) => out.destroy(error as Error));
  return out;
}

async function writeSheets(workbook: ExcelJS.stream.xlsx.WorkbookWriter, tables: readonly ExportTable[]) {
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.title.slice(0, 31).replace(/[[\]:*?/\\]/g, ' '));
    sheet.columns = table.columns.map((c) => ({
      header: neutraliseFormula(c.header),
      width: Math.max(12, c.header.length + 2),
      style: c.kind === 'number' ? { numFmt: (c.decimals ?? 2) > 0 ? `#,##0.${'0'.repeat(c.decimals ?? 2)}` : '#,##0' } : {},
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
    let written = 0;
    for (const row of table.rows) {
      sheet.addRow(row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell))).commit();
      // let the zip drain now and then, so a long sheet is not held in memory as a whole
      if (++written % LINES_PER_CHUNK === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    sheet.commit();
  }
  await workbook.commit();
}
