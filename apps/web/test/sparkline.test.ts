import { getKpi } from '@lis/domain';
import { describe, expect, it } from 'vitest';
import { buildSparklineOption } from '../src/features/overview/charts/sparkline';

const kpi = getKpi('sick_leave_pct');
const series = [
  { period: '2016-10', value: 4.2 },
  { period: '2016-11', value: null },
  { period: '2016-12', value: 4.8 },
];

type Line = { type: string; data: unknown[]; markLine?: { data: { yAxis: number }[] } };

describe('buildSparklineOption', () => {
  const option = buildSparklineOption(series, kpi, 4.5);
  const line = (option.series as Line[])[0] as Line;

  it('draws one line over the months, with gaps for missing months and the last month marked', () => {
    expect(line.type).toBe('line');
    expect(line.data).toEqual([4.2, null, { value: 4.8, symbolSize: 6 }]);
    expect(option.xAxis).toMatchObject({ data: ['2016-10', '2016-11', '2016-12'] });
  });

  it('draws the target and keeps it inside the y range', () => {
    expect(line.markLine?.data).toEqual([{ yAxis: 4.5 }]);
    const { min, max } = option.yAxis as { min: number; max: number };
    expect(min).toBeLessThan(4.2);
    expect(max).toBeGreaterThan(4.8);
  });

  it('describes itself for screen readers in Danish', () => {
    expect(option.aria).toMatchObject({ enabled: true });
    expect(JSON.stringify(option.aria)).toContain('fra 4,2 % i okt. 2016 til 4,8 % i dec. 2016; mål 4,5 %');
  });

  it('has no target line without a target', () => {
    const withoutTarget = (buildSparklineOption(series, kpi, null).series as Line[])[0];
    expect(withoutTarget?.markLine).toBeUndefined();
  });
});
