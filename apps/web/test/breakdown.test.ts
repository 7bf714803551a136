import { getKpi } from '@lis/domain';
import { describe, expect, it } from 'vitest';
import { breakdownLabel, buildBreakdownOption, sortBreakdownItems } from '../src/features/kpi-detail/charts/breakdown';
import { item, SUPPRESSED_REASON } from './fixtures';

const kpi = getKpi('sick_leave_pct');
const items = [
  item('2200', 'Skole', 3.4),
  item('2400', 'Sundhedspleje', null, { status: 'suppressed', suppressedReason: SUPPRESSED_REASON }),
  item('2100', 'Dagtilbud', 6.6),
  item('2300', 'Familie og Forebyggelse', 5.0),
  item('2500', 'Administration', null, { status: 'no_data' }),
];

type Bar = {
  id: string;
  type: string;
  data: { value: number | null; itemStyle: { color: string } }[];
  markLine?: { data: { xAxis: number }[] };
};

describe('buildBreakdownOption', () => {
  const option = buildBreakdownOption(items, kpi);
  const bars = (option.series as Bar[])[0] as Bar;
  const labels = (option.yAxis as { data: string[] }).data;

  it('sorts units by value, highest first, units without a number last', () => {
    expect(sortBreakdownItems(items).map((i) => i.org.id)).toEqual(['2100', '2300', '2200', '2500', '2400']);
    expect(bars.data.map((d) => d.value)).toEqual([6.6, 5.0, 3.4, null, null]);
  });

  it('colours bars by status', () => {
    expect(bars.data[0]?.itemStyle.color).toBe('#c62828');
    expect(bars.data[2]?.itemStyle.color).toBe('#2e7d32');
  });

  it('draws one target line when the units share the target', () => {
    expect(bars.markLine?.data).toEqual([{ xAxis: 4.5 }]);
    expect((option.series as Bar[]).length).toBe(1);
  });

  it('draws a target tick per unit when the targets differ', () => {
    const mixed = buildBreakdownOption([item('a', 'A', 3, { target: 4 }), item('b', 'B', 5, { target: 6 })], kpi);
    const [value, target] = mixed.series as (Bar & { data: unknown[] })[];
    expect(value?.markLine).toBeUndefined();
    expect(target).toMatchObject({ id: 'target', data: [6, 4] });
  });

  it('shows a suppressed unit as "diskretioneret", without any number', () => {
    expect(labels).toContain('Sundhedspleje\n(diskretioneret)');
    expect(labels).toContain('Administration\n(ingen data)');
    const suppressedIndex = labels.indexOf('Sundhedspleje\n(diskretioneret)');
    expect(bars.data[suppressedIndex]?.value).toBeNull();
    const tooltip = option.tooltip as { formatter: (params: unknown) => string };
    const text = tooltip.formatter({ dataIndex: suppressedIndex });
    expect(text).toContain('Sygefravær: diskretioneret');
    expect(text.match(/\d+,\d+ %/g)).toEqual(['4,5 %']); // the target, nothing else
  });

  it('labels units by name and escapes names in the tooltip', () => {
    expect(breakdownLabel(items[0] as (typeof items)[number])).toBe('Skole');
    const tricky = buildBreakdownOption([item('x', '<img src=x>', 2)], kpi);
    expect((tricky.tooltip as { formatter: (p: unknown) => string }).formatter({ dataIndex: 0 })).toContain(
      '&#60;img src=x&#62;',
    );
  });
});
