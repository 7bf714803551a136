import { useMemo } from 'react';
import { ErrorMessage, errorTitle, Loading } from '../../components/ui/query-state';
import { useMatrix } from '../../features/matrix/api/get-matrix';
import { useDashboard } from '../../features/overview/api/get-dashboard';
import { OverviewPage } from '../../features/overview/components/overview-page';
import { formatMonth, formatMonthLong } from '../../lib/format';
import { overviewHref, type Route } from '../../lib/url-state';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ScopeBar, ScopeBreadcrumb } from '../scope-bar';
import { useCanonicalUrl } from './use-canonical-url';

type OverviewRouteProps = Extract<Route, { page: 'overview' }>;

export function OverviewRoute(route: OverviewRouteProps) {
  const dashboard = useDashboard({ org: route.org, period: route.period });
  useCanonicalUrl(route, dashboard.data, dashboard.isPlaceholderData);
  const childStatuses = useChildStatuses(dashboard.data ? { org: dashboard.data.org.id, period: dashboard.data.period } : null);
  useDocumentTitle(
    dashboard.isError ? errorTitle(dashboard.error) : null,
    dashboard.data?.org.name,
    dashboard.data && formatMonth(dashboard.data.period),
  );

  if (dashboard.isPending) return <Loading label="Henter nøgletal …" />;
  if (dashboard.isError) return <ErrorMessage error={dashboard.error} onRetry={() => dashboard.refetch()} />;

  const { org, period, latestPeriod } = dashboard.data;
  const hrefFor = (scope: { org?: string; period?: string }) => overviewHref(scope.org ?? org.id, scope.period ?? period);
  return (
    <div aria-busy={dashboard.isFetching} className={dashboard.isPlaceholderData ? 'is-updating' : undefined}>
      <ScopeBreadcrumb orgId={org.id} hrefFor={hrefFor} />
      <header className="page-header">
        <h1>{org.name}</h1>
        <p className="page-header__sub">
          Månedsrapport for {formatMonthLong(period)} · {org.level}
        </p>
      </header>
      <ScopeBar
        orgId={org.id}
        period={period}
        latestPeriod={latestPeriod}
        hrefFor={hrefFor}
        showChildren
        childStatuses={childStatuses}
      />
      <OverviewPage dashboard={dashboard.data} />
    </div>
  );
}

/** Each child unit's worst status this month, as the matrix route gives it (the server judges, the chips show). */
function useChildStatuses(scope: { org: string; period: string } | null) {
  const matrix = useMatrix(scope);
  return useMemo(() => {
    if (!matrix.data || matrix.isPlaceholderData) return undefined;
    return new Map(matrix.data.rows.filter((row) => !row.own).map((row) => [row.org.id, row.worstStatus]));
  }, [matrix.data, matrix.isPlaceholderData]);
}
