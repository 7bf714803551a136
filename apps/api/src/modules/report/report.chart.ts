import type { Series } from '@lis/contracts';
import { formatMonth, formatNumber, type KpiDefinition } from '@lis/domain';
import * as echarts from 'echarts';

/**
 * A KPI's months with its target as an SVG line chart, drawn by ECharts on the server (no DOM) so
 * the PDF embeds it as vectors. Labels are Danish: 'dec. 2015', '5,4'.
 */
export function trendChartSvg(kpi: KpiDefinition, points: Series['points'], width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'Helvetica', fontSize: 10 },
      grid: { left: 56, right: 16, top: 32, bottom: 40 },
      legend: { top: 0, data: ['Værdi', 'Mål'] },
      xAxis: { type: 'category', data: points.map((p) => formatMonth(p.period)), axisLabel: { fontSize: 9 } },
      yAxis: {
        type: 'value',
        // not from zero, but with room below and above, so neither line nor target lies on the frame
        scale: true,
        boundaryGap: ['15%', '15%'],
        axisLabel: { formatter: (value: number) => formatNumber(value, Math.min(kpi.decimals, 1)) },
      },
      series: [
        {
          name: 'Værdi',
          type: 'line',
          data: points.map((p) => p.value),
          color: '#1f4e79',
          lineStyle: { width: 2 },
          symbolSize: 5,
          connectNulls: false,
        },
        {
          name: 'Mål',
          type: 'line',
          data: points.map((p) => p.target),
          color: '#6b6b6b',
          lineStyle: { type: 'dashed', width: 1.5 },
          symbol: 'none',
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose(); // releases ECharts' timers, which would otherwise keep the process alive
  }
}
