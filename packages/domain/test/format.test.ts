import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatDate,
  formatDays,
  formatDkk,
  formatKpiValue,
  formatMonth,
  formatMonthLong,
  formatNumber,
  formatPct,
  MISSING,
  municipalityCount,
} from '../src/format.ts';
import type { KpiUnit } from '../src/kpis.ts';
import { parseDanishNumber } from '../src/parse.ts';
import { roundToDecimals } from '../src/stats.ts';

// Expected strings are what Node 20's ICU prints for da-DK.

describe('formatNumber', () => {
  it.each([
    [1234.5, 1, '1.234,5'],
    [-1234.5, 1, '-1.234,5'],
    [1234567, 0, '1.234.567'],
    [1234, 0, '1.234'], // Danish groups four-digit numbers too
    [999, 0, '999'],
    [5, 2, '5,00'],
    [0.5, 0, '1'], // half away from zero
    [-0.5, 0, '-1'],
    [1.005, 2, '1,01'], // rounded as written, not as the binary 1.00499…
    [-0.04, 1, '0,0'], // no "-0,0"
    [0, 1, '0,0'],
  ])('formatNumber(%d, %i) = %s', (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });

  it('prints – for a missing or non-finite value', () => {
    expect(formatNumber(null, 1)).toBe(MISSING);
    expect(formatNumber(Number.NaN, 1)).toBe('–');
    expect(formatNumber(Number.POSITIVE_INFINITY, 0)).toBe('–');
  });

  it('reads back through parseDanishNumber as the rounded value, with an ASCII minus', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 3 }), (value, decimals) => {
        const text = formatNumber(value, decimals);
        expect(text).not.toMatch(/\u2212|^-0(,0*)?$/);
        expect(parseDanishNumber(text)).toBe(roundToDecimals(value, decimals));
      }),
    );
  });
});

describe('municipalityCount', () => {
  it('says kommune for one and kommuner for any other count, with a thousands point', () => {
    expect(municipalityCount(1)).toBe('1 kommune');
    expect(municipalityCount(0)).toBe('0 kommuner');
    expect(municipalityCount(4)).toBe('4 kommuner');
    expect(municipalityCount(1098)).toBe('1.098 kommuner');
  });
});

describe('formatPct', () => {
  it('takes a value already in per cent and puts a plain space before %', () => {
    expect(formatPct(5.4, 1)).toBe('5,4 %');
    expect(formatPct(-12.34, 1)).toBe('-12,3 %');
    expect(formatPct(100, 0)).toBe('100 %');
    expect(formatPct(null, 1)).toBe('–');
  });
});

describe('formatDkk', () => {
  it.each([
    [2_345_000_000, '2.345 mio. kr.'],
    [-2_345_678_900, '-2.346 mio. kr.'], // 2.345,6789 mio. rounds up
    [100_000_000, '100 mio. kr.'],
    [99_960_000, '100 mio. kr.'], // 99,96 mio. shows as 100,0 at one decimal, so it is ≥ 100 mio.
    [99_940_000, '99,9 mio. kr.'],
    [12_345_678, '12,3 mio. kr.'],
    [-12_345_678, '-12,3 mio. kr.'],
    [1_000_000, '1,0 mio. kr.'],
    [999_999.6, '1,0 mio. kr.'], // rounds to 1.000.000 kr.
    [999_999.4, '999.999 kr.'],
    [123_456, '123.456 kr.'],
    [-0.4, '0 kr.'],
    [0, '0 kr.'],
  ])('formatDkk(%d) = %s', (value, expected) => {
    expect(formatDkk(value)).toBe(expected);
  });

  it('prints – for a missing value', () => {
    expect(formatDkk(null)).toBe('–');
  });
});

describe('formatDays', () => {
  it.each([
    [23, 0, '23 dage'],
    [1, 0, '1 dag'],
    [0.6, 0, '1 dag'], // printed as 1
    [-1, 0, '-1 dag'],
    [1, 1, '1,0 dage'],
    [12.34, 1, '12,3 dage'],
    [0, 0, '0 dage'],
  ])('formatDays(%d, %i) = %s', (value, decimals, expected) => {
    expect(formatDays(value, decimals)).toBe(expected);
  });

  it('prints – for a missing value', () => {
    expect(formatDays(null, 1)).toBe('–');
  });
});

