import { parseStatbankCsv } from './parse-csv.ts';
import { parseJsonStat } from './parse-jsonstat.ts';
import { StatbankError, type StatbankTable } from './statbank-table.ts';

/**
 * Reads a StatBank extract as api.statbank.dk returns it: CSV, JSON-stat 1.x (DST's
 * format=jsonstat) or JSON-stat 2.0. The format is recognised from the content, not a file name.
 */
export function parseStatbank(input: Uint8Array | string): StatbankTable {
  const text = (typeof input === 'string' ? input : decode(input)).replace(/^\uFEFF/, '');
  if (!/^\s*[[{]/.test(text)) return parseStatbankCsv(text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StatbankError(`the file starts like JSON but is not valid JSON: ${(error as Error).message}`);
  }
  return parseJsonStat(json);
}

/** StatBank sends UTF-8; a file re-saved by a spreadsheet on Windows may be Windows-1252. */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
