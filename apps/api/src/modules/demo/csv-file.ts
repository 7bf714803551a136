import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import iconv from 'iconv-lite';

/** How a source system writes its export. */
export interface CsvFormat {
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252';
  lineEnding: '\n' | '\r\n';
}

const SEPARATOR = ';';
const CHUNK_CHARS = 256 * 1024;

/**
 * Writes a `;`-separated file with a header row from rows produced lazily, in chunks, waiting
 * for the stream to drain so memory stays flat however large the feed. Returns the number of
 * data rows. Windows-1252 output is checked: a character the code page cannot hold would
 * otherwise silently become '?'.
 */
export async function writeCsv(
  path: string,
  header: readonly string[],
  rows: Iterable<readonly string[]>,
  format: CsvFormat,
): Promise<number> {
  const stream = createWriteStream(path);
  const write = async (text: string) => {
    if (!stream.write(encode(text, format, path))) await once(stream, 'drain');
  };
  let chunk = (format.encoding === 'utf-8-bom' ? '\uFEFF' : '') + line(header, format);
  let count = 0;
  for (const row of rows) {
    chunk += line(row, format);
    count++;
    if (chunk.length >= CHUNK_CHARS) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  stream.end();
  await finished(stream);
  return count;
}

function line(cells: readonly string[], format: CsvFormat): string {
  return cells.map(quote).join(SEPARATOR) + format.lineEnding;
}

/** RFC 4180 quoting, only where a cell needs it */
function quote(cell: string): string {
  return /[;"\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function encode(text: string, format: CsvFormat, path: string): Buffer {
  if (format.encoding !== 'windows-1252') return Buffer.from(text, 'utf8');
  const bytes = iconv.encode(text, 'win1252');
  if (iconv.decode(bytes, 'win1252') !== text) throw new Error(`${path}: a character cannot be written in Windows-1252`);
  return bytes;
}
