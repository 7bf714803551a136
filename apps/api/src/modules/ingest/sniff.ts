import { isAscii, isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

type FileFormat = 'csv' | 'json' | 'xlsx';
type TextEncoding = 'utf-8' | 'windows-1252';

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
  /** a text file that is UTF-8 but for some bytes: where the first of them is (it is refused) */
  mixedEncoding: BytePlace | null;
}

/** A byte of a file: its line (1 = the first), its place in the line (1 = the first byte), its value. */
export interface BytePlace {
  line: number;
  byteInLine: number;
  byte: number;
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
  // an XLSX file is a zip archive: PK\x03\x04
  const format = head.subarray(0, 4).equals(ZIP_MAGIC) ? 'xlsx' : trimmed.startsWith('[') ? 'json' : 'csv';
  return {
    sha256: hash.digest('hex'),
    bytes,
    format,
    encoding,
    hasBom,
    hasQuotes,
    firstLine: newline === -1 ? text : text.slice(0, newline),
    mixedEncoding: format === 'xlsx' ? null : utf8.mixed(),
  };
}

/**
 * Whether bytes read piece by piece are valid UTF-8, without decoding them (decoding made a
 * string of every read): a character cut by the end of a piece is checked with the next one.
 * Also whether they are mixed: valid UTF-8 characters of more than one byte (æ ø å) and bytes
 * that are not UTF-8 (Windows-1252's æ ø å are single bytes that UTF-8 does not allow alone).
 * Reading such a file as either encoding garbles part of it ("Ã¦rÃ¸" or "�").
 */
function utf8Validator() {
  let firstInvalid: BytePlace | null = null;
  let sawMultibyte = false;
  let cut = Buffer.alloc(0);
  let line = 1;
  let lineStart = 0; // offset of the current line's first byte, in the whole file
  let offset = 0; // offset of `bytes[0]` in the whole file

  /** Walks bytes one character at a time up to the first invalid one, then looks for UTF-8 characters only. */
  function scan(bytes: Buffer, end: number): void {
    let i = 0;
    while (i < end && !firstInvalid) {
      const byte = bytes[i] as number;
      if (byte < 0x80) {
        if (byte === NEWLINE) {
          line++;
          lineStart = offset + i + 1;
        }
        i++;
        continue;
      }
      const length = utf8Length(bytes, i);
      if (length > 1) sawMultibyte = true;
      else firstInvalid = { line, byteInLine: offset + i - lineStart + 1, byte };
      i += length;
    }
    if (i < end && !sawMultibyte) sawMultibyte = hasUtf8Character(bytes.subarray(i, end));
  }

  return {
    add(piece: Buffer): void {
      if (firstInvalid && sawMultibyte) return;
      const bytes = cut.length > 0 ? Buffer.concat([cut, piece]) : piece;
      const whole = bytes.length - incompleteTail(bytes);
      const part = bytes.subarray(0, whole);
      if (!firstInvalid && isUtf8(part)) {
        sawMultibyte ||= !isAscii(part);
        for (let i = part.indexOf(NEWLINE); i !== -1; i = part.indexOf(NEWLINE, i + 1)) {
          line++;
          lineStart = offset + i + 1;
        }
      } else scan(part, whole);
      offset += whole;
      cut = Buffer.from(bytes.subarray(whole));
    },
    valid: () => !firstInvalid && cut.length === 0,
    mixed: (): BytePlace | null => (sawMultibyte ? (firstInvalid ?? mixedAtEnd()) : null),
  };

  // a UTF-8 character cut off by the end of the file
  function mixedAtEnd(): BytePlace | null {
    return cut.length > 0 ? { line, byteInLine: offset - lineStart + 1, byte: cut[0] as number } : null;
  }
}

const NEWLINE = 0x0a;
/** Whether the bytes hold a valid UTF-8 character of more than one byte (a tight loop: ~2 ms per MB). */
function hasUtf8Character(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    // a lead byte, then a continuation byte: the start of every such character
    if (byte >= 0xc2 && byte <= 0xf4 && isContinuation(bytes[i + 1]) && utf8Length(bytes, i) > 1) return true;
  }
  return false;
}
const isContinuation = (byte: number | undefined) => byte !== undefined && (byte & 0xc0) === 0x80;

/** The length of the valid UTF-8 character that starts at `i`, or 1 when the byte there starts none. */
function utf8Length(bytes: Buffer, i: number): number {
  const lead = bytes[i] as number;
  const second = bytes[i + 1];
  if (lead >= 0xc2 && lead <= 0xdf) return isContinuation(second) ? 2 : 1;
  // the second byte's range excludes overlong forms and UTF-16 surrogates (as isUtf8 does)
  const secondOk =
    second !== undefined &&
    (lead === 0xe0
      ? second >= 0xa0 && second <= 0xbf
      : lead === 0xed
        ? second >= 0x80 && second <= 0x9f
        : lead === 0xf0
          ? second >= 0x90 && second <= 0xbf
          : lead === 0xf4
            ? second >= 0x80 && second <= 0x8f
            : isContinuation(second));
  if (lead >= 0xe0 && lead <= 0xef) return secondOk && isContinuation(bytes[i + 2]) ? 3 : 1;
  if (lead >= 0xf0 && lead <= 0xf4) return secondOk && isContinuation(bytes[i + 2]) && isContinuation(bytes[i + 3]) ? 4 : 1;
  return 1;
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
