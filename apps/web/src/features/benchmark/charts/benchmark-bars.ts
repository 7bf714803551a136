import type { BenchmarkResult } from '@lis/contracts';
import type { ChartOption } from '../../../lib/echarts';
import { escapeHtml } from '../../../lib/escape-html';
import { formatDkk, formatNumber } from '../../../lib/format';

export interface BenchmarkBar {
  municipality: string;
  name: string;
  unitCost: number;
  isOwn: boolean;
  /** the own municipality drawn for comparison although it is not in the peer group */
  outsideGroup: boolean;
}

const COLORS = { peer: '#8fa3bb', own: '#b04a00', benchmark: '#1d2430' };

/** The peers, cheapest first, with the own municipality always among them (marked when outside the group). */
export function benchmarkBars(result: Pick<BenchmarkResult, 'peers' | 'own'>): BenchmarkBar[] {
  const bars: BenchmarkBar[] = result.peers.map(({ municipality, name, unitCost, isOwn }) => ({
    municipality,
    name,
    unitCost,
    isOwn,
    outsideGroup: false,
  }));
  const { own } = result;
  if (!bars.some((bar) => bar.isOwn) && own.unitCost !== null)
    bars.push({ municipality: own.municipality, name: own.name, unitCost: own.unitCost, isOwn: true, outsideGroup: true });
  return bars.sort((a, b) => a.unitCost - b.unitCost);
}

export const barLabel = (bar: BenchmarkBar): string =>
  bar.isOwn ? `${bar.name} (${bar.outsideGroup ? 'egen, ikke i gruppen' : 'egen'})` : bar.name;

// Large groups (the whole country) get thinner rows so the chart stays readable without scrolling forever.
export const benchmarkChartHeight = (count: number): number => Math.max(200, count * (count > 20 ? 18 : 30) + 80);

const kroner = (value: number) => `${formatNumber(value, 0)} kr.`;

/**
 * Unit cost per municipality as horizontal bars, cheapest at the top; the own municipality in its
 * own colour and named so, and the benchmark as a vertical line.
 */
export function buildBenchmarkOption(
  result: Pick<BenchmarkResult, 'peers' | 'own' | 'benchmark' | 'areaName' | 'methodName' | 'needAdjusted' | 'rank'>,
): ChartOption {
  const bars = benchmarkBars(result);
  const { benchmark } = result;
  const unit = result.needAdjusted ? 'kr. pr. behovsvægtet person' : 'kr. pr. person i målgruppen';
  return {
    aria: { enabled: true, label: { description: describe(bars, result, unit) } },
    grid: { left: 8, right: 72, top: 28, bottom: 8, outerBoundsMode: 'same' },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const bar = bars[(params as { dataIndex: number }).dataIndex];
        return bar ? `<strong>${escapeHtml(barLabel(bar))}</strong><br>Enhedsudgift: ${kroner(bar.unitCost)} (${unit})` : '';
      },
    },
    xAxis: { type: 'value', axisLabel: { formatter: (value: number) => formatNumber(value, 0), hideOverlap: true } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map(barLabel),
      axisLabel: {
        // Wrapped, not cut off: on a phone the names get a third of the width.
        width: 120,
        overflow: 'break',
        lineHeight: 13,
        fontSize: bars.length > 20 ? 11 : 12,
        formatter: (label: string, index: number) => (bars[index]?.isOwn ? `{own|${label}}` : label),
        rich: { own: { fontWeight: 'bold', color: COLORS.own } },
      },
    },
    series: [
      {
        id: 'unit-cost',
        name: 'Enhedsudgift',
        type: 'bar',
        barMaxWidth: 20,
        label: {
          show: true,
          position: 'right',
          formatter: (params: { value: unknown }) => formatNumber(params.value as number, 0),
        },
        data: bars.map((bar) => ({
          value: bar.unitCost,
          // Outside the group: the same colour, hollow, so it reads as "for comparison only".
          itemStyle: bar.isOwn
            ? bar.outsideGroup
              ? { color: '#fff', borderColor: COLORS.own, borderWidth: 2 }
              : { color: COLORS.own }
            : { color: COLORS.peer },
        })),
        markLine:
          benchmark === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { color: COLORS.benchmark, width: 2, type: 'solid' },
                // The y axis is inverted, so 'start' is the top, clear of the x axis labels.
                label: { position: 'start', formatter: `Benchmark ${kroner(benchmark)}` },
                data: [{ xAxis: benchmark }],
              },
      },
    ],
  };
}

function describe(
  bars: readonly BenchmarkBar[],
  result: Pick<BenchmarkResult, 'areaName' | 'methodName' | 'benchmark' | 'rank'>,
  unit: string,
): string {
  const own = bars.find((bar) => bar.isOwn);
  // the API's rank: ties share a place, which a position in the sorted bars would not say
  const { rank } = result;
  const ownText =
    own && rank
      ? `${own.name} ${kroner(own.unitCost)}, nr. ${rank.position} af ${rank.of} fra den billigste`
      : 'egen kommune uden data';
  // No closing full stop: amounts end in 'kr.' already.
  return `Enhedsudgift for ${result.areaName} (${unit}), billigste først (tallene står i tabellen under grafen): ${ownText}; benchmark (${result.methodName}) ${result.benchmark === null ? 'ingen' : formatDkk(result.benchmark)}`;
}
