import { lineTooLong, MAX_LINE_CHARS } from './errors.ts';
import type { RawRecord } from './read-records.ts';

/**
 * Records of a CSV file without a single quote character, where every line is one record: split
 * by hand, which is several times faster than a general CSV parser. It reads exactly as csv-parse
 * does with the options of read-records.ts: records end at LF or CRLF, cells are trimmed like
 * String.prototype.trim, the header (line 1) is skipped, and so are rows of only empty cells.
 *
 * Yields the complete lines of each piece of text as one batch, read lazily: a record is made
 * when the caller takes it, so it dies young instead of waiting in an array for the whole batch.
 */
export async function* plainCsvRecords(
  text: AsyncIterable<string> | Iterable<string>,
  separator: string,
  width: number,
  positions: readonly number[],
): AsyncGenerator<Iterable<RawRecord>> {
  const shape = shapeOf(separator, width, positions);
  // The start of an unfinished line, kept in pieces: joining it to every new piece and searching
  // the whole again made a long line cost quadratic time (a 10 MB line took seconds).
  let carry: string[] = [];
  let carryLength = 0;
  let nextLine = 1;
  for await (const piece of text) {
    const end = piece.lastIndexOf('\n') + 1;
    if (end === 0) {
      carry.push(piece);
      carryLength += piece.length;
      if (carryLength > MAX_LINE_CHARS) throw lineTooLong(nextLine);
      continue;
    }
    const lines = carry.length > 0 ? carry.join('') + piece.slice(0, end) : piece.slice(0, end);
    carry = end < piece.length ? [piece.slice(end)] : [];
    carryLength = piece.length - end;
    const firstLine = nextLine;
    nextLine += countNewlines(lines);
    yield linesToRecords(lines, firstLine, shape);
  }
  if (carry.length > 0) yield linesToRecords(carry.join(''), nextLine, shape);
}

interface Shape {
  separator: string;
  width: number;
  /** how many values a record has (the feed's columns) */
  columns: number;
  /** for each cell of the header, the value it fills, or -1 when the feed does not read it */
  slotOfCell: Int32Array;
}

function shapeOf(separator: string, width: number, positions: readonly number[]): Shape {
  const slotOfCell = new Int32Array(width).fill(-1);
  positions.forEach((cell, slot) => {
    if (cell >= 0 && cell < width) slotOfCell[cell] = slot;
  });
  return { separator, width, columns: positions.length, slotOfCell };
}

function* linesToRecords(text: string, firstLine: number, shape: Shape): Generator<RawRecord> {
  let line = firstLine;
  for (let start = 0; start < text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (end - start > MAX_LINE_CHARS) throw lineTooLong(line);
    const record = line === 1 ? null : toRecord(text.slice(start, end), line, shape);
    if (record) yield record;
    start = end + 1;
  }
}

/**
 * The record of a line. Cells are cut out of it one by one, and only those the feed reads (or,
 * while the row looks blank, the others too): no array of all its cells is made.
 */
function toRecord(text: string, line: number, shape: Shape): RawRecord | null {
  const { separator, width, slotOfCell } = shape;
  const values = new Array<string | null>(shape.columns);
  for (let i = 0; i < values.length; i++) values[i] = null;
  let cells = 0;
  let blank = true;
  for (let from = 0; ; cells++) {
    const found = text.indexOf(separator, from);
    const to = found === -1 ? text.length : found;
    const slot = cells < width ? (slotOfCell[cells] as number) : -1;
    if (slot !== -1 || blank) {
      // No need to strip the CR of a CRLF: trimming removes it, as csv-parse's record delimiter does.
      const cell = trimmedText(text.slice(from, to));
      if (cell !== '') blank = false;
      if (slot !== -1) values[slot] = cell;
    }
    if (found === -1) break;
    from = to + 1;
  }
  if (blank) return null; // empty lines and ";;;;" rows from spreadsheets
  cells++;
  const shapeError = cells === width ? null : `forventede ${width} celler som i overskriften, fandt ${cells}`;
  return { line, values, shapeError };
}

/**
 * `text.trim()`, without the call for the usual cell that starts and ends with a visible ASCII
 * character (String.prototype.trim also removes Unicode spaces, so anything else goes to it).
 */
export function trimmedText(text: string): string {
  if (text.length === 0) return text;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f ? text : text.trim();
}

export function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
