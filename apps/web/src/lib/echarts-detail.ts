/** The ECharts parts only the KPI detail page uses; imported by that lazy chunk, so the overview stays small. */
import { BarChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import { echarts } from './echarts';

echarts.use([BarChart, TooltipComponent, LegendComponent]);
