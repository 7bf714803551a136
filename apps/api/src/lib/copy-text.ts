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

/**
 * COPY lines collected as UTF-8 bytes, written field by field straight into the buffer: no string
 * of the line is made, so a million rows leave little for the garbage collector (kept until a
 * whole batch was sent, line strings survived collections and were copied in each: 1.0 s of GC
 * per million rows, measured), and ASCII text is copied a character at a time without the cost
 * of a Buffer.write call per line.
 */
export class CopyBytes {
  private bytes: Buffer;
  private length = 0;

  constructor(private readonly initialBytes = 1 << 20) {
    this.bytes = Buffer.allocUnsafe(initialBytes);
  }

  get size(): number {
    return this.length;
  }

  /** The fields of a row, tab-separated, as copyFieldsText makes them (no newline). */
  addFields(values: readonly CopyValue[]): void {
    for (let i = 0; i < values.length; i++) {
      if (i > 0) this.addByte(TAB);
      this.addValue(values[i] ?? null);
    }
  }

  /** Text that is COPY text already, such as a prefix made by copyFieldsText or a line's newline. */
  addRaw(text: string): void {
    this.room(text.length * 3);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) {
        this.length += bytes.write(text, this.length);
        return;
      }
      bytes[at++] = code;
    }
    this.length = at;
  }

  addByte(byte: number): void {
    this.room(1);
    this.bytes[this.length++] = byte;
  }

  private addValue(value: CopyValue): void {
    if (value === null) this.addRaw('\\N');
    else if (typeof value === 'number') this.addNumber(value);
    else if (typeof value === 'boolean')
      this.addByte(value ? 0x74 : 0x66); // t, f
    else this.addText(value);
  }

  /** A number as String() writes it; a short decimal such as an amount in øre without making the string. */
  addNumber(n: number): void {
    const decimals = Number.isFinite(n) ? shortDecimal(n) : -1;
    if (decimals !== -1) this.addShortDecimal(n, decimals);
    else this.addRaw(Number.isFinite(n) ? String(n) : '\\N');
  }

  /** `n` written with `decimals` decimals, the digits right to left, at least one before the point. */
  private addShortDecimal(n: number, decimals: number): void {
    this.room(MAX_SHORT_DIGITS + 3); // sign, leading zero, decimal point
    const bytes = this.bytes;
    const digits = Math.round(Math.abs(n) * (POWERS_OF_TEN[decimals] as number));
    if (n < 0 && digits !== 0) bytes[this.length++] = MINUS; // String(-0) is '0'
    // In two parts of at most 8 digits, so that the arithmetic is on small integers.
    const high = Math.floor(digits / LOW_PART);
    let part = (digits - high * LOW_PART) | 0;
    const count = high > 0 ? LOW_DIGITS + digitCount(high) : digitCount(part);
    const width = Math.max(count, decimals + 1) + (decimals > 0 ? 1 : 0);
    let at = this.length + width;
    for (let place = 0, inPart = 0; at > this.length; place++) {
      if (decimals > 0 && place === decimals) {
        bytes[--at] = POINT;
        continue;
      }
      if (inPart++ === LOW_DIGITS) part = high | 0;
      const rest = (part / 10) | 0;
      bytes[--at] = ZERO + part - rest * 10;
      part = rest;
    }
    this.length += width;
  }

  /** A text field, escaped; a text with a character beyond ASCII goes through the UTF-8 encoder. */
  private addText(text: string): void {
    // An escape takes 2 bytes, a UTF-16 code unit at most 3 in UTF-8.
    this.room(text.length * 3);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x20 && code < 0x7f && code !== BACKSLASH) {
        bytes[at++] = code; // the usual character, tested first
        continue;
      }
      if (code >= 0x80) {
        this.length += bytes.write(SPECIAL.test(text) ? escapeCopyText(text) : text, this.length);
        return;
      }
      const letter = ESCAPE[code] as number;
      if (letter !== 0) {
        bytes[at++] = BACKSLASH;
        bytes[at++] = letter;
      } else bytes[at++] = code;
    }
    this.length = at;
  }

  /** Makes room for `bytes` more bytes. */
  private room(bytes: number): void {
    if (this.length + bytes <= this.bytes.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + bytes));
    this.bytes.copy(larger, 0, 0, this.length);
    this.bytes = larger;
  }

  /** The bytes added so far; later lines go to a new buffer, as the COPY may still hold this one. */
  take(): Buffer {
    const taken = this.bytes.subarray(0, this.length);
    this.bytes = Buffer.allocUnsafe(this.initialBytes);
    this.length = 0;
    return taken;
  }
}

const TAB = 0x09;
const BACKSLASH = 0x5c;
/** For an ASCII code, the letter that follows a backslash in its escape (as escapeCopyText writes it), or 0. */
const ESCAPE = new Uint8Array(0x80);
ESCAPE[BACKSLASH] = BACKSLASH;
ESCAPE[TAB] = 0x74; // t
ESCAPE[0x0a] = 0x6e; // LF: n
ESCAPE[0x0d] = 0x72; // CR: r

const MINUS = 0x2d;
const POINT = 0x2e;
const ZERO = 0x30;

// Up to 15 significant digits, one decimal number rounds to a double and no other does (DBL_DIG),
// so such a number's digits are what String() writes: the shortest text that reads back as it.
const MAX_SHORT_DIGITS = 15;
const MAX_SHORT_DECIMALS = 6; // from 10^-7 on String() writes an exponent
const SHORT_LIMIT = 10 ** MAX_SHORT_DIGITS;
const POWERS_OF_TEN = Array.from({ length: MAX_SHORT_DECIMALS + 1 }, (_, k) => 10 ** k);

/**
 * The fewest decimals (0 to 6) of a decimal number with at most 15 digits that is exactly `n` as a
 * double, or -1 when there is none. Dividing its digits, an integer, by a power of ten rounds
 * once, to the double nearest the decimal number: where that is `n`, the decimal number is `n`'s.
 */
function shortDecimal(n: number): number {
  const size = Math.abs(n);
  for (let k = 0; k <= MAX_SHORT_DECIMALS; k++) {
    const power = POWERS_OF_TEN[k] as number;
    const digits = Math.round(size * power);
    if (digits >= SHORT_LIMIT) return -1;
    if (digits / power === size) return k;
  }
  return -1;
}

const LOW_DIGITS = 8;
const LOW_PART = 10 ** LOW_DIGITS;

/** The digits of an integer below 10^8. */
function digitCount(integer: number): number {
  let count = 1;
  for (let bound = 10; integer >= bound && count < LOW_DIGITS; bound *= 10) count++;
  return count;
}
