import type { Series } from '@lis/contracts';
import { DEFAULT_TOLERANCE, type KpiDefinition, type KpiDirection, STATUS_WORDS } from '@lis/domain';
import type { ChartOption } from '../../../lib/echarts';
import { escapeHtml } from '../../../lib/escape-html';
import { formatCount, formatKpiValue, formatMonth, MISSING } from '../../../lib/format';

type TrendPoint = Series['points'][number];

export interface TrendInput {
  points: readonly TrendPoint[];
  kpi: KpiDefinition;
  /** the yellow band as a fraction of the target (the indicator's); null = the domain default */
  tolerance: number | null;
  /** the text of each month's explanation (period → text), marked on the chart */
  explanations?: ReadonlyMap<string, string>;
}

const TREND_COLORS = {
  value: '#1f5f99',
  target: '#2b2b2b',
  lastYear: '#767676',
  band: 'rgba(224, 168, 0, 0.25)',
  explanation: '#6a3d9a',
};

/** The yellow band lies on the wrong side of the target: above it when lower is better. */
export function toleranceBand(target: number, tolerance: number, direction: KpiDirection): { lower: number; upper: number } {
  const width = Math.abs(target) * tolerance;
  return direction === 'lower_is_better' ? { lower: target, upper: target + width } : { lower: target - width, upper: target };
}

/**
 * Month by month: the value, the target line, the tolerance band (drawn as a transparent base
 * plus a stacked band) and the same month last year dashed. Suppressed months are gaps, never numbers.
 */
export function buildTrendOption({ points, kpi, tolerance, explanations = new Map() }: TrendInput): ChartOption {
  const bands = points.map((p) =>
    p.target === null ? null : toleranceBand(p.target, tolerance ?? DEFAULT_TOLERANCE, kpi.direction),
  );
  const format = (value: number | null) => formatKpiValue(value, kpi);
  const hidden = { lineStyle: { opacity: 0 }, symbol: 'none', silent: true, stack: 'tolerance', stackStrategy: 'all' } as const;
  return {
    aria: { enabled: true, label: { description: describe(points, kpi) } },
    grid: { left: 8, right: 24, top: 56, bottom: 8, outerBoundsMode: 'same' },
    legend: {
      top: 0,
      left: 0,
      data: [kpi.name, 'Mål', 'Tolerance (gul)', 'Samme måned sidste år', ...(explanations.size > 0 ? [EXPLAINED] : [])],
    },
    tooltip: { trigger: 'axis', formatter: (params: unknown) => trendTooltip(params, points, bands, kpi, explanations) },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: points.map((p) => p.period),
      axisLabel: { formatter: (period: string) => formatMonth(period), hideOverlap: true },
    },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (value: number) => format(value) } },
    series: [
      { ...hidden, id: 'band-base', type: 'line', data: bands.map((b) => b?.lower ?? null) },
      {
        ...hidden,
        id: 'band',
        name: 'Tolerance (gul)',
        type: 'line',
        areaStyle: { color: TREND_COLORS.band },
        itemStyle: { color: TREND_COLORS.band },
        data: bands.map((b) => (b === null ? null : b.upper - b.lower)),
      },
      {
        id: 'target',
        name: 'Mål',
        type: 'line',
        symbol: 'none',
        lineStyle: { color: TREND_COLORS.target, width: 1.5 },
        itemStyle: { color: TREND_COLORS.target },
        data: points.map((p) => p.target),
      },
      {
        id: 'last-year',
        name: 'Samme måned sidste år',
        type: 'line',
        symbol: 'none',
        lineStyle: { color: TREND_COLORS.lastYear, type: 'dashed', width: 1.5 },
        itemStyle: { color: TREND_COLORS.lastYear },
        data: points.map((p) => p.sameMonthLastYear),
      },
      {
        id: 'value',
        name: kpi.name,
        type: 'line',
        z: 5,
        symbol: 'circle',
        symbolSize: 6,
        connectNulls: false,
        lineStyle: { color: TREND_COLORS.value, width: 3 },
        itemStyle: { color: TREND_COLORS.value },
        data: points.map((p) => (p.status === 'suppressed' ? null : p.value)),
      },
      {
        // a pin at each month with an explanation, on the value (or the axis when it has none)
        id: 'explanations',
        name: EXPLAINED,
        type: 'line',
        z: 6,
        lineStyle: { opacity: 0 },
        symbol: 'pin',
        symbolSize: 22,
        itemStyle: { color: TREND_COLORS.explanation },
        data: points.map((p) => (explanations.has(p.period) ? (p.value ?? p.target ?? 0) : null)),
      },
    ],
  };
}

const EXPLAINED = 'Forklaring';

interface AxisParam {
  seriesId?: string;
  dataIndex: number;
}

function trendTooltip(
  params: unknown,
  points: readonly TrendPoint[],
  bands: readonly ({ lower: number; upper: number } | null)[],
  kpi: KpiDefinition,
  explanations: ReadonlyMap<string, string>,
): string {
  const index = (params as AxisParam[])[0]?.dataIndex ?? 0;
  const point = points[index];
  if (!point) return '';
  const band = bands[index];
  const value = point.value === null ? STATUS_WORDS[point.status] : formatKpiValue(point.value, kpi);
  const lines = [
    `<strong>${formatMonth(point.period)}</strong>`,
    `${escapeHtml(kpi.name)}: ${value} (${STATUS_WORDS[point.status]})`,
    `Mål: ${formatKpiValue(point.target, kpi)}`,
    band ? `Tolerance: ${formatKpiValue(band.lower, kpi)} – ${formatKpiValue(band.upper, kpi)}` : null,
    `Samme måned sidste år: ${formatKpiValue(point.sameMonthLastYear, kpi)}`,
    kpi.showN && point.n !== null ? `n = ${formatCount(point.n)}` : null,
    explanations.has(point.period) ? `${EXPLAINED}: ${escapeHtml(firstWords(explanations.get(point.period) ?? ''))}` : null,
  ];
  return lines.filter((line) => line !== null).join('<br>');
}

function describe(points: readonly TrendPoint[], kpi: KpiDefinition): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return `${kpi.name}: ingen data.`;
  const latest = last.value === null ? STATUS_WORDS[last.status] : formatKpiValue(last.value, kpi);
  const target = last.target === null ? MISSING : formatKpiValue(last.target, kpi);
  // No closing full stop: amounts end in 'kr.' already.
  return `${kpi.name} fra ${formatMonth(first.period)} til ${formatMonth(last.period)} (tallene står i tabellen under grafen): seneste værdi ${latest}, mål ${target}`;
}

/** The start of an explanation for a tooltip line. */
const firstWords = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);
