import type { Dashboard, KpiStatusValue } from '@lis/contracts';
import { useMemo, useState } from 'react';
import { MissingExplanations } from '../../../components/explanations/missing-explanations';
import { TileExplanationsProvider } from '../../../components/explanations/tile-explanations';
import { ExportLinks } from '../../../components/ui/export-links';
import { EmptyState } from '../../../components/ui/query-state';
import { useExplanations } from '../../../lib/explanations';
import { formatDate, formatMonthLong } from '../../../lib/format';
import { Link } from '../../../lib/navigation';
import { matrixHref, overviewHref } from '../../../lib/url-state';
import { dashboardExportUrl } from '../api/get-dashboard';
import { reportUrl } from '../api/get-report';
import { groupByTheme, isSilent } from '../lib/group-by-theme';
import { exceptionsOf } from '../lib/status-counts';
import { ExceptionsList } from './exceptions-list';
import { ExceptionsStrip } from './exceptions-strip';
import { SilentKpis } from './silent-kpis';
import { ThemeSection } from './theme-section';
import './overview.css';

const today = () => new Date().toLocaleDateString('sv-SE'); // YYYY-MM-DD in local time

/** Every KPI of a unit for a month under the strategy's themes; prints as the monthly management report. */
export function OverviewPage({ dashboard }: { dashboard: Dashboard }) {
  const { org, period, latestPeriod, indicators } = dashboard;
  const [statusFilter, setStatusFilter] = useState<KpiStatusValue | null>(null);
  const groups = useMemo(
    () => groupByTheme(indicators.filter((i) => !isSilent(i) && (statusFilter === null || i.status === statusFilter))),
    [indicators, statusFilter],
  );
  const silent = useMemo(() => indicators.filter(isSilent), [indicators]);
  const exceptions = useMemo(() => exceptionsOf(indicators), [indicators]);
  const noValues = indicators.every((indicator) => indicator.value === null && indicator.status !== 'suppressed');
  // Months after the latest delivery show only carried-forward survey figures: say so.
  const afterLatest = latestPeriod !== null && period > latestPeriod;
  const explanations = useExplanations({ org: org.id, period });
  return (
    <div className="overview">
      <p className="print-only print-header">
        Ledelsesinformation · Månedsrapport for {org.name} · {formatMonthLong(period)} · udskrevet {formatDate(today())}
      </p>
      <div className="toolbar no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          Udskriv månedsrapport
        </button>
        <ExportLinks what="oversigten" urlFor={(format) => dashboardExportUrl(org.id, period, format)} />
        <a className="button button--small" href={reportUrl(org.id, period)} download data-testid="report-link">
          Hent månedsrapport (PDF)
        </a>
        <Link href={matrixHref(org.id, period)} data-testid="matrix-link">
          Matrix: alle enheder × nøgletal
        </Link>
      </div>
      {(noValues || afterLatest) && (
        <EmptyState title={`Ingen data for ${formatMonthLong(period)}`}>
          <p>
            Der er ikke leveret tal for {org.name} for denne måned
            {afterLatest && !noValues ? '; kun målinger, der gælder flere måneder, vises' : ''}.
          </p>
          {latestPeriod && latestPeriod !== period && (
            <p>
              <Link href={overviewHref(org.id, latestPeriod)}>
                Gå til seneste måned med data ({formatMonthLong(latestPeriod)})
              </Link>
            </p>
          )}
        </EmptyState>
      )}
      {!noValues && (
        <>
          <ExceptionsStrip indicators={indicators} selected={statusFilter} onSelect={setStatusFilter} />
          {statusFilter === null && <ExceptionsList exceptions={exceptions} orgId={org.id} period={period} />}
        </>
      )}
      {!noValues && <MissingExplanations period={period} />}
      {!noValues && (
        <TileExplanationsProvider explanations={explanations.data?.items ?? []}>
          <div className="themes">
            {groups.map((group) => (
              <ThemeSection key={group.theme} group={group} orgId={org.id} period={period} />
            ))}
            {(statusFilter === null || statusFilter === 'no_data') && (
              <SilentKpis indicators={silent} orgId={org.id} orgName={org.name} period={period} />
            )}
          </div>
        </TileExplanationsProvider>
      )}
    </div>
  );
}
