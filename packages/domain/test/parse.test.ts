import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDanishDate, parseDanishNumber, parseMonth, parseYear } from '../src/parse.ts';

describe('parseDanishNumber', () => {
  it.each([
    ['1234.5', 1234.5],
    ['1234,5', 1234.5],
    ['1.234,5', 1234.5],
    ['-1.234,5', -1234.5],
    ['1.234.567,89', 1234567.89],
    ['1.234', 1234],
    ['0.10', 0.1],
    ['12.5', 12.5],
    ['1 234,5', 1234.5],
    ['1\u00a0234,5', 1234.5],
    ['1.234,50-', -1234.5],
    ['\u22125,5', -5.5],
    ['+7', 7],
    [' 42 ', 42],
    [',5', 0.5],
  ])('reads %s with a decimal comma as %d', (text, expected) => {
    expect(parseDanishNumber(text, true)).toBe(expected);
  });

  it.each([
    ['1,234.5', 1234.5],
    ['1234.5', 1234.5],
    ['1234,5', 1234.5],
    ['1,234', 1234],
  ])('reads %s in a comma-separated file as %d', (text, expected) => {
    expect(parseDanishNumber(text, false)).toBe(expected);
  });

  it.each(['', 'abc', '1.23.4', '1,2,3', '12.34,5', '1e5', '--1', '1..2', 'NaN'])('rejects %j', (text) => {
    expect(parseDanishNumber(text, true)).toBeNull();
  });

  it('reads back every number written in Danish notation', () => {
    const danish = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2, useGrouping: true });
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const value = whole + (Math.sign(whole || 1) * cents) / 100;
        const text = danish.format(value).replace('\u2212', '-');
        expect(parseDanishNumber(text, true)).toBeCloseTo(value, 2);
      }),
    );
  });
});

describe('dates and months', () => {
  it.each([
    ['2016-03-01', '2016-03-01'],
    ['01-03-2016', '2016-03-01'],
    ['1.3.2016', '2016-03-01'],
    ['29.02.2016', '2016-02-29'],
  ])('reads %s as %s', (text, expected) => expect(parseDanishDate(text)).toBe(expected));

  it.each(['29.02.2015', '2016-13-01', '32-01-2016', '2016/03/01', '01-03.2016', '', '0000-01-01', '01.01.0000'])(
    'rejects %j',
    (text) => expect(parseDanishDate(text)).toBeNull(),
  );

  it('keeps four digits in the year of an early date', () => {
    expect(parseDanishDate('05.03.0099')).toBe('0099-03-05');
  });

  it('reads months in ISO and DST style', () => {
    expect(parseMonth('2016-03')).toBe('2016-03');
    expect(parseMonth('2016M03')).toBe('2016-03');
    expect(parseMonth('2016m3')).toBe('2016-03');
    expect(parseMonth('2016-13')).toBeNull();
    expect(parseMonth('03-2016')).toBeNull();
    expect(parseMonth('0000-01')).toBeNull(); // there is no year 0 (PostgreSQL refuses it)
    expect(parseMonth('0000M01')).toBeNull();
    expect(parseMonth('0001-01')).toBe('0001-01');
  });

  it('reads years', () => {
    expect(parseYear('2017')).toBe(2017);
    expect(parseYear('17')).toBeNull();
  });
});
