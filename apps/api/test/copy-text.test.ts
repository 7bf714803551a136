import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CopyBytes, copyFieldsText } from '../src/lib/copy-text.ts';

type Value = string | number | boolean | null;

/** The bytes CopyBytes makes of one row's fields, in hex. */
function fieldsBytes(values: readonly Value[]): string {
  const bytes = new CopyBytes(16);
  bytes.addFields(values);
  return bytes.take().toString('hex');
}

/** copyFieldsText's line as UTF-8 (a lone surrogate becomes U+FFFD, as Buffer.write made it), in hex. */
const textBytes = (values: readonly Value[]) => Buffer.from(copyFieldsText(values)).toString('hex');

describe('CopyBytes', () => {
  it('writes the fields as copyFieldsText does: escapes, null, booleans, text beyond ASCII', () => {
    const rows: Value[][] = [
      ['a\\b', 'tab\there', 'line\nbreak', 'cr\rx', null, true, false, '', 'Ærø\\\t', 'x\u2028y', '\ud800z', '😀'],
      [0, -0, 1, -1, 0.1, 1234.5, -1747394.21, 1e-7, 0.000001, 1e21, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY],
    ];
    for (const row of rows) expect(fieldsBytes(row)).toBe(textBytes(row));
  });

  it('writes every number as String() does', () => {
    const amount = fc
      .tuple(fc.integer({ min: -(10 ** 15) + 1, max: 10 ** 15 - 1 }), fc.integer({ min: 0, max: 8 }))
      .map(([digits, decimals]) => digits / 10 ** decimals);
    fc.assert(
      fc.property(fc.oneof(amount, fc.double(), fc.integer(), fc.double({ min: -1e-3, max: 1e-3 })), (n) => {
        expect(fieldsBytes([n])).toBe(textBytes([n]));
      }),
      { numRuns: 20_000 },
    );
  });

  it('grows its buffer for a long text', () => {
    const long = 'Å\\'.repeat(10_000);
    const bytes = new CopyBytes(8);
    bytes.addFields([long, 5]);
    bytes.addNumber(123);
    expect(bytes.take().toString('utf8')).toBe(`${copyFieldsText([long, 5])}123`);
  });
});
