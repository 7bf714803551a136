import { roleCan } from '@lis/contracts';
import { useEffect } from 'react';
import { EmptyState, Loading } from '../../components/ui/query-state';
import { useMe } from '../../lib/me';
import { Link, navigate, useLocationHref } from '../../lib/navigation';
import { useOrgTree } from '../../lib/org-units';
import { useRecordPageView } from '../../lib/page-views';
import { loadsFeeds } from '../../lib/roles';
import { FEEDS_PATH, parseRoute } from '../../lib/url-state';
import { useDocumentTitle } from '../../lib/use-document-title';
import { BalanceRoute } from './balance-route';
import { BenchmarkRoute } from './benchmark-route';
import { BudgetRoute } from './budget-route';
import { DemographyRoute } from './demography-route';
import { FeedsRoute } from './feeds-route';
import { KpiRoute } from './kpi-route';
import { MatrixRoute } from './matrix-route';
import { OverviewRoute } from './overview-route';
import { UsageRoute } from './usage-route';
import { UsersRoute } from './users-route';

/** The page for the current URL. */
export function AppRoutes() {
  const url = new URL(useLocationHref(), window.location.origin);
  const route = parseRoute(url.pathname, url.search);
  // A data supplier may only send files: every address leads to the upload page.
  const me = useMe().data;
  const onlyFeeds = me !== undefined && me !== null && !roleCan(me.role, 'kpi:read') && route.page !== 'feeds';
  // the page's kind only, for the page Anvendelse
  useRecordPageView(route.page, Boolean(me));
  useEffect(() => {
    if (onlyFeeds) navigate(FEEDS_PATH, { replace: true });
  }, [onlyFeeds]);
  const tree = useOrgTree();
  if (onlyFeeds) return <Loading label="Åbner leverancer …" />;
  // A new installation has no organisation yet: say what to do instead of "findes ikke".
  const aboutUnits = route.page === 'overview' || route.page === 'kpi' || route.page === 'matrix' || route.page === 'budget';
  if (aboutUnits && tree.data?.roots.length === 0) return <NoDataYet />;
  switch (route.page) {
    case 'overview':
      return <OverviewRoute {...route} />;
    case 'kpi':
      return <KpiRoute {...route} />;
    case 'budget':
      return <BudgetRoute {...route} />;
    case 'matrix':
      return <MatrixRoute {...route} />;
    case 'balance':
      return <BalanceRoute {...route} />;
    case 'benchmark':
      return <BenchmarkRoute {...route} />;
    case 'demography':
      return <DemographyRoute />;
    case 'feeds':
      return <FeedsRoute />;
    case 'users':
      return <UsersRoute />;
    case 'usage':
      return <UsageRoute />;
    case 'not_found':
      return <NotFound />;
  }
}

function NoDataYet() {
  useDocumentTitle('Ingen data endnu');
  const role = useMe().data?.role;
  return (
    <EmptyState title="LIS har ingen data endnu">
      <p>Der er ikke indlæst nogen organisation, så der er ingen enheder at vise nøgletal for.</p>
      {role && loadsFeeds(role) ? (
        <p>
          Start med leverancen organisation, og derefter de øvrige, under <Link href={FEEDS_PATH}>Leverancer</Link>.
        </p>
      ) : (
        <p>Kontakt LIS-administratoren, som indlæser data.</p>
      )}
    </EmptyState>
  );
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
