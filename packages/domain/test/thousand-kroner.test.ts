import { describe, expect, it } from 'vitest';
import { formatChange, formatKpiValue, formatThousandKroner, MISSING, withAmountsInMillions } from '../src/format.ts';

describe('amounts in a table column of 1.000 kr.', () => {
  it('writes every amount in whole thousands, large or small, so a column has one unit', () => {
    expect(formatThousandKroner(14_123_456)).toBe('14.123');
    expect(formatThousandKroner(-514_000)).toMatch(/^[-−]514$/);
    expect(formatThousandKroner(951_000)).toBe('951');
    expect(formatThousandKroner(null)).toBe(MISSING);
  });
});

describe('amounts of one tile in mio. kr.', () => {
  const amount = { unit: 'dkk', decimals: 0 } as const;
  it('writes small and large amounts alike in millions with one decimal', () => {
    expect(formatKpiValue(-514_000, { ...amount, amountsInMillions: true })).toMatch(/^[-−]0,5 mio\. kr\.$/);
    expect(formatKpiValue(14_123_456, { ...amount, amountsInMillions: true })).toBe('14,1 mio. kr.');
    expect(formatChange(951_000, { ...amount, amountsInMillions: true })).toBe('+1,0 mio. kr.');
    // without the flag, as before: kroner below a million
    expect(formatKpiValue(-514_000, amount)).toMatch(/^[-−]514\.000 kr\.$/);
  });
});

describe('a KPI page or tile with every amount in mio. kr.', () => {
  it('marks amounts only, and leaves other units as they are', () => {
    const amount = withAmountsInMillions({ unit: 'dkk', decimals: 0 } as const);
    expect(formatKpiValue(951_000, amount)).toBe('1,0 mio. kr.');
    expect(formatKpiValue(4_100_000, amount)).toBe('4,1 mio. kr.');
    const percent = { unit: 'pct', decimals: 1 } as const;
    expect(withAmountsInMillions(percent)).toBe(percent);
  });
});
