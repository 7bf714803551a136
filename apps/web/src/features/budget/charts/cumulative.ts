import type { FollowUp } from '@lis/contracts';
import type { ChartOption } from '../../../lib/echarts';
import { formatDkk, formatMonth, formatMonthLong, formatNumber } from '../../../lib/format';

export interface CumulativeInput {
  months: FollowUp['months'];
  /** the month followed up: actuals are drawn up to it */
  period: string;
  /** the latest expected year result (forventet regnskab); null before the first forecast */
  forecast: number | null;
  forecastMadeIn: string | null;
  correctedBudget: number;
}

const COLORS = { actual: '#1f5f99', budget: '#5b7083', forecast: '#b04a00', lastYear: '#8a8f98' };

const shortMonth = (period: string): string => formatMonth(period).replace(/\s*\d{4}$/, '');
const millions = (value: number) => `${formatNumber(value / 1_000_000, 0)} mio.`;

/**
 * Drift for the year month by month: cumulative actuals up to the month, the cumulative phased
 * budget for the whole year, and the forecast as a dashed line from the latest actual to the
 * expected year result in December. The corrected budget for the year is the line to land on.
 * Last year's cumulative actuals, for the whole year, dotted, to read this year against.
 */
export function buildCumulativeOption({
  months,
  period,
  forecast,
  forecastMadeIn,
  correctedBudget,
}: CumulativeInput): ChartOption {
  const index = months.findIndex((month) => month.period === period);
  const last = months.length - 1;
  const forecastLabel = forecastMadeIn ? `Forventet regnskab (BO ${formatMonth(forecastMadeIn)})` : 'Forventet regnskab';
  const lastYearLabel = 'Forbrug sidste år, akkumuleret';
  return {
    aria: { enabled: true, label: { description: describe(months, index, forecast, correctedBudget) } },
    grid: { left: 8, right: 24, top: 64, bottom: 8, outerBoundsMode: 'same' },
    legend: { top: 0, left: 0, data: ['Forbrug, akkumuleret', 'Periodiseret budget, akkumuleret', forecastLabel, lastYearLabel] },
    tooltip: { trigger: 'axis', formatter: (params: unknown) => cumulativeTooltip(params, months, index) },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: months.map((month) => month.period),
      axisLabel: { formatter: shortMonth },
    },
    yAxis: { type: 'value', axisLabel: { formatter: millions } },
    series: [
      {
        id: 'budget',
        name: 'Periodiseret budget, akkumuleret',
        type: 'line',
        symbol: 'none',
        lineStyle: { color: COLORS.budget, width: 2 },
        itemStyle: { color: COLORS.budget },
        data: months.map((month) => month.cumulativePhasedBudget),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: COLORS.budget, type: 'dotted', width: 1 },
          label: { position: 'insideStartTop', formatter: `Korrigeret budget ${formatDkk(correctedBudget)}` },
          data: [{ yAxis: correctedBudget }],
        },
      },
      {
        id: 'last-year',
        name: lastYearLabel,
        type: 'line',
        symbol: 'none',
        lineStyle: { color: COLORS.lastYear, width: 2, type: 'dotted' },
        itemStyle: { color: COLORS.lastYear },
        data: months.map((month) => month.cumulativeActualLastYear),
      },
      {
        id: 'actual',
        name: 'Forbrug, akkumuleret',
        type: 'line',
        z: 5,
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { color: COLORS.actual, width: 3 },
        itemStyle: { color: COLORS.actual },
        data: months.map((month, i) => (i <= index ? month.cumulativeActual : null)),
      },
      {
        id: 'forecast',
        name: forecastLabel,
        type: 'line',
        symbol: 'circle',
        symbolSize: 7,
        connectNulls: true,
        lineStyle: { color: COLORS.forecast, width: 2, type: 'dashed' },
        itemStyle: { color: COLORS.forecast },
        data: months.map((month, i) => {
          if (forecast === null || index < 0) return null;
          if (i === last) return forecast;
          return i === index ? month.cumulativeActual : null;
        }),
      },
    ],
  };
}

interface AxisParam {
  dataIndex: number;
}

function cumulativeTooltip(params: unknown, months: CumulativeInput['months'], index: number): string {
  const i = (params as AxisParam[])[0]?.dataIndex ?? 0;
  const month = months[i];
  if (!month) return '';
  const lines = [
    `<strong>${formatMonthLong(month.period)}</strong>`,
    i <= index ? `Forbrug, akkumuleret: ${formatDkk(month.cumulativeActual)}` : 'Forbrug: endnu ikke bogført',
    `Periodiseret budget, akkumuleret: ${formatDkk(month.cumulativePhasedBudget)}`,
    `Forbrug sidste år, akkumuleret: ${formatDkk(month.cumulativeActualLastYear)}`,
    i <= index ? `Forbrug i måneden: ${formatDkk(month.actual)}` : null,
    `Budget i måneden: ${formatDkk(month.phasedBudget)}`,
  ];
  return lines.filter((line) => line !== null).join('<br>');
}

function describe(months: CumulativeInput['months'], index: number, forecast: number | null, correctedBudget: number): string {
  const month = months[index];
  if (!month) return 'Ingen måneder at vise.';
  const expected = forecast === null ? 'ingen prognose endnu' : `forventet regnskab ${formatDkk(forecast)}`;
  // No closing full stop: amounts end in 'kr.' already.
  return `Drift akkumuleret til og med ${formatMonthLong(month.period)}: forbrug ${formatDkk(month.cumulativeActual)} mod periodiseret budget ${formatDkk(month.cumulativePhasedBudget)}; korrigeret budget for året ${formatDkk(correctedBudget)}, ${expected}`;
}
