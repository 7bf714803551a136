import type { Balance } from '@lis/contracts';
import type { ChartOption } from '../../../lib/echarts';
import { formatDkk, formatNumber } from '../../../lib/format';
import { yearLabel } from '../lib/plan-rows';

type PlanYear = Balance['years'][number];

/** The bars: the results and the capital spending the anlæg target is about. */
const BARS: readonly { id: string; name: string; color: string; value: (year: PlanYear) => number }[] = [
  { id: 'resultA', name: 'A. Driftsoverskud', color: '#1f5f99', value: (y) => y.resultA },
  { id: 'capital', name: 'Anlæg', color: '#8a5a00', value: (y) => y.lines.capital },
  { id: 'resultB', name: 'B. Skattefinansieret område', color: '#5b7083', value: (y) => y.resultB },
  { id: 'resultC', name: 'C. Resultat i alt', color: '#9aa7b8', value: (y) => y.resultC },
  { id: 'cashChange', name: 'Kasseforøgelse/-træk', color: '#2e7d32', value: (y) => y.cashChange },
];

/** Which bar a policy target is read against. */
const TARGET_SERIES: Readonly<Record<string, string>> = { driftsoverskud: 'resultA', anlaeg: 'capital' };

const millions = (value: number) => `${formatNumber(value / 1_000_000, 0)} mio.`;

/**
 * Per plan year: the results A, B, C, the cash change and anlæg as bars, each policy target as a
 * line on its bar's value (targets with the same amount share one line, named together), and
 * driftsoverskud in the previous plan dashed, to show what the new plan changed.
 */
export function buildBalanceOption(balance: Pick<Balance, 'budgetYear' | 'years' | 'policyTargets' | 'comparison'>): ChartOption {
  const { budgetYear, years, policyTargets, comparison } = balance;
  const targetLines = groupTargets(policyTargets);
  const previous = comparison ? `A. Driftsoverskud i B${comparison.budgetYear}` : null;
  return {
    aria: { enabled: true, label: { description: describe(balance) } },
    grid: { left: 8, right: 16, top: 72, bottom: 8, outerBoundsMode: 'same' },
    legend: { top: 0, left: 0, data: [...BARS.map((bar) => bar.name), ...(previous ? [previous] : [])] },
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => formatDkk(value as number | null) },
    xAxis: { type: 'category', data: years.map((y) => yearLabel(y.year, budgetYear)) },
    yAxis: { type: 'value', axisLabel: { formatter: millions } },
    series: [
      ...BARS.map((bar) => ({
        id: bar.id,
        name: bar.name,
        type: 'bar' as const,
        barMaxWidth: 28,
        itemStyle: { color: bar.color },
        data: years.map(bar.value),
        markLine: targetLines.some((line) => line.seriesId === bar.id)
          ? {
              silent: true,
              symbol: 'none',
              lineStyle: { color: '#2b2b2b', width: 2, type: 'solid' as const },
              // Short on the line: the targets are named in the table above the chart and in its description.
              label: {
                position: 'insideEndTop' as const,
                formatter: (params: { value?: unknown }) => `Mål ${formatDkk(Number(params.value))}`,
              },
              data: targetLines
                .filter((line) => line.seriesId === bar.id)
                .map((line) => ({ name: line.names.join(' · '), yAxis: line.target })),
            }
          : undefined,
      })),
      ...(comparison && previous
        ? [
            {
              id: 'previous-resultA',
              name: previous,
              type: 'line' as const,
              symbol: 'circle',
              symbolSize: 7,
              lineStyle: { color: '#1f5f99', type: 'dashed' as const, width: 2 },
              itemStyle: { color: '#1f5f99' },
              data: years.map((y) => comparison.years.find((other) => other.year === y.year)?.resultA ?? null),
            },
          ]
        : []),
    ],
  };
}

export interface TargetLine {
  target: number;
  /** the targets at this amount, e.g. 'Driftsoverskud mindst 50 mio. kr.' and 'Anlæg omkring 50 mio. kr.' */
  names: string[];
  /** the bar the line is drawn with: the first target's */
  seriesId: string;
}

/** One line per target amount, so two targets of 50 mio. kr. do not draw two labels on top of each other. */
export function groupTargets(targets: Balance['policyTargets']): TargetLine[] {
  const lines: TargetLine[] = [];
  for (const target of targets) {
    const same = lines.find((line) => line.target === target.target);
    if (same) same.names.push(target.name);
    else lines.push({ target: target.target, names: [target.name], seriesId: TARGET_SERIES[target.id] ?? 'resultA' });
  }
  return lines;
}

function describe({ budgetYear, years, policyTargets }: Pick<Balance, 'budgetYear' | 'years' | 'policyTargets'>): string {
  const parts = years.map(
    (y) =>
      `${yearLabel(y.year, budgetYear)}: driftsoverskud ${formatDkk(y.resultA)}, anlæg ${formatDkk(y.lines.capital)}, kasse ${formatDkk(y.cashChange)}`,
  );
  const targets = policyTargets.map((t) => t.name).join('; ');
  return `Budgetbalance B${budgetYear} (tallene står i tabellen under grafen). ${parts.join('; ')}. Politiske mål: ${targets}`;
}
