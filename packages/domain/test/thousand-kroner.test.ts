import { describe, expect, it } from 'vitest';
import { formatThousandKroner, MISSING } from '../src/format.ts';

describe('amounts in a table column of 1.000 kr.', () => {
  it('writes every amount in whole thousands, large or small, so a column has one unit', () => {
    expect(formatThousandKroner(14_123_456)).toBe('14.123');
    expect(formatThousandKroner(-514_000)).toMatch(/^[-−]514$/);
    expect(formatThousandKroner(951_000)).toBe('951');
    expect(formatThousandKroner(null)).toBe(MISSING);
  });
});
