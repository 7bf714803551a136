import { getKpi } from '@lis/domain';
import { describe, expect, it } from 'vitest';
import { buildTrendOption, toleranceBand } from '../src/features/kpi-detail/charts/trend';
import { point } from './fixtures';

type Line = {
  id: string;
  name?: string;
  data: (number | null)[];
  lineStyle?: { type?: string };
  stack?: string;
  areaStyle?: object;
};
const seriesOf = (option: ReturnType<typeof buildTrendOption>) => option.series as Line[];
const byId = (option: ReturnType<typeof buildTrendOption>, id: string) => seriesOf(option).find((s) => s.id === id) as Line;

const sickLeave = getKpi('sick_leave_pct');
const points = [
  point('2016-10', 4.2, 4.5, { sameMonthLastYear: 5.1 }),
  point('2016-11', null, 4.5, { status: 'suppressed', sameMonthLastYear: null }),
  point('2016-12', 4.8, 4.5, { status: 'yellow', sameMonthLastYear: 5.2 }),
];

describe('buildTrendOption', () => {
  const option = buildTrendOption({ points, kpi: sickLeave, tolerance: 0.1 });

  it('has the value, the target and the same month last year, dashed', () => {
    expect(byId(option, 'value')).toMatchObject({ name: 'Sygefravær', data: [4.2, null, 4.8] });
    expect(byId(option, 'target').data).toEqual([4.5, 4.5, 4.5]);
    expect(byId(option, 'last-year')).toMatchObject({ data: [5.1, null, 5.2], lineStyle: { type: 'dashed' } });
  });

  it('draws the tolerance band above the target when lower is better', () => {
    const base = byId(option, 'band-base');
    const band = byId(option, 'band');
    expect(base.stack).toBe(band.stack);
    expect(base.data).toEqual([4.5, 4.5, 4.5]);
    expect(band.data.map((width) => Number(width?.toFixed(9)))).toEqual([0.45, 0.45, 0.45]);
    expect(band.areaStyle).toBeDefined();
  });

  it('draws the band below the target when higher is better, with the default tolerance when none is given', () => {
    expect(toleranceBand(90, 0.05, 'higher_is_better')).toEqual({ lower: 85.5, upper: 90 });
    const within = buildTrendOption({
      points: [point('2016-12', 88, 90)],
      kpi: getKpi('case_within_deadline_pct'),
      tolerance: null,
    });
    expect(byId(within, 'band-base').data).toEqual([81]);
    expect(byId(within, 'band').data).toEqual([9]);
  });

  it('leaves months without a target out of the target line and the band', () => {
    const noTarget = buildTrendOption({ points: [point('2016-12', 4, null)], kpi: sickLeave, tolerance: 0.1 });
    expect(byId(noTarget, 'target').data).toEqual([null]);
    expect(byId(noTarget, 'band').data).toEqual([null]);
  });

  it('never draws a number for a suppressed month, even if one were sent', () => {
    const leaky = buildTrendOption({
      points: [point('2016-11', 3.3, 4.5, { status: 'suppressed' })],
      kpi: sickLeave,
      tolerance: 0.1,
    });
    expect(byId(leaky, 'value').data).toEqual([null]);
  });

  it('labels months in Danish and shows the status word in the tooltip', () => {
    const xAxis = option.xAxis as { data: string[]; axisLabel: { formatter: (v: string) => string } };
    expect(xAxis.axisLabel.formatter(xAxis.data[0] as string)).toBe('okt. 2016');
    const tooltip = option.tooltip as { formatter: (params: unknown) => string };
    expect(tooltip.formatter([{ dataIndex: 1 }])).toContain('Sygefravær: diskretioneret');
    expect(tooltip.formatter([{ dataIndex: 2 }])).toContain('Tolerance: 4,5 % – 5,0 %');
  });
});
