import { PLAN_ROWS, planRowValue } from '@lis/domain';
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

  it('draws results A, B, C, anlæg and the cash change per plan year in the table’s row order, the budget year named B2017', () => {
    expect(option.xAxis).toMatchObject({ data: ['B2017', '2018'] });
    expect(series.filter((s) => s.type === 'bar').map((s) => s.id)).toEqual([
      'resultA',
      'capital',
      'resultB',
      'resultC',
      'cashChange',
    ]);
  });

  it('draws what the table shows: each bar is its table row’s value, anlæg negative (an expense lowers the result)', () => {
    // the fixture's anlæg: 68 and 60 mio. kr. spent, so −68 and −60 on the result
    expect(byId('capital').data).toEqual([-68_000_000, -60_000_000]);
    for (const row of PLAN_ROWS) {
      if (row.kind === 'heading') continue;
      const id = row.kind === 'line' ? row.line : row.result;
      const bar = series.find((s) => s.id === id && s.type === 'bar');
      if (bar) expect(bar.data, id).toEqual(BALANCE.years.map((y) => planRowValue(row, y)));
    }
    // B = A − anlæg, read off the bars: A + (the anlæg bar)
    const a = byId('resultA').data[0] as number;
    expect(byId('resultB').data[0]).toBe(a + (byId('capital').data[0] as number));
  });

  it('draws each target on its row in the table’s sign: driftsoverskud at +50, anlæg at −50 mio. kr.', () => {
    expect(byId('resultA').markLine?.data).toEqual([{ name: 'Driftsoverskud mindst 50 mio. kr.', yAxis: 50_000_000 }]);
    expect(byId('capital').markLine?.data).toEqual([{ name: 'Anlæg omkring 50 mio. kr.', yAxis: -50_000_000 }]);
    expect(byId('capital').markLine?.label.formatter({ value: -50_000_000 })).toBe('Mål -50,0 mio. kr.');
  });

  it('draws two targets at the same value as one line, naming both', () => {
    const [driftsoverskud] = BALANCE.policyTargets;
    if (!driftsoverskud) throw new Error('fixture');
    const lines = groupTargets([driftsoverskud, { ...driftsoverskud, name: 'Et andet mål' }]);
    expect(lines).toEqual([
      { value: 50_000_000, names: ['Driftsoverskud mindst 50 mio. kr.', 'Et andet mål'], seriesId: 'resultA' },
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
