import type { Balance } from '@lis/contracts';
import { BALANCE_TARGETS, type PlanValueRow, planRow, planRowValue, targetOnRow } from '@lis/domain';
import type { ChartOption } from '../../../lib/echarts';
import { formatMillionKroner, formatNumber } from '../../../lib/format';
import { yearLabel } from '../lib/plan-rows';

/**
 * The bars: rows of the resultatopgørelse as the table shows them (the domain's PLAN_ROWS and
 * planRowValue: income +, expense −), the results and anlæg, which a policy target is about.
 * Anlæg is drawn below zero, as the table's "Anlæg (skattefinansieret)" row reads.
 */
const BARS: readonly { row: PlanValueRow; name: string; color: string }[] = [
  { row: planRow('resultA'), name: 'A. Driftsoverskud', color: '#1f5f99' },
  { row: planRow('capital'), name: 'Anlæg', color: '#8a5a00' },
  { row: planRow('resultB'), name: 'B. Skattefinansieret område', color: '#5b7083' },
  { row: planRow('resultC'), name: 'C. Resultat i alt', color: '#9aa7b8' },
  { row: planRow('cashChange'), name: 'Kasseforøgelse/-træk', color: '#2e7d32' },
];

/** 'resultA', 'capital': a row's key, the series id. */
const rowKey = (row: PlanValueRow): string => (row.kind === 'line' ? row.line : row.result);

const millions = (value: number) => `${formatNumber(value / 1_000_000, 0)} mio.`;

/**
 * Per plan year: the results A, B, C, the cash change and anlæg as bars with the table's signs,
 * each policy target as a line on its row's value in that sign (targets at the same value share
 * one line, named together), and driftsoverskud in the previous plan dashed, to show what the
 * new plan changed.
 */
export function buildBalanceOption(balance: Pick<Balance, 'budgetYear' | 'years' | 'policyTargets' | 'comparison'>): ChartOption {
  const { budgetYear, years, policyTargets, comparison } = balance;
  const targetLines = groupTargets(policyTargets);
  const previous = comparison ? `A. Driftsoverskud i B${comparison.budgetYear}` : null;
  return {
    aria: { enabled: true, label: { description: describe(balance) } },
    grid: { left: 8, right: 16, top: 72, bottom: 8, outerBoundsMode: 'same' },
    legend: { top: 0, left: 0, data: [...BARS.map((bar) => bar.name), ...(previous ? [previous] : [])] },
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => formatMillionKroner(value as number | null) },
    xAxis: { type: 'category', data: years.map((y) => yearLabel(y.year, budgetYear)) },
    yAxis: { type: 'value', axisLabel: { formatter: millions } },
    series: [
      ...BARS.map((bar) => ({
        id: rowKey(bar.row),
        name: bar.name,
        type: 'bar' as const,
        barMaxWidth: 28,
        itemStyle: { color: bar.color },
        data: years.map((y) => planRowValue(bar.row, y)),
        markLine: targetLines.some((line) => line.seriesId === rowKey(bar.row))
          ? {
              silent: true,
              symbol: 'none',
              lineStyle: { color: '#2b2b2b', width: 2, type: 'solid' as const },
              // Short on the line: the targets are named in the table above the chart and in its description.
              label: {
                position: 'insideEndTop' as const,
                formatter: (params: { value?: unknown }) => `Mål ${formatMillionKroner(Number(params.value))}`,
              },
              data: targetLines
                .filter((line) => line.seriesId === rowKey(bar.row))
                .map((line) => ({ name: line.names.join(' · '), yAxis: line.value })),
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
  /** the target on its row, in the table's sign: anlæg about 50 mio. kr. is −50 mio. kr. */
  value: number;
  /** the targets at this value, e.g. 'Driftsoverskud mindst 50 mio. kr.' */
  names: string[];
  /** the bar the line is drawn with: the first target's row */
  seriesId: string;
}

/** One line per value on the chart, so two targets at the same height do not draw two labels on top of each other. */
export function groupTargets(targets: Balance['policyTargets']): TargetLine[] {
  const lines: TargetLine[] = [];
  for (const target of targets) {
    const row = planRow(BALANCE_TARGETS.find((t) => t.id === target.id)?.row ?? 'resultA');
    const value = targetOnRow(row, target.target);
    const same = lines.find((line) => line.value === value);
    if (same) same.names.push(target.name);
    else lines.push({ value, names: [target.name], seriesId: rowKey(row) });
  }
  return lines;
}

function describe({ budgetYear, years, policyTargets }: Pick<Balance, 'budgetYear' | 'years' | 'policyTargets'>): string {
  const parts = years.map(
    (y) =>
      `${yearLabel(y.year, budgetYear)}: ${BARS.map((bar) => `${bar.name} ${formatMillionKroner(planRowValue(bar.row, y))}`).join(', ')}`,
  );
  const targets = policyTargets.map((t) => t.name).join('; ');
  return `Budgetbalance B${budgetYear}, virkning på resultatet (+ indtægt, − udgift; tallene står i tabellen under grafen). ${parts.join('; ')}. Politiske mål: ${targets}`;
}
