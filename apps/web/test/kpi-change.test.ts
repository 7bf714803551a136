import { getKpi } from '@lis/domain';
import { describe, expect, it } from 'vitest';
import { compareWith } from '../src/lib/kpi-change';

describe('compareWith: arrows coloured by the KPI direction', () => {
  it('calls more sick leave worse (red arrow up)', () => {
    expect(compareWith(4.8, 4.5, getKpi('sick_leave_pct'))).toMatchObject({ arrow: 'up', verdict: 'worse' });
  });

  it('calls more cases within the deadline better (green arrow up)', () => {
    expect(compareWith(92, 90, getKpi('case_within_deadline_pct'))).toMatchObject({ arrow: 'up', verdict: 'better' });
    expect(compareWith(88, 90, getKpi('case_within_deadline_pct'))).toMatchObject({ arrow: 'down', verdict: 'worse' });
  });

  it('calls a change too small to print unchanged', () => {
    expect(compareWith(4.51, 4.5, getKpi('sick_leave_pct'))).toMatchObject({ arrow: 'flat', verdict: 'unchanged' });
  });

  it('has nothing to say without both values', () => {
    expect(compareWith(null, 4.5, getKpi('sick_leave_pct'))).toBeNull();
    expect(compareWith(4.5, null, getKpi('sick_leave_pct'))).toBeNull();
  });
});
