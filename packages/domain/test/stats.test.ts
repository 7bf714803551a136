import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean, median, percentileInc, roundToDecimals } from '../src/stats.ts';

const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 });
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

describe('percentileInc', () => {
  it.each([
    // rank = p × (n − 1); value = sorted[floor] + fraction × (sorted[ceil] − sorted[floor])
    [[1, 2, 3, 4], 0.5, 2.5], // rank 1,5: 2 + 0,5 × (3 − 2)
    [[1, 2, 3, 4], 0.25, 1.75], // rank 0,75: 1 + 0,75 × (2 − 1)
    [[15, 20, 35, 40, 50], 0.4, 29], // rank 1,6: 20 + 0,6 × (35 − 20) (Excel's own example)
    [[40, 15, 50, 35, 20], 0.4, 29], // same values unsorted
    [[3, 1, 2], 0.5, 2], // rank 1: exactly the middle value
    [[10, 20, 30, 40, 50], 0.25, 20], // rank 1
    [[10, 20, 30, 40, 50], 0, 10],
    [[10, 20, 30, 40, 50], 1, 50],
    [[7], 0.9, 7],
    [[-5, 5], 0.5, 0],
  ])('percentileInc(%j, %d) = %d', (input, p, expected) => {
    expect(percentileInc(input, p)).toBe(expected);
  });

  it('P90 of 1..10 is 9,1', () => {
    // rank 0,9 × 9 = 8,1: 9 + 0,1 × (10 − 9)
    expect(percentileInc([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 12);
  });

  it('is null for no values', () => {
    expect(percentileInc([], 0.5)).toBeNull();
  });

  it('does not reorder its input', () => {
    const input = [40, 15, 50, 35, 20];
    percentileInc(input, 0.4);
    expect(input).toEqual([40, 15, 50, 35, 20]);
  });

  it.each([-0.1, 1.1, Number.NaN])('rejects p = %d', (p) => {
    expect(() => percentileInc([1, 2], p)).toThrow(RangeError);
  });

  it('rejects values that cannot be ordered', () => {
    expect(() => percentileInc([1, Number.NaN], 0.5)).toThrow(RangeError);
    expect(() => percentileInc([1, Number.POSITIVE_INFINITY], 0.5)).toThrow(RangeError);
  });

  it('lies between the smallest and largest value and rises with p', () => {
    fc.assert(
      fc.property(values, fraction, fraction, (xs, p, q) => {
        const [low, high] = p <= q ? [p, q] : [q, p];
        const atLow = percentileInc(xs, low) as number;
        const atHigh = percentileInc(xs, high) as number;
        expect(atLow).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(atHigh).toBeLessThanOrEqual(Math.max(...xs));
        expect(atLow).toBeLessThanOrEqual(atHigh + 1e-9);
      }),
    );
  });

  it('does not depend on the order of the values', () => {
    fc.assert(
      fc.property(values, fraction, (xs, p) => {
        expect(percentileInc([...xs].reverse(), p)).toBe(percentileInc(xs, p));
      }),
    );
  });
});

describe('median and mean', () => {
  it('median is the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([10, 1, 3, 2])).toBe(2.5); // sorted 1, 2, 3, 10: (2 + 3) / 2
    expect(median([])).toBeNull();
  });

  it('median agrees with the textbook definition', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 41 }), (xs) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const half = Math.floor(sorted.length / 2);
        const middle = sorted[half] as number;
        const expected = sorted.length % 2 === 1 ? middle : ((sorted[half - 1] as number) + middle) / 2;
        expect(median(xs)).toBeCloseTo(expected, 9);
      }),
    );
  });

  it('mean', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5); // 10 / 4
    expect(mean([-3, 3])).toBe(0);
    expect(mean([])).toBeNull();
  });
});

describe('roundToDecimals', () => {
  it.each([
    [1.005, 2, 1.01], // binary 1.00499999…, but written 1.005: rounds up like Intl does
    [2.5, 0, 3],
    [-2.5, 0, -3], // half away from zero, not towards +∞ as Math.round
    [5.04, 1, 5],
    [5.05, 1, 5.1],
    [1234.5678, 2, 1234.57],
    [0.000025, 5, 0.00003], // written 2.5e-5: exponent form in String()
    [-383492718622.06854, 4, -383492718622.0685], // ×10⁴ is beyond 2^51: scaling in binary would give …0686
    [0.5, 0, 1],
    [1e-7, 2, 0],
    [1e21, 1, 1e21],
    [12, 0, 12],
  ])('roundToDecimals(%d, %i) = %d', (value, decimals, expected) => {
    expect(roundToDecimals(value, decimals)).toBe(expected);
  });

  it('never gives -0', () => {
    expect(Object.is(roundToDecimals(-0.04, 1), 0)).toBe(true);
    expect(Object.is(roundToDecimals(-0, 0), 0)).toBe(true);
  });

  it('passes non-finite values through and rejects odd decimals', () => {
    expect(roundToDecimals(Number.NaN, 1)).toBeNaN();
    expect(() => roundToDecimals(1, -1)).toThrow(RangeError);
    expect(() => roundToDecimals(1, 1.5)).toThrow(RangeError);
  });

  it('gives the number Intl.NumberFormat prints', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (value, decimals) => {
        const printed = new Intl.NumberFormat('en-US', {
          minimumFractionDigits: decimals,
          maximumFractionDigits: decimals,
          useGrouping: false,
        }).format(value);
        expect(roundToDecimals(value, decimals)).toBe(Number(printed) || 0);
      }),
    );
  });

  it('rounds every written half-hundredth away from zero', () => {
    // k = 100, negative: '-1.005' → -(100 + 1) / 100 = -1,01
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99999 }), fc.boolean(), (k, negative) => {
        const sign = negative ? -1 : 1;
        const written = Number(`${negative ? '-' : ''}${Math.floor(k / 100)}.${String(k % 100).padStart(2, '0')}5`);
        expect(roundToDecimals(written, 2)).toBe((sign * (k + 1)) / 100);
      }),
    );
  });
});
