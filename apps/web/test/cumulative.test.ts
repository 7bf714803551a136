import { describe, expect, it } from 'vitest';
import { buildCumulativeOption } from '../src/features/budget/charts/cumulative';
import { followUpMonths } from './economy-fixtures';

type Line = { id: string; name: string; data: (number | null)[]; markLine?: { data: { yAxis: number }[] } };

describe('buildCumulativeOption', () => {
  const months = followUpMonths();
  const option = buildCumulativeOption({
    months,
    period: '2016-06',
    forecast: 1_220_000_000,
    forecastMadeIn: '2016-03',
    correctedBudget: 1_200_000_000,
  });
  const series = option.series as Line[];
  const byId = (id: string) => series.find((s) => s.id === id) as Line;

  it('draws cumulative actuals up to the month and nothing after it', () => {
    const actual = byId('actual').data;
    expect(actual.slice(0, 6)).toEqual([102, 204, 306, 408, 510, 612].map((m) => m * 1_000_000));
    expect(actual.slice(6).every((value) => value === null)).toBe(true);
  });

  it('draws the cumulative phased budget for the whole year, with the corrected budget as the line to land on', () => {
    expect(byId('budget').data).toEqual(months.map((m) => m.cumulativePhasedBudget));
    expect(byId('budget').markLine?.data).toEqual([{ yAxis: 1_200_000_000 }]);
  });

  it('draws the forecast from the latest actual to the expected result in December, named with its BO', () => {
    const forecast = byId('forecast');
    expect(forecast.data[5]).toBe(612_000_000);
    expect(forecast.data[11]).toBe(1_220_000_000);
    expect(forecast.data.filter((value) => value !== null)).toHaveLength(2);
    expect(forecast.name).toBe('Forventet regnskab (BO mar. 2016)');
  });

  it('draws no forecast line before the first forecast', () => {
    const early = buildCumulativeOption({ months, period: '2016-02', forecast: null, forecastMadeIn: null, correctedBudget: 1 });
    expect((early.series as Line[]).find((s) => s.id === 'forecast')?.data.every((value) => value === null)).toBe(true);
  });

  it('labels months in Danish and describes the state in words', () => {
    const xAxis = option.xAxis as { axisLabel: { formatter: (period: string) => string } };
    expect(xAxis.axisLabel.formatter('2016-05')).toBe('maj');
    const description = (option.aria as { label: { description: string } }).label.description;
    expect(description).toContain('juni 2016');
    expect(description).toContain('forbrug 612 mio. kr. mod periodiseret budget 600 mio. kr.');
    expect(description).toContain('forventet regnskab 1.220 mio. kr.');
  });

  it('draws last year’s cumulative actuals for the whole year, to read this year against', () => {
    // the fixture: 99 mio. kr. a month last year
    expect(byId('last-year').data).toEqual(months.map((_, i) => 99_000_000 * (i + 1)));
    expect(option.legend).toMatchObject({ data: expect.arrayContaining(['Forbrug sidste år, akkumuleret']) });
  });
});
