import { EmptyState } from '../../components/ui/query-state';
import { Link, useLocationHref } from '../../lib/navigation';
import { parseRoute } from '../../lib/url-state';
import { useDocumentTitle } from '../../lib/use-document-title';
import { BalanceRoute } from './balance-route';
import { BenchmarkRoute } from './benchmark-route';
import { BudgetRoute } from './budget-route';
import { KpiRoute } from './kpi-route';
import { OverviewRoute } from './overview-route';

/** The page for the current URL. */
export function AppRoutes() {
  const url = new URL(useLocationHref(), window.location.origin);
  const route = parseRoute(url.pathname, url.search);
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
