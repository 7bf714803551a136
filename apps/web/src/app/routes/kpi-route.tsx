import { findKpi, withAmountsInMillions } from '@lis/domain';
import { lazy, Suspense } from 'react';
import { EmptyState, ErrorMessage, errorTitle, Loading } from '../../components/ui/query-state';
import { useDashboard } from '../../features/overview/api/get-dashboard';
import { formatMonth, formatMonthLong } from '../../lib/format';
import { Link } from '../../lib/navigation';
import { kpiHref, overviewHref, type Route } from '../../lib/url-state';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ScopeBar, ScopeBreadcrumb } from '../scope-bar';
import { useCanonicalUrl } from './use-canonical-url';

// The detail page (trend, breakdown, tables) loads on first visit: the overview stays small.
const KpiDetailPage = lazy(() => import('../../features/kpi-detail/components/kpi-detail-page'));

type KpiRouteProps = Extract<Route, { page: 'kpi' }>;

export function KpiRoute(route: KpiRouteProps) {
  const kpi = findKpi(route.kpiId);
  // The dashboard (usually cached from the overview) gives the unit, the month, status and tolerance.
  const dashboard = useDashboard({ org: route.org, period: route.period });
  useCanonicalUrl(route, dashboard.data, dashboard.isPlaceholderData);
  useDocumentTitle(
    dashboard.isError ? errorTitle(dashboard.error) : null,
    kpi?.name,
    dashboard.data?.org.name,
    dashboard.data && formatMonth(dashboard.data.period),
  );

  if (!kpi) {
    return (
      <EmptyState title="Nøgletallet findes ikke">
        <p>Der er ikke noget nøgletal med id “{route.kpiId}”.</p>
        <p>
          <Link href={overviewHref(route.org, route.period)}>Gå til oversigten</Link>
        </p>
      </EmptyState>
    );
  }
  if (dashboard.isPending) return <Loading label="Henter nøgletal …" />;
  if (dashboard.isError) return <ErrorMessage error={dashboard.error} onRetry={() => dashboard.refetch()} />;

  const { org, period, latestPeriod } = dashboard.data;
  const indicator = dashboard.data.indicators.find((candidate) => candidate.kpiId === kpi.id);
  const hrefFor = (scope: { org?: string; period?: string }) => kpiHref(kpi.id, scope.org ?? org.id, scope.period ?? period);
  return (
    <div aria-busy={dashboard.isFetching} className={dashboard.isPlaceholderData ? 'is-updating' : undefined}>
      <ScopeBreadcrumb orgId={org.id} hrefFor={hrefFor} />
      <header className="page-header">
        <p className="page-header__back">
          <Link href={overviewHref(org.id, period)}>‹ Oversigt for {org.name}</Link>
        </p>
        <h1>{kpi.name}</h1>
        <p className="page-header__sub">
          {org.name} · {formatMonthLong(period)}
        </p>
      </header>
      <ScopeBar orgId={org.id} period={period} latestPeriod={latestPeriod} hrefFor={hrefFor} />
      {indicator ? (
        <Suspense fallback={<Loading label="Henter siden …" />}>
          <KpiDetailPage kpi={withAmountsInMillions(kpi)} indicator={indicator} org={org} period={period} />
        </Suspense>
      ) : (
        <EmptyState title={`${kpi.name} opgøres ikke for ${org.name}`}>
          <p>Nøgletallet opgøres kun for kommunen som helhed.</p>
        </EmptyState>
      )}
    </div>
  );
}
