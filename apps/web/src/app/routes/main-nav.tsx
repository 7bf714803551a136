import type { Me } from '@lis/contracts';
import { Link, useLocationHref } from '../../lib/navigation';
import { administersUsers, loadsFeeds, readsDemography, readsIndicators, readsUsage } from '../../lib/roles';
import {
  type AppRoute,
  balanceHref,
  benchmarkHref,
  budgetHref,
  DEMOGRAPHY_PATH,
  FEEDS_PATH,
  overviewHref,
  parseRoute,
  USAGE_PATH,
  USERS_PATH,
} from '../../lib/url-state';
import './main-nav.css';

type Section = 'overview' | 'budget' | 'balance' | 'benchmark' | 'demography' | 'feeds' | 'users' | 'usage';

const sectionOf = (route: AppRoute): Section | null =>
  route.page === 'kpi' || route.page === 'matrix' ? 'overview' : route.page === 'not_found' ? null : route.page;

/** The sections the role may use; the overview and the follow-up keep the unit and month the reader is looking at. */
export function MainNav({ role }: { role: Me['role'] }) {
  const url = new URL(useLocationHref(), window.location.origin);
  const route = parseRoute(url.pathname, url.search);
  const scope = 'org' in route ? { org: route.org, period: route.period } : { org: null, period: null };
  const reads = readsIndicators(role);
  const items: { section: Section; label: string; href: string; shown: boolean }[] = [
    { section: 'overview', label: 'Oversigt', href: overviewHref(scope.org, scope.period), shown: reads },
    { section: 'budget', label: 'Budgetopfølgning', href: budgetHref(scope.org, scope.period), shown: reads },
    { section: 'balance', label: 'Budgetbalance', href: balanceHref(null), shown: reads },
    { section: 'benchmark', label: 'Benchmark', href: benchmarkHref({}), shown: reads },
    { section: 'demography', label: 'Demografi', href: DEMOGRAPHY_PATH, shown: readsDemography(role) },
    { section: 'feeds', label: 'Leverancer', href: FEEDS_PATH, shown: loadsFeeds(role) },
    { section: 'users', label: 'Brugere', href: USERS_PATH, shown: administersUsers(role) },
    { section: 'usage', label: 'Anvendelse', href: USAGE_PATH, shown: readsUsage(role) },
  ];
  const current = sectionOf(route);
  return (
    <nav className="main-nav" aria-label="Hovedmenu" data-testid="main-nav">
      <ul>
        {items
          .filter((item) => item.shown)
          .map((item) => (
            <li key={item.section}>
              <Link href={item.href} aria-current={item.section === current ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}
