import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

export type FileFormat = 'csv' | 'json' | 'xlsx';
export type TextEncoding = 'utf-8' | 'windows-1252';

export interface FileFacts {
  sha256: string;
  bytes: number;
  format: FileFormat;
  encoding: TextEncoding;
  hasBom: boolean;
  /** whether a '"' occurs anywhere (the same byte in UTF-8 and Windows-1252): without one, lines are records */
  hasQuotes: boolean;
  /** the first line (decoded), for separator detection and the header check */
  firstLine: string;
}

const FIRST_LINE_LIMIT = 64 * 1024;
const QUOTE = 0x22;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const READ_BYTES = 1 << 20;

/**
 * One pass over the bytes: the hash (to recognise a file already loaded), whether they are valid
 * UTF-8 (otherwise Windows-1252, as Danish systems often export), whether any is a quote, and the
 * first line.
 */
export async function sniffFile(path: string): Promise<FileFacts> {
  const hash = createHash('sha256');
  const utf8 = utf8Validator();
  let bytes = 0;
  let hasQuotes = false;
  let head = Buffer.alloc(0);
  // One buffer for the whole file: a new one per read would leave tens of MB to the collector.
  const chunk = Buffer.allocUnsafe(READ_BYTES);
  const file = await open(path, 'r');
  try {
    for (let read = await file.read(chunk, 0, READ_BYTES); read.bytesRead > 0; read = await file.read(chunk, 0, READ_BYTES)) {
      const piece = chunk.subarray(0, read.bytesRead);
      hash.update(piece);
      bytes += piece.length;
      hasQuotes ||= piece.includes(QUOTE);
      if (head.length < FIRST_LINE_LIMIT) head = Buffer.concat([head, piece.subarray(0, FIRST_LINE_LIMIT - head.length)]);
      utf8.add(piece);
    }
  } finally {
    await file.close();
  }
  const hasBom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const encoding: TextEncoding = utf8.valid() ? 'utf-8' : 'windows-1252';
  const text = new TextDecoder(encoding).decode(head.subarray(hasBom ? 3 : 0));
  const trimmed = text.trimStart();
  const newline = text.search(/\r?\n/);
  return {
    sha256: hash.digest('hex'),
    bytes,
    // an XLSX file is a zip archive: PK\x03\x04
    format: head.subarray(0, 4).equals(ZIP_MAGIC) ? 'xlsx' : trimmed.startsWith('[') ? 'json' : 'csv',
    encoding,
    hasBom,
    hasQuotes,
    firstLine: newline === -1 ? text : text.slice(0, newline),
  };
}

/**
 * Whether bytes read piece by piece are valid UTF-8, without decoding them (decoding made a
 * string of every read): a character cut by the end of a piece is checked with the next one.
 */
function utf8Validator() {
  let valid = true;
  let cut = Buffer.alloc(0);
  return {
    add(piece: Buffer): void {
      if (!valid) return;
      const bytes = cut.length > 0 ? Buffer.concat([cut, piece]) : piece;
      const whole = bytes.length - incompleteTail(bytes);
      valid = isUtf8(bytes.subarray(0, whole));
      cut = Buffer.from(bytes.subarray(whole));
    },
    valid: () => valid && cut.length === 0,
  };
}

/** How many bytes at the end begin a multi-byte character that the bytes do not complete. */
function incompleteTail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead byte
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/** ';' or ',' — whichever splits the header line into more columns (outside quotes). */
export function detectSeparator(headerLine: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ';') semicolons++;
    else if (!quoted && char === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
}
