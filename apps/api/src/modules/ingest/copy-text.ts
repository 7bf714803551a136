import type { StoredValue } from './validate-row.ts';

/** One line of PostgreSQL's COPY text format: tab-separated, \N for null, backslash escapes. */
export function copyLine(values: readonly StoredValue[], line: number): string {
  let out = '';
  for (const value of values)
    out += `${value === null ? '\\N' : typeof value === 'number' ? String(value) : escapeCopyText(value)}\t`;
  return `${out}${line}\n`;
}

const SPECIAL = /[\\\t\n\r]/;
const escapeCopyText = (text: string) =>
  SPECIAL.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : text;
