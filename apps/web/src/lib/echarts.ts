/**
 * ECharts, tree-shaken: only what the option builders use. The overview needs line charts only;
 * bars, tooltips and legends are registered by echarts-detail.ts in the lazy page chunks.
 * SVG renders crisply in print and keeps many small sparklines cheap.
 */
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { LineChart } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { AriaComponent, GridComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, MarkLineComponent, AriaComponent, SVGRenderer]);

export type { ECElementEvent, EChartsType } from 'echarts/core';
export { echarts };

/** What the option builders may produce: exactly the registered parts. */
export type ChartOption = echarts.ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | AriaComponentOption
>;
