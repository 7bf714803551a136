import type { Breakdown } from '@lis/contracts';
import { type KpiDefinition, STATUS_WORDS } from '@lis/domain';
import type { ChartOption } from '../../../lib/echarts';
import { escapeHtml } from '../../../lib/escape-html';
import { formatCount, formatKpiValue } from '../../../lib/format';
import { STATUS_COLORS } from '../../../lib/status';

export type BreakdownItem = Breakdown['items'][number];

/** Highest value first; units without a number (suppressed, no data) last, by name. Chart and table share it. */
export function sortBreakdownItems(items: readonly BreakdownItem[]): BreakdownItem[] {
  return [...items].sort((a, b) => {
    if (a.value !== null && b.value !== null) return b.value - a.value;
    if (a.value !== null) return -1;
    if (b.value !== null) return 1;
    return a.org.name.localeCompare(b.org.name, 'da');
  });
}

/** A unit's axis label; a unit without a number says why, on a line of its own so it is never cut off. */
export function breakdownLabel(item: BreakdownItem): string {
  return item.value === null ? `${item.org.name}\n(${STATUS_WORDS[item.status]})` : item.org.name;
}

// Room for a label of up to three lines (a long name wraps, plus the reason for a missing number).
export const breakdownChartHeight = (count: number): number => Math.max(160, count * 40 + 72);

/**
 * One bar per child unit, coloured by status, with the target: one line when the children share
 * it, a tick per bar when targets differ. Suppressed units get no bar and no number.
 */
export function buildBreakdownOption(items: readonly BreakdownItem[], kpi: KpiDefinition): ChartOption {
  const sorted = sortBreakdownItems(items);
  const targets = [...new Set(sorted.map((item) => item.target).filter((t): t is number => t !== null))];
  const sharedTarget = targets.length === 1 ? (targets[0] ?? null) : null;
  const format = (value: number | null) => formatKpiValue(value, kpi);
  return {
    aria: { enabled: true, label: { description: describe(sorted, kpi) } },
    grid: { left: 8, right: 64, top: 24, bottom: 8, outerBoundsMode: 'same' },
    tooltip: { trigger: 'item', formatter: (params: unknown) => breakdownTooltip(params, sorted, kpi) },
    xAxis: { type: 'value', axisLabel: { formatter: (value: number) => format(value), hideOverlap: true } },
    yAxis: {
      type: 'category',
      inverse: true,
      triggerEvent: true,
      data: sorted.map(breakdownLabel),
      axisLabel: { width: 200, overflow: 'break', lineHeight: 14 },
    },
    series: [
      {
        id: 'value',
        name: kpi.name,
        type: 'bar',
        barMaxWidth: 22,
        cursor: 'pointer',
        label: {
          show: true,
          position: 'right',
          formatter: (params: { value: unknown }) => format(params.value as number | null),
        },
        data: sorted.map((item) => ({ value: item.value, itemStyle: { color: STATUS_COLORS[item.status] } })),
        markLine:
          sharedTarget === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { color: '#2b2b2b', width: 2, type: 'solid' },
                // The y axis is inverted, so 'start' is the top, clear of the x axis labels.
                label: { formatter: `Mål ${format(sharedTarget)}`, position: 'start' },
                data: [{ xAxis: sharedTarget }],
              },
      },
      ...(sharedTarget === null && targets.length > 1
        ? [
            {
              id: 'target',
              name: 'Mål',
              type: 'line' as const,
              lineStyle: { opacity: 0 },
              symbol: 'rect',
              symbolSize: [3, 22],
              itemStyle: { color: '#2b2b2b' },
              data: sorted.map((item) => item.target),
            },
          ]
        : []),
    ],
  };
}

function breakdownTooltip(params: unknown, sorted: readonly BreakdownItem[], kpi: KpiDefinition): string {
  const item = sorted[(params as { dataIndex: number }).dataIndex];
  if (!item) return '';
  const value = item.value === null ? STATUS_WORDS[item.status] : formatKpiValue(item.value, kpi);
  const lines = [
    `<strong>${escapeHtml(item.org.name)}</strong>`,
    `${escapeHtml(kpi.name)}: ${value}`,
    `Mål: ${formatKpiValue(item.target, kpi)}`,
    `Status: ${STATUS_WORDS[item.status]}`,
    kpi.showN && item.n !== null ? `n = ${formatCount(item.n)}` : null,
    'Klik for at gå til enheden',
  ];
  return lines.filter((line) => line !== null).join('<br>');
}

function describe(sorted: readonly BreakdownItem[], kpi: KpiDefinition): string {
  const parts = sorted.map(
    (item) => `${item.org.name} ${item.value === null ? STATUS_WORDS[item.status] : formatKpiValue(item.value, kpi)}`,
  );
  return `${kpi.name} for ${sorted.length} underenheder, højeste først: ${parts.join('; ')}`;
}
