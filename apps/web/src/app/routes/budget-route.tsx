import type { FollowUp } from '@lis/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { ErrorMessage, errorTitle, Loading } from '../../components/ui/query-state';
import { followUpQueryOptions, useFollowUp } from '../../features/budget/api/get-follow-up';
import { formatMonth, formatMonthLong } from '../../lib/format';
import { navigate } from '../../lib/navigation';
import { budgetHref, type Route } from '../../lib/url-state';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ScopeBar, ScopeBreadcrumb } from '../scope-bar';

// Tables and the chart load on first visit: the overview stays small.
const BudgetPage = lazy(() => import('../../features/budget/components/budget-page'));

type BudgetRouteProps = Extract<Route, { page: 'budget' }>;

export function BudgetRoute(route: BudgetRouteProps) {
  const followUp = useFollowUp({ org: route.org, period: route.period });
  useCanonicalBudgetUrl(route, followUp.data, followUp.isPlaceholderData);
  useDocumentTitle(
    followUp.isError ? errorTitle(followUp.error) : null,
    'Budgetopfølgning',
    followUp.data?.org.name,
    followUp.data && formatMonth(followUp.data.period),
  );

  if (followUp.isPending) return <Loading label="Henter budgetopfølgning …" />;
  if (followUp.isError) return <ErrorMessage error={followUp.error} onRetry={() => followUp.refetch()} />;

  const { org, period, latestPeriod } = followUp.data;
  const hrefFor = (scope: { org?: string; period?: string }) =>
    budgetHref(scope.org ?? org.id, scope.period ?? period, route.account);
  return (
    <div aria-busy={followUp.isFetching} className={followUp.isPlaceholderData ? 'is-updating' : undefined}>
      <ScopeBreadcrumb orgId={org.id} hrefFor={hrefFor} />
      <header className="page-header">
        <h1>Budgetopfølgning</h1>
        <p className="page-header__sub">
          {org.name} · {formatMonthLong(period)} · {org.level}
        </p>
      </header>
      <ScopeBar orgId={org.id} period={period} latestPeriod={latestPeriod} hrefFor={hrefFor} />
      <Suspense fallback={<Loading label="Henter siden …" />}>
        <BudgetPage followUp={followUp.data} account={route.account} updating={followUp.isPlaceholderData} />
      </Suspense>
    </div>
  );
}

/** '/budget' means "my unit, latest month" until the answer says which; then the URL names both. */
function useCanonicalBudgetUrl(route: BudgetRouteProps, followUp: FollowUp | undefined, isPlaceholder: boolean) {
  const queryClient = useQueryClient();
  const complete = route.org !== null && route.period !== null;
  useEffect(() => {
    if (complete || !followUp || isPlaceholder) return;
    const scope = { org: followUp.org.id, period: followUp.period };
    queryClient.setQueryData(followUpQueryOptions(scope).queryKey, followUp); // no second request
    navigate(budgetHref(scope.org, scope.period, route.account), { replace: true });
  }, [complete, followUp, isPlaceholder, queryClient, route]);
}
