/**
 * The page, org unit and month live in the URL, so back/forward and shared links show the same
 * thing. The path picks the page; the query holds the state. Missing org or period means the
 * defaults (the caller's home unit, the latest month with data).
 */
import { isPeriod } from '@lis/domain';

export type Route =
  | { page: 'overview'; org: string | null; period: string | null }
  | { page: 'kpi'; kpiId: string; org: string | null; period: string | null }
  | { page: 'not_found'; path: string };

export function parseRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  const org = params.get('org') || null;
  const periodParam = params.get('period');
  // An impossible month (2016-13) would only produce an error page: fall back to the latest.
  const period = isPeriod(periodParam) ? periodParam : null;
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { page: 'overview', org, period };
  const kpi = /^\/kpi\/([^/]+)$/.exec(path);
  if (kpi?.[1]) return { page: 'kpi', kpiId: decodeURIComponent(kpi[1]), org, period };
  return { page: 'not_found', path: pathname };
}

export function routeHref(route: Route): string {
  if (route.page === 'not_found') return route.path;
  const path = route.page === 'kpi' ? `/kpi/${encodeURIComponent(route.kpiId)}` : '/';
  const params = new URLSearchParams();
  if (route.org) params.set('org', route.org);
  if (route.period) params.set('period', route.period);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export const overviewHref = (org: string | null, period: string | null): string => routeHref({ page: 'overview', org, period });

export const kpiHref = (kpiId: string, org: string | null, period: string | null): string =>
  routeHref({ page: 'kpi', kpiId, org, period });

/** The same page for another unit or month: how pickers and breadcrumbs keep the reader's place. */
export function withScope(route: Route, scope: { org?: string | null; period?: string | null }): string {
  if (route.page === 'not_found') return overviewHref(scope.org ?? null, scope.period ?? null);
  return routeHref({ ...route, ...scope });
}
