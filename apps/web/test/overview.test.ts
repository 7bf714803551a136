import type { Indicator } from '@lis/contracts';
import { describe, expect, it } from 'vitest';
import { groupByTheme, isSilent } from '../src/features/overview/lib/group-by-theme';
import { monthOptions } from '../src/lib/months';

const indicator = (kpiId: string): Indicator => ({
  kpiId,
  value: 1,
  unit: 'pct',
  status: 'green',
  target: null,
  tolerance: null,
  targetOrgId: null,
  previous: null,
  sameMonthLastYear: null,
  ytd: null,
  ytdLastYear: null,
  n: null,
  asOf: null,
  batchId: null,
  dataPeriod: null,
  suppressedReason: null,
  series: [],
});

describe('groupByTheme', () => {
  it("puts tiles under the strategy's themes in the strategy's order and skips unknown KPIs", () => {
    const groups = groupByTheme(['sick_leave_pct', 'promises_kept_pct', 'budget_consumption_pct', 'no_such_kpi'].map(indicator));
    expect(groups.map((g) => g.name)).toEqual(['Økonomi', 'Arbejdspladsen', 'Vi holder hvad vi lover']);
    expect(groups[1]?.items.map((i) => i.kpi.name)).toEqual(['Sygefravær']);
  });
});

describe('isSilent', () => {
  const noData = { ...indicator('case_backlog'), value: null, status: 'no_data' as const };
  const months = (...values: (number | null)[]) =>
    values.map((value, i) => ({ period: `2016-${String(i + 1).padStart(2, '0')}`, value }));

  it('lists a KPI without a figure this month or in the year before', () => {
    expect(isSilent({ ...noData, series: months(null, null, null) })).toBe(true);
    expect(isSilent({ ...noData, series: [] })).toBe(true);
  });

  it('keeps the tile of a KPI that had figures earlier in the year, or is only hidden', () => {
    expect(isSilent({ ...noData, series: months(12, null, null) })).toBe(false); // a missing month is news
    expect(isSilent({ ...noData, status: 'suppressed' })).toBe(false);
    expect(isSilent(indicator('case_backlog'))).toBe(false);
  });
});

describe('monthOptions', () => {
  it('offers four years back from the latest month, newest first, and keeps an older current month', () => {
    const months = monthOptions('2016-12', '2010-05');
    expect(months[0]).toBe('2016-12');
    expect(months).toContain('2013-01');
    expect(months).not.toContain('2012-12');
    expect(months.at(-1)).toBe('2010-05');
  });
});
