import type { Indicator, KpiStatusValue } from '@lis/contracts';

/** The strip's order: what needs attention first; 'no_data' only shows when some tile has it. */
export const STRIP_STATUSES: readonly KpiStatusValue[] = ['red', 'yellow', 'green', 'no_target', 'suppressed', 'no_data'];

/** How many of the unit's KPIs have each status, as the server judged them (the web does not judge). */
export function countByStatus(indicators: readonly Indicator[]): Record<KpiStatusValue, number> {
  const counts: Record<KpiStatusValue, number> = { red: 0, yellow: 0, green: 0, no_target: 0, suppressed: 0, no_data: 0 };
  for (const indicator of indicators) counts[indicator.status]++;
  return counts;
}

/** Red tiles first, then yellow: the exceptions listed before the themes. */
export const exceptionsOf = (indicators: readonly Indicator[]) => [
  ...indicators.filter((i) => i.status === 'red'),
  ...indicators.filter((i) => i.status === 'yellow'),
];
