import { describe, expect, it } from 'vitest';
import { buildDeviationOption, deviationPoints } from '../src/features/budget/charts/deviation';
import { followUpMonths } from './economy-fixtures';

type Series = { id: string; type: string; data: (number | null | { value: number; itemStyle: { color: string } })[] };

describe('the deviation over the year', () => {
  // the fixture: 100 mio. kr. phased and 102 mio. kr. spent each month; a forecast of 1.220 mio. kr.
  // stands from BO1 in March; the corrected budget is 1.200 mio. kr.
  const months = followUpMonths();
  const input = { months, period: '2016-06', correctedBudget: 1_200_000_000 };

  it('is cumulative actual − cumulative phased budget per month up to the month, + = merforbrug', () => {
    const points = deviationPoints(input);
    // by hand: month m has 102·m − 100·m = 2·m mio. kr.
    expect(points.slice(0, 6).map((p) => p.toDate)).toEqual([2, 4, 6, 8, 10, 12].map((m) => m * 1_000_000));
    expect(points.slice(6).every((p) => p.toDate === null && p.forecast === null)).toBe(true);
  });

  it('gives the forecast’s deviation (forecast − corrected budget) in the month it was made only', () => {
    const points = deviationPoints(input);
    // 1.220 − 1.200 = 20 mio. kr. in March; April–June the same forecast stands, no new point
    expect(points.map((p) => p.forecast)).toEqual([null, null, 20_000_000, null, null, null, null, null, null, null, null, null]);
    const revised = months.map((m) => (m.period >= '2016-06' ? { ...m, forecast: 1_190_000_000 } : m));
    // BO2 in June: 1.190 − 1.200 = −10 mio. kr. (mindreforbrug)
    expect(deviationPoints({ ...input, months: revised })[5]?.forecast).toBe(-10_000_000);
  });

  it('draws the deviation to date as bars, red over and green under, and the forecasts as points', () => {
    const option = buildDeviationOption(input);
    const series = option.series as Series[];
    const bars = series.find((s) => s.id === 'to-date');
    expect(bars?.data[0]).toEqual({ value: 2_000_000, itemStyle: { color: '#b3261e' } });
    expect(bars?.data[6]).toBeNull();
    const under = buildDeviationOption({
      ...input,
      months: months.map((m) => ({ ...m, cumulativeActual: m.cumulativeActual - 50_000_000 })),
    });
    expect((under.series as Series[])[0]?.data[0]).toEqual({ value: -48_000_000, itemStyle: { color: '#2e7d32' } });
    expect(series.find((s) => s.id === 'forecast')?.data[2]).toBe(20_000_000);
    expect(option.aria).toMatchObject({ label: { description: expect.stringContaining('marts 2016 20,0 mio. kr.') } });
  });
});