describe('months and dates', () => {
  it.each([
    ['2016-01', 'jan. 2016', 'januar 2016'],
    ['2016-03', 'mar. 2016', 'marts 2016'],
    ['2016-05', 'maj 2016', 'maj 2016'], // a short name without a point
    ['2016-06', 'jun. 2016', 'juni 2016'],
    ['2016-09', 'sep. 2016', 'september 2016'],
    ['2016-12', 'dec. 2016', 'december 2016'],
  ])('%s is %s, long %s', (period, short, long) => {
    expect(formatMonth(period)).toBe(short);
    expect(formatMonthLong(period)).toBe(long);
  });

  it.each([
    ['2016-03-01', '1. mar. 2016'],
    ['2016-12-31', '31. dec. 2016'], // the last day stays in its month and year whatever the time zone
    ['2016-02-29', '29. feb. 2016'],
  ])('formatDate(%s) = %s', (date, expected) => {
    expect(formatDate(date)).toBe(expected);
  });

  it('prints – for a missing month or date and refuses malformed ones', () => {
    expect(formatMonth(null)).toBe('–');
    expect(formatMonthLong(null)).toBe('–');
    expect(formatDate(null)).toBe('–');
    expect(() => formatMonth('2016-13')).toThrow(RangeError);
    expect(() => formatDate('2015-02-29')).toThrow(RangeError);
  });
});

describe('formatKpiValue', () => {
  it.each([
    [5.44, { unit: 'pct', decimals: 1 }, '5,4 %'], // sick leave
    [23.25, { unit: 'days', decimals: 1 }, '23,3 dage'], // median case days, half away from zero
    [1234, { unit: 'count', decimals: 0 }, '1.234'], // backlog
    [-12_345_678, { unit: 'dkk', decimals: 0 }, '-12,3 mio. kr.'], // forecast deviation
    [3.96, { unit: 'score', decimals: 1 }, '4,0'], // wellbeing
    [null, { unit: 'pct', decimals: 1 }, '–'],
  ] as const)('formatKpiValue(%d, %o) = %s', (value, kpi, expected) => {
    expect(formatKpiValue(value, kpi)).toBe(expected);
  });
});

describe('formatChange', () => {
  const kpi = (unit: KpiUnit, decimals: number) => ({ unit, decimals });

  it.each([
    [0.4, kpi('pct', 1), '+0,4 pct.-point'], // the difference of two percentages
    [-0.4, kpi('pct', 1), '-0,4 pct.-point'],
    [0.04, kpi('pct', 1), '0,0 pct.-point'], // printed as zero: no sign
    [-0.04, kpi('pct', 1), '0,0 pct.-point'],
    [0, kpi('pct', 1), '0,0 pct.-point'],
    [1, kpi('days', 0), '+1 dag'],
    [-3, kpi('days', 0), '-3 dage'],
    [1_234_567, kpi('dkk', 0), '+1,2 mio. kr.'],
    [0.4, kpi('dkk', 0), '0 kr.'],
    [12, kpi('count', 0), '+12'],
    [0.25, kpi('score', 1), '+0,3'],
  ])('formatChange(%d, %o) = %s', (delta, definition, expected) => {
    expect(formatChange(delta, definition)).toBe(expected);
  });

  it('prints – for a missing change', () => {
    expect(formatChange(null, kpi('pct', 1))).toBe('–');
  });

  it('shows + exactly when the printed change is above zero', () => {
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), (delta) => {
        const text = formatChange(delta, kpi('pct', 1));
        expect(text.startsWith('+')).toBe(roundToDecimals(delta, 1) > 0);
        expect(text.startsWith('-')).toBe(roundToDecimals(delta, 1) < 0);
      }),
    );
  });
});
