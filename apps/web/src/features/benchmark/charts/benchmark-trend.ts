import type { BenchmarkResult } from '@lis/contracts';
import type { ChartOption } from '../../../lib/echarts';
import { formatNumber } from '../../../lib/format';

const COLORS = { own: '#b04a00', benchmark: '#1d2430' };

const kroner = (value: number | null) => (value === null ? 'ingen data' : `${formatNumber(value, 0)} kr.`);

/**
 * Own unit cost and the benchmark over the trend's years as two lines; a year without data is a
 * gap in the line (null), never drawn as 0 or bridged.
 */
export function buildTrendOption(result: Pick<BenchmarkResult, 'trend' | 'own' | 'methodName' | 'areaName'>): ChartOption {
  const years = result.trend.map((p) => String(p.year));
  const line = (id: string, name: string, color: string, values: (number | null)[], dashed: boolean) => ({
    id,
    name,
    type: 'line' as const,
    connectNulls: false,
    symbolSize: 8,
    lineStyle: { color, width: 2, type: dashed ? ('dashed' as const) : ('solid' as const) },
    itemStyle: { color },
    data: values,
  });
  const own = result.trend.map((p) => p.ownUnitCost);
  const benchmark = result.trend.map((p) => p.benchmark);
  return {
    aria: { enabled: true, label: { description: describe(result) } },
    grid: { left: 8, right: 16, top: 40, bottom: 8, outerBoundsMode: 'same' },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => kroner(typeof value === 'number' ? value : null) },
    xAxis: { type: 'category', data: years },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (value: number) => formatNumber(value, 0) } },
    series: [
      line('own', result.own.name, COLORS.own, own, false),
      line('benchmark', `Benchmark (${result.methodName.toLocaleLowerCase('da')})`, COLORS.benchmark, benchmark, true),
    ],
  };
}

function describe(result: Pick<BenchmarkResult, 'trend' | 'own' | 'areaName'>): string {
  const years = result.trend.map(
    (p) => `${p.year}: ${result.own.name} ${kroner(p.ownUnitCost)}, benchmark ${kroner(p.benchmark)}`,
  );
  return `Udvikling i enhedsudgiften for ${result.areaName}: ${years.join('; ')}`;
}
