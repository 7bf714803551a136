import { ErrorMessage, errorTitle, Loading } from '../../components/ui/query-state';
import { useMatrix } from '../../features/matrix/api/get-matrix';
import { MatrixPage } from '../../features/matrix/components/matrix-page';
import { formatMonth, formatMonthLong } from '../../lib/format';
import { useMe } from '../../lib/me';
import { useOrgTree } from '../../lib/org-units';
import { type AppRoute, matrixHref } from '../../lib/url-state';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ScopeBar, ScopeBreadcrumb } from '../scope-bar';

type MatrixRouteProps = Extract<AppRoute, { page: 'matrix' }>;

export function MatrixRoute(route: MatrixRouteProps) {
  const me = useMe().data;
  const root = useOrgTree().data?.roots[0]?.id ?? null;
  // Without a unit in the address: the caller's own unit, as the overview opens on.
  const org = route.org ?? me?.orgIds?.[0] ?? root;
  const matrix = useMatrix(org === null ? null : { org, period: route.period });
  useDocumentTitle(
    matrix.isError ? errorTitle(matrix.error) : null,
    matrix.data && `Matrix · ${matrix.data.org.name}`,
    matrix.data && formatMonth(matrix.data.period),
  );

  if (matrix.isPending) return <Loading label="Henter matrix …" />;
  if (matrix.isError) return <ErrorMessage error={matrix.error} onRetry={() => matrix.refetch()} />;

  const { org: unit, period, latestPeriod } = matrix.data;
  const hrefFor = (scope: { org?: string; period?: string }) => matrixHref(scope.org ?? unit.id, scope.period ?? period);
  return (
    <div aria-busy={matrix.isFetching} className={matrix.isPlaceholderData ? 'is-updating' : undefined}>
      <ScopeBreadcrumb orgId={unit.id} hrefFor={hrefFor} />
      <header className="page-header">
        <h1>Alle enheder × nøgletal: {unit.name}</h1>
        <p className="page-header__sub">
          {formatMonthLong(period)} · {unit.level} og underenheder
        </p>
      </header>
      <ScopeBar orgId={unit.id} period={period} latestPeriod={latestPeriod} hrefFor={hrefFor} />
      <MatrixPage matrix={matrix.data} />
    </div>
  );
}
