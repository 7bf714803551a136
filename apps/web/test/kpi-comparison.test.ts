import { getKpi } from '@lis/domain';
import { describe, expect, it } from 'vitest';
import { firstComparison, targetText } from '../src/lib/kpi-comparison';

describe('what a figure is compared with', () => {
  const indicator = { previous: 4.2, target: 91.7 };

  it('compares the cumulative consumption with the phased budget, not with last month', () => {
    const consumption = getKpi('budget_consumption_pct');
    expect(firstComparison(consumption, indicator, '2016-11')).toEqual({
      label: 'Forventet efter periodiseret budget',
      earlier: 91.7,
      against: 'forventet forbrug',
    });
    expect(targetText(consumption, 91.7)).toEqual({
      label: 'Forventet forbrug år til dato (periodiseret budget)',
      value: '91,7 %',
    });
  });

  it('compares any other KPI with last month and names its target', () => {
    const sickLeave = getKpi('sick_leave_pct');
    expect(firstComparison(sickLeave, indicator, '2016-11')).toMatchObject({ label: 'Forrige måned', earlier: 4.2 });
    expect(targetText(sickLeave, 4.5)).toEqual({ label: 'Mål', value: 'højst 4,5 %' });
  });
});
