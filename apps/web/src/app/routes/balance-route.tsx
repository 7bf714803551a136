import { periodYear } from '@lis/domain';
import { useQueries } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { ExportLinks } from '../../components/ui/export-links';
import { EmptyState, ErrorMessage, errorTitle, Loading } from '../../components/ui/query-state';
import { balanceExportUrl, balanceQueryOptions, useBalance } from '../../features/balance/api/get-balance';
import { type BudgetYearOption, BudgetYearPicker } from '../../features/balance/components/budget-year-picker';
import { useLatestBudgetPeriod } from '../../features/budget/api/get-follow-up';
import { ApiError } from '../../lib/api-client';
import { Link, navigate } from '../../lib/navigation';
import { type AppRoute, balanceHref } from '../../lib/url-state';
import { useDocumentTitle } from '../../lib/use-document-title';
import '../../features/kpi-detail/components/kpi-detail.css'; // panels and tables, shared with the KPI page

// Tables and the chart load on first visit: the overview stays small.
const BalancePage = lazy(() => import('../../features/balance/components/balance-page'));

type BalanceRouteProps = Extract<AppRoute, { page: 'balance' }>;

const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/**
 * The plan of a budget year for the whole municipality. Without a year: the plan for the year after
 * the latest month with actuals (the one being prepared), or that month's own year if there is none yet.
 */
export function BalanceRoute({ budgetYear }: BalanceRouteProps) {
  const latest = useLatestBudgetPeriod();
  const nextYear = latest === null ? null : periodYear(latest) + 1;
  const year = budgetYear ?? nextYear;
  const balance = useBalance(year);
  const options = useYearOptions(nextYear, year);
  useDocumentTitle(balance.isError ? errorTitle(balance.error) : null, 'Budgetbalance', year === null ? null : `B${year}`);

  useEffect(() => {
    if (budgetYear !== null || nextYear === null || balance.isPlaceholderData) return;
    if (balance.isSuccess) navigate(balanceHref(nextYear), { replace: true });
    else if (balance.isError && isNotFound(balance.error)) navigate(balanceHref(nextYear - 1), { replace: true });
  }, [budgetYear, nextYear, balance.isSuccess, balance.isError, balance.error, balance.isPlaceholderData]);

  if (year === null || balance.isPending) return <Loading label="Henter budgetbalance …" />;
  return (
    <div aria-busy={balance.isFetching} className={balance.isPlaceholderData ? 'is-updating' : undefined}>
      <header className="page-header">
        <h1>Budgetbalance</h1>
        <p className="page-header__sub">
          Budget {year} med overslagsår {year + 1}–{year + 3} · hele kommunen
        </p>
      </header>
      <div className="scope-bar">
        <BudgetYearPicker value={year} options={options} hrefFor={balanceHref} />
        {balance.isSuccess && <ExportLinks what="budgetbalancen" urlFor={(format) => balanceExportUrl(year, format)} />}
      </div>
      {balance.isError && isNotFound(balance.error) ? (
        <EmptyState title={`Der er ingen budgetplan for ${year}`}>
          <p>
            <Link href={balanceHref(null)}>Gå til den seneste plan</Link>
          </p>
        </EmptyState>
      ) : balance.isError ? (
        <ErrorMessage error={balance.error} onRetry={() => balance.refetch()} />
      ) : (
        <Suspense fallback={<Loading label="Henter siden …" />}>
          <BalancePage balance={balance.data} updating={balance.isPlaceholderData} />
        </Suspense>
      )}
    </div>
  );
}

/**
 * The API does not list the years that have a plan, so the picker asks for the few years around
 * the current one (cached, small answers) and marks those without a plan.
 */
function useYearOptions(nextYear: number | null, current: number | null): BudgetYearOption[] {
  const years = nextYear === null ? [] : [nextYear - 2, nextYear - 1, nextYear];
  if (current !== null && !years.includes(current)) years.push(current);
  years.sort((a, b) => b - a);
  const results = useQueries({ queries: years.map((year) => balanceQueryOptions(year)) });
  return years.map((year, index) => {
    const result = results[index];
    return { year, hasPlan: result?.isSuccess ? true : result?.isError && isNotFound(result.error) ? false : null };
  });
}
