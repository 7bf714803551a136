import { lazy, Suspense, useEffect } from 'react';
import { ExportLinks } from '../../components/ui/export-links';
import { EmptyState, ErrorMessage, errorTitle, Loading } from '../../components/ui/query-state';
import { balanceExportUrl, useBalance } from '../../features/balance/api/get-balance';
import { useBudgetPlans } from '../../features/balance/api/get-plans';
import { BudgetYearPicker } from '../../features/balance/components/budget-year-picker';
import { budgetYearOptions } from '../../features/balance/lib/year-options';
import { isApiError } from '../../lib/api-client';
import { Link, navigate } from '../../lib/navigation';
import { type AppRoute, balanceHref } from '../../lib/url-state';
import { useDocumentTitle } from '../../lib/use-document-title';

// Tables and the chart load on first visit: the overview stays small.
const BalancePage = lazy(() => import('../../features/balance/components/balance-page'));

type BalanceRouteProps = Extract<AppRoute, { page: 'balance' }>;

/**
 * The plan of a budget year for the whole municipality. Without a year: the newest plan (the one
 * being prepared, or this year's), then named in the URL. The picker offers the years with a plan.
 */
export function BalanceRoute({ budgetYear }: BalanceRouteProps) {
  const plans = useBudgetPlans();
  const newest = plans.data?.[0] ?? null;
  const year = budgetYear ?? newest;
  // A year the API has no plan for is not asked for (a plan loaded since then shows on the next visit).
  const noPlan = year !== null && plans.isSuccess && !plans.data.includes(year);
  const balance = useBalance(noPlan ? null : year);
  const notFound = noPlan || isApiError(balance.error, 'not_found');
  const options = budgetYearOptions(plans.data, year);
  const failed = notFound ? null : (plans.error ?? balance.error);
  useDocumentTitle(
    notFound ? 'Findes ikke' : failed ? errorTitle(failed) : null,
    'Budgetbalance',
    year === null ? null : `B${year}`,
  );

  useEffect(() => {
    if (budgetYear === null && newest !== null) navigate(balanceHref(newest), { replace: true });
  }, [budgetYear, newest]);

  if (year === null && plans.isError) return <ErrorMessage error={plans.error} onRetry={() => plans.refetch()} />;
  if (year === null && plans.isSuccess)
    return (
      <div>
        <BalanceHeader year={null} />
        <EmptyState title="Der er ingen budgetplaner endnu">
          <p>Budgetbalancen vises, når den første budgetplan er indlæst.</p>
        </EmptyState>
      </div>
    );
  if (year === null || (!notFound && balance.isPending)) return <Loading label="Henter budgetbalance …" />;
  return (
    <div aria-busy={balance.isFetching} className={balance.isPlaceholderData ? 'is-updating' : undefined}>
      <BalanceHeader year={year} />
      <div className="scope-bar">
        <BudgetYearPicker value={year} options={options} hrefFor={balanceHref} />
        {balance.isSuccess && !notFound && (
          <ExportLinks what="budgetbalancen" urlFor={(format) => balanceExportUrl(year, format)} />
        )}
      </div>
      {notFound ? (
        <EmptyState title={`Der er ingen budgetplan for ${year}`}>
          {newest !== null && newest !== year && (
            <p>
              <Link href={balanceHref(newest)}>Gå til den seneste plan (budget {newest})</Link>
            </p>
          )}
        </EmptyState>
      ) : balance.isError ? (
        <ErrorMessage error={balance.error} onRetry={() => balance.refetch()} />
      ) : (
        balance.isSuccess && (
          <Suspense fallback={<Loading label="Henter siden …" />}>
            <BalancePage balance={balance.data} updating={balance.isPlaceholderData} />
          </Suspense>
        )
      )}
    </div>
  );
}

function BalanceHeader({ year }: { year: number | null }) {
  return (
    <header className="page-header">
      <h1>Budgetbalance</h1>
      <p className="page-header__sub">
        {year === null ? (
          'Hele kommunen'
        ) : (
          <>
            Budget {year} med overslagsår {year + 1}–{year + 3} · hele kommunen
          </>
        )}
      </p>
    </header>
  );
}
