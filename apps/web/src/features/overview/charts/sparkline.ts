import type { Indicator } from '@lis/contracts';
import type { KpiDefinition } from '@lis/domain';
import type { ChartOption } from '../../../lib/echarts';
import { formatKpiValue, formatMonth } from '../../../lib/format';

const SPARKLINE_COLOR = '#1f5f99';

/**
 * The tile's 12 months: a bare line with the last month marked and the target as a faint dashed
 * line. Missing months stay gaps; the y range includes the target so the line reads against it.
 */
export function buildSparklineOption(series: Indicator['series'], kpi: KpiDefinition, target: number | null): ChartOption {
  const values = series.map((point) => point.value);
  const known = values.filter((value): value is number => value !== null);
  const lastIndex = values.length - 1;
  const [min, max] = paddedRange([...known, ...(target === null ? [] : [target])]);
  return {
    animation: false,
    aria: { enabled: true, label: { description: describe(series, kpi, target) } },
    grid: { left: 2, right: 6, top: 6, bottom: 6 },
    xAxis: { type: 'category', show: false, boundaryGap: false, data: series.map((point) => point.period) },
    yAxis: { type: 'value', show: false, min, max },
    series: [
      {
        type: 'line',
        name: kpi.name,
        silent: true,
        connectNulls: false,
        showSymbol: true,
        symbol: 'circle',
        symbolSize: 0,
        lineStyle: { width: 2, color: SPARKLINE_COLOR },
        itemStyle: { color: SPARKLINE_COLOR },
        data: values.map((value, index) => (index === lastIndex ? { value, symbolSize: 6 } : value)),
        markLine:
          target === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                label: { show: false },
                lineStyle: { color: '#6b6b6b', type: 'dashed', width: 1 },
                data: [{ yAxis: target }],
              },
      },
    ],
  };
}

function paddedRange(numbers: number[]): [number | undefined, number | undefined] {
  if (numbers.length === 0) return [undefined, undefined];
  const low = Math.min(...numbers);
  const high = Math.max(...numbers);
  const pad = (high - low) * 0.1 || Math.abs(high) * 0.05 || 1;
  return [low - pad, high + pad];
}

function describe(series: Indicator['series'], kpi: KpiDefinition, target: number | null): string {
  const known = series.filter((point) => point.value !== null);
  const first = known[0];
  const last = known.at(-1);
  if (!first || !last) return `${kpi.name}: ingen data de seneste 12 måneder.`;
  // No closing full stop: amounts end in 'kr.' already.
  const goal = target === null ? '' : `; mål ${formatKpiValue(target, kpi)}`;
  return `${kpi.name} de seneste 12 måneder: fra ${formatKpiValue(first.value, kpi)} i ${formatMonth(first.period)} til ${formatKpiValue(last.value, kpi)} i ${formatMonth(last.period)}${goal}`;
}
