/**
 * The only component that touches ECharts: init, setOption, resize (ResizeObserver and print),
 * dispose, aria, and loading/empty states. Options come from pure builders in features/x/charts.
 */
import { useEffect, useRef } from 'react';
import { type ChartOption, type ECElementEvent, type EChartsType, echarts } from '../../lib/echarts';

interface EChartProps {
  option: ChartOption;
  /** CSS height; the width follows the container */
  height: number | string;
  loading?: boolean;
  /** shown instead of the chart when set, e.g. 'Ingen data for perioden' */
  emptyText?: string | null;
  onItemClick?: (event: ECElementEvent) => void;
  className?: string;
  testId?: string;
}

export function EChart({ option, height, loading = false, emptyText = null, onItemClick, className, testId }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;
  const showChart = emptyText === null;

  useEffect(() => {
    const container = containerRef.current;
    if (!showChart || !container) return;
    const chart = echarts.init(container, null, { renderer: 'svg' });
    chartRef.current = chart;
    chart.on('click', (event) => clickRef.current?.(event));
    const resize = () => chart.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(container);
    // The printed page is narrower than the screen, and a ResizeObserver does not fire before printing.
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
      chart.dispose();
      chartRef.current = null;
    };
  }, [showChart]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: showChart: a chart created anew gets the option too
  useEffect(() => {
    const aria = { enabled: true, ...(option.aria as object | undefined) };
    chartRef.current?.setOption({ ...option, aria }, { notMerge: true });
  }, [option, showChart]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: showChart: a chart created anew shows the loading state too
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    if (loading) chart.showLoading('default', { text: 'Henter …', color: '#1f5f99', textColor: '#333' });
    else chart.hideLoading();
  }, [loading, showChart]);

  // Distinct keys: ECharts owns the chart's element, so the message must not reuse it.
  if (!showChart) {
    return (
      <div key="empty" className={`chart-empty ${className ?? ''}`} style={{ minHeight: height }} data-testid={testId}>
        {emptyText}
      </div>
    );
  }
  return <div key="chart" ref={containerRef} className={`chart ${className ?? ''}`} style={{ height }} data-testid={testId} />;
}
