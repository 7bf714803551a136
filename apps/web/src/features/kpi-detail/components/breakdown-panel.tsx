import { type OrgUnit, type RollupView, rollupViewText } from '@lis/contracts';
import type { KpiDefinition } from '@lis/domain';
import { useMemo } from 'react';
import { EChart } from '../../../components/charts/echart';
import { ExportLinks } from '../../../components/ui/export-links';
import { ErrorMessage, Loading } from '../../../components/ui/query-state';
import type { ECElementEvent } from '../../../lib/echarts';
import { formatMonth } from '../../../lib/format';
import { navigate } from '../../../lib/navigation';
import { kpiHref } from '../../../lib/url-state';
import { breakdownExportUrl, useBreakdown } from '../api/get-breakdown';
import { breakdownChartHeight, breakdownLabel, buildBreakdownOption, sortBreakdownItems } from '../charts/breakdown';
import { BreakdownTable } from './breakdown-table';

/** The children of the unit side by side; a bar, a name or a table row leads one level down. */
export function BreakdownPanel({
  kpi,
  org,
  period,
  view,
}: {
  kpi: KpiDefinition;
  org: OrgUnit;
  period: string;
  view: RollupView;
}) {
  const input = { kpiId: kpi.id, org: org.id, period, view };
  const breakdown = useBreakdown(input);
  const items = breakdown.data?.items;
  const sorted = useMemo(() => sortBreakdownItems(items ?? []), [items]);
  const option = useMemo(() => buildBreakdownOption(sorted, kpi), [sorted, kpi]);
  const anyValue = sorted.some((item) => item.value !== null);

  const drillDown = (event: ECElementEvent) => {
    const index = event.componentType === 'series' ? event.dataIndex : sorted.map(breakdownLabel).indexOf(String(event.value));
    const item = sorted[index];
    if (item) navigate(kpiHref(kpi.id, item.org.id, period));
  };

  return (
    <section className="panel" aria-labelledby="breakdown-title">
      <div className="panel__header">
        <h2 id="breakdown-title">Fordelt på underenheder, {formatMonth(period)}</h2>
        {sorted.length > 0 && <ExportLinks what="fordelingen" urlFor={(format) => breakdownExportUrl(input, format)} />}
      </div>
      {breakdown.data && <p className="panel__note">{rollupViewText(breakdown.data.view).name}.</p>}
      {breakdown.isPending && <Loading label="Henter underenheder …" />}
      {breakdown.isError && <ErrorMessage error={breakdown.error} onRetry={() => breakdown.refetch()} />}
      {breakdown.isSuccess && sorted.length === 0 && (
        <p className="panel__note">{org.name} har ingen underenheder, du har adgang til.</p>
      )}
      {breakdown.isSuccess && sorted.length > 0 && (
        <>
          {anyValue && <p className="panel__note no-print">Klik på en søjle eller et navn for at gå et niveau ned.</p>}
          <EChart
            option={option}
            height={breakdownChartHeight(sorted.length)}
            loading={breakdown.isPlaceholderData}
            emptyText={anyValue ? null : `Ingen af underenhederne har tal for ${formatMonth(period)}.`}
            onItemClick={drillDown}
            testId="breakdown-chart"
          />
          <BreakdownTable items={sorted} kpi={kpi} org={org} period={period} />
        </>
      )}
    </section>
  );
}
