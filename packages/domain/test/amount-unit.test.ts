import { describe, expect, it } from 'vitest';
import { amountUnitFor, formatAmountIn } from '../src/index.ts';

describe('one unit per economy table', () => {
  it('writes a table in 1.000 kr. when its largest amount is under 10 mio. kr., else in mio. kr.', () => {
    expect(amountUnitFor([9_999_999, -3_000, null])).toBe('thousand');
    expect(amountUnitFor([-10_000_000, 3_000])).toBe('mio');
    expect(amountUnitFor([])).toBe('thousand');
  });

  it('prints the amount without its unit: one decimal in mio. kr., whole thousands in 1.000 kr.', () => {
    expect(formatAmountIn(2_327_394_000, 'mio')).toBe('2.327,4');
    expect(formatAmountIn(-495_000, 'mio')).toBe('-0,5');
    expect(formatAmountIn(-495_000, 'thousand')).toBe('-495');
    expect(formatAmountIn(null, 'mio')).toBe('–');
  });
});
