import type { Demography } from '@lis/contracts';
import type { ChartOption } from '../../../lib/echarts';
import { formatNumber } from '../../../lib/format';

const COLORS = ['#6c8ebf', '#1f5f99', '#2e7d32', '#8d6e63', '#9e9e9e', '#b04a00', '#7b1fa2'];

/**
 * The change of each age band against the current year, one line per band over the years: the
 * actual years to the left of the current year's line, the forecast to the right (dashed).
 */
export function buildBandChangesOption(data: Demography): ChartOption {
  const years = data.years.map((y) => String(y.year));
  const current = data.currentYear === null ? null : String(data.currentYear);
  const describe = data.bands
    .map((band) => {
      const last = data.years.at(-1);
      return `${band} år: ${formatNumber(last?.change[band] ?? null, 0)} personer i ${last?.year ?? ''}`;
    })
    .join('; ');
  return {
    aria: { enabled: true, label: { description: `Ændring mod ${current ?? ''} pr. aldersgruppe. ${describe}.` } },
    color: COLORS,
    grid: { left: 8, right: 16, top: 56, bottom: 8, outerBoundsMode: 'same' },
    legend: { top: 0, type: 'scroll' },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: unknown) => `${formatNumber(typeof value === 'number' ? value : null, 0)} personer`,
    },
    xAxis: { type: 'category', data: years, boundaryGap: false },
    yAxis: {
      type: 'value',
      name: 'personer',
      axisLabel: { formatter: (value: number) => formatNumber(value, 0) },
    },
    series: data.bands.map((band, i) => ({
      type: 'line',
      name: `${band} år`,
      data: data.years.map((y) => y.change[band] ?? null),
      symbolSize: 6,
      lineStyle: { width: 2, type: 'solid' },
      ...(i === 0 && current !== null
        ? {
            markLine: {
              silent: true,
              symbol: 'none',
              label: { formatter: 'faktisk | prognose', position: 'insideEndTop' },
              lineStyle: { color: '#555', type: 'dashed' },
              data: [{ xAxis: current }],
            },
          }
        : {}),
    })),
  };
}
