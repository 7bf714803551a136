import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysBetween,
  isPeriod,
  monthEnd,
  monthStart,
  periodMonthNumber,
  periodOfDate,
  periodRange,
  periodYear,
  previousMonth,
  rolling12,
  sameMonthLastYear,
  yearStart,
  ytdPeriods,
} from '../src/period.ts';

const period = fc
  .record({ year: fc.integer({ min: 1900, max: 2200 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`);

describe('isPeriod', () => {
  it.each(['2016-03', '2016-01', '2016-12', '0001-01'])('accepts %s', (text) => {
    expect(isPeriod(text)).toBe(true);
  });

  it.each(['2016-3', '2016-13', '2016-00', '16-03', '2016-03-01', '2016M03', ' 2016-03', 201603, null, undefined])(
    'rejects %j',
    (value) => {
      expect(isPeriod(value)).toBe(false);
    },
  );
});

describe('month arithmetic', () => {
  it.each([
    ['2016-03', 0, '2016-03'],
    ['2016-11', 3, '2017-02'], // Nov + 3 = Feb of the next year
    ['2016-01', -1, '2015-12'],
    ['2016-03', -15, '2014-12'], // 12 back = 2015-03, 3 more = 2014-12
    ['2016-12', 1, '2017-01'],
    ['2016-06', 120, '2026-06'], // 10 years
  ])('addMonths(%s, %i) = %s', (start, months, expected) => {
    expect(addMonths(start, months)).toBe(expected);
  });

  it('names the months around a period', () => {
    expect(previousMonth('2016-01')).toBe('2015-12');
    expect(previousMonth('2016-03')).toBe('2016-02');
    expect(sameMonthLastYear('2016-02')).toBe('2015-02');
    expect(yearStart('2016-07')).toBe('2016-01');
    expect(periodYear('2016-03')).toBe(2016);
    expect(periodMonthNumber('2016-03')).toBe(3);
    expect(periodMonthNumber('2016-12')).toBe(12);
  });

  it('lists a range with both ends included, across a year end', () => {
    expect(periodRange('2015-11', '2016-02')).toEqual(['2015-11', '2015-12', '2016-01', '2016-02']);
    expect(periodRange('2016-05', '2016-05')).toEqual(['2016-05']);
    expect(periodRange('2016-02', '2016-01')).toEqual([]);
  });

  it('gives year to date from January', () => {
    expect(ytdPeriods('2016-03')).toEqual(['2016-01', '2016-02', '2016-03']);
    expect(ytdPeriods('2016-01')).toEqual(['2016-01']);
    expect(ytdPeriods('2016-12')).toHaveLength(12);
  });

  it('gives the rolling 12 months ending with the period', () => {
    // 2016-03 − 11 months = 2015-04
    expect(rolling12('2016-03')).toEqual([
      '2015-04',
      '2015-05',
      '2015-06',
      '2015-07',
      '2015-08',
      '2015-09',
      '2015-10',
      '2015-11',
      '2015-12',
      '2016-01',
      '2016-02',
      '2016-03',
    ]);
    expect(rolling12('2016-12')).toEqual(periodRange('2016-01', '2016-12'));
  });

  it('addMonths is undone by the opposite shift', () => {
    fc.assert(
      fc.property(period, fc.integer({ min: -2000, max: 2000 }), (p, n) => {
        expect(addMonths(addMonths(p, n), -n)).toBe(p);
      }),
    );
  });

  it('a range of n steps holds n + 1 months, each one after the other', () => {
    fc.assert(
      fc.property(period, fc.integer({ min: 0, max: 60 }), (from, n) => {
        const range = periodRange(from, addMonths(from, n));
        expect(range).toHaveLength(n + 1);
        for (const [i, p] of range.slice(1).entries()) expect(previousMonth(p)).toBe(range[i]);
      }),
    );
  });

  it('rolling 12 and year to date end with the period; periods sort as text in time order', () => {
    fc.assert(
      fc.property(period, (p) => {
        expect(rolling12(p)).toHaveLength(12);
        expect(rolling12(p).at(-1)).toBe(p);
        expect(ytdPeriods(p)).toHaveLength(periodMonthNumber(p));
        expect(ytdPeriods(p).at(-1)).toBe(p);
        expect(previousMonth(p) < p).toBe(true);
      }),
    );
  });
});

describe('month start and end', () => {
  it.each([
    ['2016-02', '2016-02-29'], // 2016 is divisible by 4: leap year
    ['2015-02', '2015-02-28'],
    ['2000-02', '2000-02-29'], // divisible by 400: leap
    ['2100-02', '2100-02-28'], // divisible by 100 but not 400: not leap
    ['2016-04', '2016-04-30'],
    ['2016-12', '2016-12-31'],
    ['2016-01', '2016-01-31'],
  ])('monthEnd(%s) = %s', (p, expected) => {
    expect(monthEnd(p)).toBe(expected);
  });

  it('monthStart is the first day', () => {
    expect(monthStart('2016-03')).toBe('2016-03-01');
  });

  it('the day after the month end is the next month start', () => {
    fc.assert(
      fc.property(period, (p) => {
        expect(daysBetween(monthEnd(p), monthStart(addMonths(p, 1)))).toBe(1);
        expect(periodOfDate(monthEnd(p))).toBe(p);
        expect(periodOfDate(monthStart(p))).toBe(p);
      }),
    );
  });
});

describe('dates', () => {
  it('finds the period of a date', () => {
    expect(periodOfDate('2016-03-15')).toBe('2016-03');
    expect(periodOfDate('2016-02-29')).toBe('2016-02');
  });

  it.each([
    ['2016-03-01', '2016-03-31', 30],
    ['2016-03-01', '2016-03-01', 0],
    ['2016-03-31', '2016-03-01', -30],
    ['2016-02-28', '2016-03-01', 2], // 2016-02-29 lies between
    ['2015-02-28', '2015-03-01', 1],
    ['2015-12-31', '2016-01-01', 1],
    ['2016-03-26', '2016-03-28', 2], // over the Danish switch to summer time (27 March): still whole days
    ['2016-01-01', '2017-01-01', 366],
    ['2015-01-01', '2016-01-01', 365],
    ['2000-01-01', '2100-01-01', 36525], // 100 × 365 + 25 leap days (2000, 2004, …, 2096)
  ])('daysBetween(%s, %s) = %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it('agrees with Date.UTC for any two dates', () => {
    const dayMs = 86_400_000;
    const day = fc.integer({ min: Date.UTC(1900, 0, 1) / dayMs, max: Date.UTC(2200, 11, 31) / dayMs });
    const iso = (n: number) => new Date(n * dayMs).toISOString().slice(0, 10);
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(daysBetween(iso(a), iso(b))).toBe(b - a);
      }),
    );
  });
});

describe('malformed input is a programming error', () => {
  it.each([
    () => addMonths('2016-13', 1),
    () => addMonths('2016-01', 0.5),
    () => addMonths('9999-12', 1),
    () => addMonths('0000-01', -1),
    () => periodRange('2016-1', '2016-03'),
    () => monthStart('2016'),
    () => monthEnd('2016-00'),
    () => periodOfDate('2016-02-30'),
    () => periodOfDate('2015-02-29'), // 2015 is not a leap year
    () => daysBetween('2016-03-01', '2016-3-2'),
    () => daysBetween('2016-04-31', '2016-05-01'),
  ])('throws (%#)', (call) => {
    expect(call).toThrow(RangeError);
  });
});
