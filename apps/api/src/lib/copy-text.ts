type CopyValue = string | number | boolean | null;

/** One line of PostgreSQL's COPY text format: tab-separated, \N for null, backslash escapes. */
export function copyRowText(values: readonly CopyValue[]): string {
  return `${copyFieldsText(values)}\n`;
}

/** The fields of a COPY text line without its newline, for a caller that appends more fields. */
export function copyFieldsText(values: readonly CopyValue[]): string {
  let out = '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? null;
    if (i > 0) out += '\t';
    if (value === null) out += '\\N';
    else if (typeof value === 'number') out += Number.isFinite(value) ? String(value) : '\\N';
    else if (typeof value === 'boolean') out += value ? 't' : 'f';
    else out += SPECIAL.test(value) ? escapeCopyText(value) : value;
  }
  return out;
}

const SPECIAL = /[\\\t\n\r]/;
const escapeCopyText = (text: string) =>
  text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
