/**
 * The ECharts parts only the lazy pages use (KPI detail, budget follow-up, budget balance,
 * benchmark): bars, tooltips and legends. Imported by those chunks, so the overview stays small.
 */
import { BarChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import { echarts } from './echarts';

echarts.use([BarChart, TooltipComponent, LegendComponent]);
