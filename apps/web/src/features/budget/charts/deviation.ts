import type { FollowUp } from '@lis/contracts';
import { amountUnitFor } from '@lis/domain';
import type { ChartOption } from '../../../lib/echarts';
import { formatMillionKroner, formatMonth, formatMonthLong, formatNumber } from '../../../lib/format';

export interface DeviationInput {
  months: FollowUp['months'];
  /** the month followed up: nothing after it is drawn */
  period: string;
  /** the year's corrected budget, what a forecast is measured against */
  correctedBudget: number;
}

export interface DeviationPoint {
  period: string;
  /** cumulative actual − cumulative phased budget (+ = merforbrug so far); null after the month followed up */
  toDate: number | null;
  /** forventet regnskab − korrigeret budget (domain.md §3) in a month a forecast was made, else null */
  forecast: number | null;
}

const COLORS = { over: '#b3261e', under: '#2e7d32', forecast: '#b04a00' };

/**
 * The deviation month by month up to the month followed up. A forecast counts as made in a month
 * when the forecast as it stood changed from the month before (the first one included): between
 * budgetopfølgninger it stands unchanged.
 */
export function deviationPoints({ months, period, correctedBudget }: DeviationInput): DeviationPoint[] {
  return months.map((month, i) => {
    if (month.period > period) return { period: month.period, toDate: null, forecast: null };
    const before = i === 0 ? null : (months[i - 1]?.forecast ?? null);
    const made = month.forecast !== null && month.forecast !== before;
    return {
      period: month.period,
      toDate: month.cumulativeActual - month.cumulativePhasedBudget,
      forecast: made && month.forecast !== null ? month.forecast - correctedBudget : null,
    };
  });
}

const shortMonth = (period: string): string => formatMonth(period).replace(/\s*\d{4}$/, '');
/** A small unit's deviations are below 10 mio. kr.: one decimal, so the axis does not read '0 mio.' at every step. */
// an axis step that a table would write in 1.000 kr. keeps one decimal in mio.
const millions = (value: number) => `${formatNumber(value / 1_000_000, amountUnitFor([value]) === 'thousand' ? 1 : 0)} mio.`;

/**
 * Drift's deviation over the year: per month the cumulative actual against the cumulative phased
 * budget as bars (above zero merforbrug so far, red; below mindreforbrug, green), and at the
 * months a forecast was made its deviation (forecast − corrected budget) as points.
 */
export function buildDeviationOption(input: DeviationInput): ChartOption {
  const points = deviationPoints(input);
  return {
    aria: { enabled: true, label: { description: describe(points) } },
    grid: { left: 8, right: 24, top: 48, bottom: 8, outerBoundsMode: 'same' },
    legend: { top: 0, left: 0, data: ['Afvigelse år til dato', 'Forventet afvigelse for året (BO)'] },
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => formatMillionKroner(value as number | null) },
    xAxis: { type: 'category', data: points.map((p) => p.period), axisLabel: { formatter: shortMonth } },
    yAxis: { type: 'value', axisLabel: { formatter: millions } },
    series: [
      {
        id: 'to-date',
        name: 'Afvigelse år til dato',
        type: 'bar',
        barMaxWidth: 24,
        itemStyle: { color: COLORS.over },
        data: points.map((p) =>
          p.toDate === null ? null : { value: p.toDate, itemStyle: { color: p.toDate > 0 ? COLORS.over : COLORS.under } },
        ),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: '#2b2b2b', width: 1 },
          label: { show: false },
          data: [{ yAxis: 0 }],
        },
      },
      {
        id: 'forecast',
        name: 'Forventet afvigelse for året (BO)',
        type: 'line',
        symbol: 'diamond',
        symbolSize: 12,
        connectNulls: true,
        lineStyle: { color: COLORS.forecast, type: 'dashed', width: 2 },
        itemStyle: { color: COLORS.forecast },
        data: points.map((p) => p.forecast),
      },
    ],
  };
}

function describe(points: readonly DeviationPoint[]): string {
  const shown = points.filter((p) => p.toDate !== null);
  const last = shown.at(-1);
  if (!last) return 'Ingen måneder at vise.';
  const forecasts = points
    .filter((p) => p.forecast !== null)
    .map((p) => `${formatMonthLong(p.period)} ${formatMillionKroner(p.forecast)}`);
  return `Afvigelse for drift, + er merforbrug: år til dato til og med ${formatMonthLong(last.period)} ${formatMillionKroner(last.toDate)}; forventet afvigelse for året ved budgetopfølgningerne: ${forecasts.length === 0 ? 'ingen endnu' : forecasts.join(', ')}`;
}
