import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export type FileFormat = 'csv' | 'json';
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

/**
 * One pass over the bytes: the hash (to recognise a file already loaded), whether they are valid
 * UTF-8 (otherwise Windows-1252, as Danish systems often export), whether any is a quote, and the
 * first line.
 */
export async function sniffFile(path: string): Promise<FileFacts> {
  const hash = createHash('sha256');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let validUtf8 = true;
  let bytes = 0;
  let hasQuotes = false;
  let head = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    hasQuotes ||= chunk.includes(QUOTE);
    if (head.length < FIRST_LINE_LIMIT) head = Buffer.concat([head, chunk.subarray(0, FIRST_LINE_LIMIT - head.length)]);
    if (validUtf8) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        validUtf8 = false;
      }
    }
  }
  if (validUtf8) {
    try {
      utf8.decode();
    } catch {
      validUtf8 = false;
    }
  }
  const hasBom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const encoding: TextEncoding = validUtf8 ? 'utf-8' : 'windows-1252';
  const text = new TextDecoder(encoding).decode(head.subarray(hasBom ? 3 : 0));
  const trimmed = text.trimStart();
  const newline = text.search(/\r?\n/);
  return {
    sha256: hash.digest('hex'),
    bytes,
    format: trimmed.startsWith('[') ? 'json' : 'csv',
    encoding,
    hasBom,
    hasQuotes,
    firstLine: newline === -1 ? text : text.slice(0, newline),
  };
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
