import type { UsageReport } from '@lis/contracts';
import type { ChartOption } from '../../../lib/echarts';
import { formatCount, formatMonth } from '../../../lib/format';
import { usageGroups } from '../lib/usage-table';

/** Active users per month: one line per forvaltning, and the whole kommune's as a thicker line. */
export function buildActiveUsersOption(report: UsageReport): ChartOption {
  const groups = usageGroups(report);
  return {
    aria: {
      enabled: true,
      label: {
        description: `Aktive brugere pr. måned, ${formatMonth(report.from)} til ${formatMonth(report.to)}, for hver forvaltning og hele kommunen.`,
      },
    },
    grid: { left: 8, right: 16, top: 56, bottom: 8, outerBoundsMode: 'same' },
    legend: { top: 0, left: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => formatCount(value as number) },
    xAxis: { type: 'category', data: report.months.map(formatMonth) },
    yAxis: { type: 'value', minInterval: 1 },
    series: groups.map((group) => ({
      name: group.name,
      type: 'line' as const,
      data: group.months.map((m) => m.activeUsers),
      lineStyle: group.id === 'total' ? { width: 3 } : { width: 1.5 },
      symbolSize: group.id === 'total' ? 6 : 4,
    })),
  };
}
