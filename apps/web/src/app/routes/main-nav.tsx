import { Link, useLocationHref } from '../../lib/navigation';
import { type AppRoute, balanceHref, benchmarkHref, budgetHref, overviewHref, parseRoute } from '../../lib/url-state';
import './main-nav.css';

type Section = 'overview' | 'budget' | 'balance' | 'benchmark';

const sectionOf = (route: AppRoute): Section | null =>
  route.page === 'kpi' ? 'overview' : route.page === 'not_found' ? null : route.page;

/** The four sections; the overview and the follow-up keep the unit and month the reader is looking at. */
export function MainNav() {
  const url = new URL(useLocationHref(), window.location.origin);
  const route = parseRoute(url.pathname, url.search);
  const scope = 'org' in route ? { org: route.org, period: route.period } : { org: null, period: null };
  const items: { section: Section; label: string; href: string }[] = [
    { section: 'overview', label: 'Oversigt', href: overviewHref(scope.org, scope.period) },
    { section: 'budget', label: 'Budgetopfølgning', href: budgetHref(scope.org, scope.period) },
    { section: 'balance', label: 'Budgetbalance', href: balanceHref(null) },
    { section: 'benchmark', label: 'Benchmark', href: benchmarkHref({}) },
  ];
  const current = sectionOf(route);
  return (
    <nav className="main-nav" aria-label="Hovedmenu" data-testid="main-nav">
      <ul>
        {items.map((item) => (
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
