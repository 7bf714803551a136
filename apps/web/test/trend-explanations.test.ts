import { getKpi } from '@lis/domain';
import { describe, expect, it } from 'vitest';
import { buildTrendOption } from '../src/features/kpi-detail/charts/trend';
import { point } from './fixtures';

type Line = { id: string; name?: string; data: (number | null)[] };
const sickLeave = getKpi('sick_leave_pct');
const points = [point('2016-10', 4.2, 4.5), point('2016-11', 5.4, 4.5, { status: 'red' }), point('2016-12', null, 4.5)];

describe('explanations on the trend chart', () => {
  const option = buildTrendOption({
    points,
    kpi: sickLeave,
    tolerance: 0.1,
    explanations: new Map([
      ['2016-11', 'Influenza <i>og</i> langtidssyge'],
      ['2016-12', 'Ingen data endnu'],
    ]),
  });
  const markers = (option.series as Line[]).find((s) => s.id === 'explanations');

  it('pins the months that have an explanation, on the value or else the target', () => {
    expect(markers).toMatchObject({ name: 'Forklaring', data: [null, 5.4, 4.5] });
    expect((option.legend as { data: string[] }).data).toContain('Forklaring');
  });

  it("gives the explanation's start in the tooltip, escaped", () => {
    const formatter = (option.tooltip as { formatter: (params: unknown) => string }).formatter;
    expect(formatter([{ dataIndex: 1 }])).toContain('Forklaring: Influenza &#60;i&#62;og&#60;/i&#62; langtidssyge');
    expect(formatter([{ dataIndex: 0 }])).not.toContain('Forklaring');
  });

  it('has no marker and no legend entry without explanations', () => {
    const plain = buildTrendOption({ points, kpi: sickLeave, tolerance: 0.1 });
    expect((plain.series as Line[]).find((s) => s.id === 'explanations')?.data).toEqual([null, null, null]);
    expect((plain.legend as { data: string[] }).data).not.toContain('Forklaring');
  });
});
