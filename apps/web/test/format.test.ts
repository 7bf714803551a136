import { getKpi } from '@lis/domain';
import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatCount,
  formatDkk,
  formatKpiValue,
  formatMonth,
  formatNumber,
  formatPct,
  formatTarget,
  formatTimestampDate,
  samePeriodLastYear,
} from '../src/lib/format';

describe('Danish formatting as the tiles use it', () => {
  it('writes numbers with a decimal comma and thousands dots', () => {
    expect(formatNumber(1234.5, 1)).toBe('1.234,5');
    expect(formatCount(2188)).toBe('2.188');
  });

  it('writes percentages with a space and a plain minus', () => {
    expect(formatPct(-12.3, 1)).toBe('-12,3 %');
    expect(formatKpiValue(5.4, getKpi('sick_leave_pct'))).toBe('5,4 %');
  });

  it('writes amounts in millions and days with the unit', () => {
    expect(formatDkk(1_234_000_000)).toBe('1.234 mio. kr.');
    expect(formatKpiValue(14_129_000, getKpi('budget_forecast_deviation'))).toBe('14,1 mio. kr.');
    expect(formatKpiValue(23, { unit: 'days', decimals: 0 })).toBe('23 dage');
  });

  it('writes months short, as on the tiles', () => {
    expect(formatMonth('2016-03')).toBe('mar. 2016');
  });

  it('signs a change and says percentage points for percentages', () => {
    expect(formatChange(0.4, getKpi('sick_leave_pct'))).toBe('+0,4 pct.-point');
    expect(formatChange(-6, getKpi('case_median_days'))).toBe('-6,0 dage');
  });

  it('says which side of the target is good', () => {
    expect(formatTarget(4.5, getKpi('sick_leave_pct'))).toBe('højst 4,5 %');
    expect(formatTarget(90, getKpi('case_within_deadline_pct'))).toBe('mindst 90,0 %');
    expect(formatTarget(null, getKpi('sick_leave_pct'))).toBe('–');
  });

  it('writes the load time as a Danish date', () => {
    expect(formatTimestampDate('2016-03-15T12:00:00.000Z')).toBe('15. mar. 2016');
    expect(formatTimestampDate(null)).toBe('–');
  });

  it('names the year to date a year before, which a year-to-date figure is compared with', () => {
    expect(samePeriodLastYear('2016-03')).toBe('jan.–mar. 2015');
    expect(samePeriodLastYear('2016-01')).toBe('jan. 2015');
    expect(samePeriodLastYear('2017-12')).toBe('jan.–dec. 2016');
  });
});
