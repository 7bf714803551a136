import { type OrgUnit, type RollupView, rollupViewText } from '@lis/contracts';
import { addMonths, type KpiDefinition } from '@lis/domain';
import { useMemo } from 'react';
import { EChart } from '../../../components/charts/echart';
import { ExportLinks } from '../../../components/ui/export-links';
import { ErrorMessage } from '../../../components/ui/query-state';
import { useExplanations } from '../../../lib/explanations';
import { seriesExportUrl, useSeries } from '../api/get-series';
import { buildTrendOption } from '../charts/trend';
import { TrendTable } from './trend-table';

const MONTHS = 24;

/** Two years up to the month: value, target, tolerance band and last year, with the numbers as a table. */
export function TrendPanel({
  kpi,
  org,
  period,
  tolerance,
  view,
}: {
  kpi: KpiDefinition;
  org: OrgUnit;
  period: string;
  tolerance: number | null;
  view: RollupView;
}) {
  const input = { kpiId: kpi.id, org: org.id, from: addMonths(period, -(MONTHS - 1)), to: period, view };
  const series = useSeries(input);
  const points = series.data?.points;
  const explained = useExplanations({ org: org.id, kpi: kpi.id }).data?.items;
  const explanations = useMemo(() => new Map((explained ?? []).map((e) => [e.period, e.text])), [explained]);
  const option = useMemo(
    () => buildTrendOption({ points: points ?? [], kpi, tolerance, explanations }),
    [points, kpi, tolerance, explanations],
  );
  const hasValues = points?.some((point) => point.value !== null) ?? true;
  return (
    <section className="panel" aria-labelledby="trend-title">
      <div className="panel__header">
        <h2 id="trend-title">Udvikling de seneste {MONTHS} måneder</h2>
        <ExportLinks what="udviklingen" urlFor={(format) => seriesExportUrl(input, format)} />
      </div>
      {series.data && <p className="panel__note">{rollupViewText(series.data.view).name}, også sidste år.</p>}
      {series.isError ? (
        <ErrorMessage error={series.error} onRetry={() => series.refetch()} />
      ) : (
        <EChart
          option={option}
          height={340}
          loading={series.isPending || series.isPlaceholderData}
          emptyText={hasValues ? null : 'Ingen tal at vise for perioden'}
          testId="kpi-detail-chart"
        />
      )}
      {points && <TrendTable points={points} kpi={kpi} />}
    </section>
  );
}
