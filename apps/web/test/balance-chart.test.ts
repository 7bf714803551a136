import { describe, expect, it } from 'vitest';
import { buildBalanceOption, groupTargets } from '../src/features/balance/charts/balance';
import { BALANCE } from './economy-fixtures';

type Series = {
  id: string;
  type: string;
  data: (number | null)[];
  markLine?: { data: { name: string; yAxis: number }[]; label: { formatter: (p: { value: number }) => string } };
};

describe('buildBalanceOption', () => {
  const option = buildBalanceOption(BALANCE);
  const series = option.series as Series[];
  const byId = (id: string) => series.find((s) => s.id === id) as Series;

  it('draws results A, B, C, the cash change and anlæg per plan year, the budget year named B2017', () => {
    expect(option.xAxis).toMatchObject({ data: ['B2017', '2018'] });
    expect(byId('resultA').data).toEqual(BALANCE.years.map((y) => y.resultA));
    expect(byId('capital').data).toEqual([68_000_000, 60_000_000]);
    expect(byId('cashChange').data).toEqual(BALANCE.years.map((y) => y.cashChange));
    expect(series.filter((s) => s.type === 'bar').map((s) => s.id)).toEqual([
      'resultA',
      'capital',
      'resultB',
      'resultC',
      'cashChange',
    ]);
  });

  it('draws the two 50 mio. kr. targets as one target line, naming both', () => {
    const markLine = byId('resultA').markLine;
    expect(markLine?.data).toEqual([
      { name: 'Driftsoverskud mindst 50 mio. kr. · Anlæg omkring 50 mio. kr.', yAxis: 50_000_000 },
    ]);
    expect(markLine?.label.formatter({ value: 50_000_000 })).toBe('Mål 50,0 mio. kr.');
    expect(series.filter((s) => s.markLine)).toHaveLength(1);
  });

  it('draws each target on its own bar when the amounts differ', () => {
    const [driftsoverskud, anlaeg] = BALANCE.policyTargets;
    if (!driftsoverskud || !anlaeg) throw new Error('fixture');
    const lines = groupTargets([driftsoverskud, { ...anlaeg, target: 60_000_000 }]);
    expect(lines).toEqual([
      { target: 50_000_000, names: ['Driftsoverskud mindst 50 mio. kr.'], seriesId: 'resultA' },
      { target: 60_000_000, names: ['Anlæg omkring 50 mio. kr.'], seriesId: 'capital' },
    ]);
  });

  it('shows driftsoverskud in the previous plan dashed for the years both plans cover', () => {
    const previous = byId('previous-resultA');
    expect(previous.data).toEqual([57_000_000, null]);
    expect(option.legend).toMatchObject({ data: expect.arrayContaining(['A. Driftsoverskud i B2016']) });
    const without = buildBalanceOption({ ...BALANCE, comparison: null });
    expect((without.series as Series[]).some((s) => s.id === 'previous-resultA')).toBe(false);
  });
});
