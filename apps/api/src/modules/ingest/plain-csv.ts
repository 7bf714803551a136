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
  const shape = { separator, width, positions };
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
  positions: readonly number[];
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

function toRecord(text: string, line: number, { separator, width, positions }: Shape): RawRecord | null {
  const cells = text.split(separator);
  // No need to strip the CR of a CRLF: trimming removes it, as csv-parse's record delimiter does.
  if (isBlank(cells)) return null;
  const values = new Array<string | null>(positions.length);
  for (let i = 0; i < positions.length; i++) {
    const cell = cells[positions[i] as number];
    values[i] = cell === undefined ? null : cell.trim();
  }
  const shapeError = cells.length === width ? null : `forventede ${width} celler som i overskriften, fandt ${cells.length}`;
  return { line, values, shapeError };
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

export function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
