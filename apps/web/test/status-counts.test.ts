import type { Indicator, KpiStatusValue } from '@lis/contracts';
import { describe, expect, it } from 'vitest';
import { countByStatus, exceptionsOf } from '../src/features/overview/lib/status-counts';

const indicator = (kpiId: string, status: KpiStatusValue) => ({ kpiId, status }) as Indicator;

describe('the exceptions strip', () => {
  const indicators = [
    indicator('a', 'yellow'),
    indicator('b', 'red'),
    indicator('c', 'green'),
    indicator('d', 'yellow'),
    indicator('e', 'suppressed'),
    indicator('f', 'no_target'),
    indicator('g', 'red'),
  ];

  it('counts the statuses the server sent', () => {
    expect(countByStatus(indicators)).toEqual({ red: 2, yellow: 2, green: 1, no_target: 1, suppressed: 1, no_data: 0 });
  });

  it('lists red, then yellow, each in the order they came', () => {
    expect(exceptionsOf(indicators).map((i) => i.kpiId)).toEqual(['b', 'g', 'a', 'd']);
  });
});
