import { useEffect } from 'react';
import { EmptyState, Loading } from '../../components/ui/query-state';
import { useMe } from '../../features/auth/api/get-me';
import { Link, navigate, useLocationHref } from '../../lib/navigation';
import { FEEDS_PATH, parseRoute } from '../../lib/url-state';
import { useDocumentTitle } from '../../lib/use-document-title';
import { BalanceRoute } from './balance-route';
import { BenchmarkRoute } from './benchmark-route';
import { BudgetRoute } from './budget-route';
import { FeedsRoute } from './feeds-route';
import { KpiRoute } from './kpi-route';
import { OverviewRoute } from './overview-route';

/** The page for the current URL. */
export function AppRoutes() {
  const url = new URL(useLocationHref(), window.location.origin);
  const route = parseRoute(url.pathname, url.search);
  // A data supplier may only send files: every address leads to the upload page.
  const onlyFeeds = useMe().data?.role === 'feeder' && route.page !== 'feeds';
  useEffect(() => {
    if (onlyFeeds) navigate(FEEDS_PATH, { replace: true });
  }, [onlyFeeds]);
  if (onlyFeeds) return <Loading label="Åbner leverancer …" />;
  switch (route.page) {
    case 'overview':
      return <OverviewRoute {...route} />;
    case 'kpi':
      return <KpiRoute {...route} />;
    case 'budget':
      return <BudgetRoute {...route} />;
    case 'balance':
      return <BalanceRoute {...route} />;
    case 'benchmark':
      return <BenchmarkRoute {...route} />;
    case 'feeds':
      return <FeedsRoute />;
    case 'not_found':
      return <NotFound />;
  }
}

function NotFound() {
  useDocumentTitle('Siden findes ikke');
  return (
    <EmptyState title="Siden findes ikke">
      <p>Adressen passer ikke til nogen side i LIS.</p>
      <p>
        <Link href="/">Gå til din oversigt</Link>
      </p>
    </EmptyState>
  );
}
