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
  rows: ExportCell[][];
}

/** Text that a spreadsheet would run as a formula (= + - @, or a tab/CR trick) is prefixed with '. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const danish = (decimals: number) =>
  new Intl.NumberFormat('da-DK', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false });

/** CSV as Danish spreadsheets read it: UTF-8 with BOM, ';', decimal comma, CRLF. */
export function toCsv(table: ExportTable): Buffer {
  const formats = table.columns.map((c) => danish(c.decimals ?? 2));
  const quote = (text: string) => (/[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const line = (cells: string[]) => cells.map(quote).join(';');
  const body = [
    line(table.columns.map((c) => neutraliseFormula(c.header))),
    ...table.rows.map((row) =>
      line(
        row.map((cell, i) => {
          if (cell === null) return '';
          if (typeof cell === 'number') return (formats[i] as Intl.NumberFormat).format(cell).replace('\u2212', '-');
          return neutraliseFormula(cell);
        }),
      ),
    ),
  ].join('\r\n');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${body}\r\n`, 'utf8')]);
}

/** XLSX with numeric cells and number formats (Excel shows them with the reader's Danish separators). */
export async function toXlsx(tables: readonly ExportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'LIS';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.title.slice(0, 31).replace(/[[\]:*?/\\]/g, ' '));
    sheet.columns = table.columns.map((c) => ({
      header: neutraliseFormula(c.header),
      width: Math.max(12, c.header.length + 2),
      style: c.kind === 'number' ? { numFmt: (c.decimals ?? 2) > 0 ? `#,##0.${'0'.repeat(c.decimals ?? 2)}` : '#,##0' } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
