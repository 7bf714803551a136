/**
 * The page, org unit and month live in the URL, so back/forward and shared links show the same
 * thing. The path picks the page; the query holds the state. Missing org or period means the
 * defaults (the caller's home unit, the latest month with data); the economy pages likewise
 * leave out what they can default (budget year, benchmark area and year) until the API says.
 */
import type { BenchmarkSource } from '@lis/contracts';
import { type BenchmarkMethod, isBuiltInPeerGroup, isPeriod, METHOD_NAMES } from '@lis/domain';

const BENCHMARK_METHODS = Object.keys(METHOD_NAMES) as BenchmarkMethod[];

const SAVED_PREFIX = 'saved:';
/** The API's names are 1–80 characters. */
const SAVED_NAME_MAX = 80;

/** The peers value of a saved group: 'saved:Vestlige nabokommuner'. */
export const savedPeers = (name: string): string => `${SAVED_PREFIX}${name}`;

/** The saved group's name in a peers value, or null for a built-in group or a list of codes. */
export const savedPeersName = (peers: string): string | null =>
  peers.startsWith(SAVED_PREFIX) ? peers.slice(SAVED_PREFIX.length) : null;

/**
 * What the benchmark page asks the API; `peers` is the API's value: a built-in group ('kora'), a
 * saved group by name ('saved:Vestlige nabokommuner') or municipality codes ('787,860').
 */
export interface BenchmarkState {
  area: string | null;
  year: number | null;
  peers: string;
  method: BenchmarkMethod;
  includeOwn: boolean;
  needAdjusted: boolean;
  /** the imported figures (Danmarks Statistik) or the store's own economy and population ('store') */
  source: BenchmarkSource;
}

const BENCHMARK_DEFAULTS: Omit<BenchmarkState, 'area' | 'year'> = {
  peers: 'kora',
  method: 'mean',
  includeOwn: true,
  needAdjusted: false,
  source: 'statbank',
};

/** The pages about a unit and a month (and the unknown path). */
export type Route =
  | { page: 'overview'; org: string | null; period: string | null }
  | { page: 'kpi'; kpiId: string; org: string | null; period: string | null }
  /** account: the chart-of-accounts level shown ('' hovedkonti, '5' hovedfunktioner, '5.57' funktioner) */
  | { page: 'budget'; org: string | null; period: string | null; account: string }
  | { page: 'not_found'; path: string };

/** Every page: the unit-and-month pages and the municipality-wide economy pages. */
export type AppRoute =
  | Route
  | { page: 'balance'; budgetYear: number | null }
  /** a unit and its children × the KPIs; org null = the caller's home unit */
  | { page: 'matrix'; org: string | null; period: string | null }
  | ({ page: 'benchmark' } & BenchmarkState)
  | { page: 'demography' }
  | { page: 'feeds' }
  | { page: 'users' }
  | { page: 'usage' };

export function parseRoute(pathname: string, search: string): AppRoute {
  const params = new URLSearchParams(search);
  const org = params.get('org') || null;
  const periodParam = params.get('period');
  // An impossible month (2016-13) would only produce an error page: fall back to the latest.
  const period = isPeriod(periodParam) ? periodParam : null;
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { page: 'overview', org, period };
  const kpi = /^\/kpi\/([^/]+)$/.exec(path);
  if (kpi?.[1]) return { page: 'kpi', kpiId: decodeURIComponent(kpi[1]), org, period };
  if (path === '/budget') return { page: 'budget', org, period, account: accountParam(params.get('account')) };
  if (path === MATRIX_PATH) return { page: 'matrix', org, period };
  if (path === '/budget/balance') return { page: 'balance', budgetYear: yearParam(params.get('budgetYear')) };
  if (path === '/benchmark') return { page: 'benchmark', ...parseBenchmark(params) };
  if (path === DEMOGRAPHY_PATH) return { page: 'demography' };
  if (path === FEEDS_PATH) return { page: 'feeds' };
  if (path === USERS_PATH) return { page: 'users' };
  if (path === USAGE_PATH) return { page: 'usage' };
  return { page: 'not_found', path: pathname };
}

export function routeHref(route: AppRoute): string {
  switch (route.page) {
    case 'not_found':
      return route.path;
    case 'overview':
      return withQuery('/', { org: route.org, period: route.period });
    case 'kpi':
      return withQuery(`/kpi/${encodeURIComponent(route.kpiId)}`, { org: route.org, period: route.period });
    case 'budget':
      return withQuery('/budget', { org: route.org, period: route.period, account: route.account });
    case 'matrix':
      return withQuery(MATRIX_PATH, { org: route.org, period: route.period });
    case 'balance':
      return withQuery('/budget/balance', { budgetYear: route.budgetYear });
    case 'benchmark':
      return benchmarkHref(route);
    case 'demography':
      return DEMOGRAPHY_PATH;
    case 'feeds':
      return FEEDS_PATH;
    case 'users':
      return USERS_PATH;
    case 'usage':
      return USAGE_PATH;
  }
}

/** All units one level down × all KPIs. */
const MATRIX_PATH = '/matrix';

export const matrixHref = (org: string | null, period: string | null): string => routeHref({ page: 'matrix', org, period });

/** Population by age band and the demographic pressure. */
export const DEMOGRAPHY_PATH = '/demografi';

/** Loading files and the ledger of deliveries. */
export const FEEDS_PATH = '/leverancer';

/** The admin's users and access rules. */
export const USERS_PATH = '/brugere';

/** How much LIS is used, per forvaltning and month (admin and direktion). */
export const USAGE_PATH = '/anvendelse';

export const overviewHref = (org: string | null, period: string | null): string => routeHref({ page: 'overview', org, period });

export const kpiHref = (kpiId: string, org: string | null, period: string | null): string =>
  routeHref({ page: 'kpi', kpiId, org, period });

export const budgetHref = (org: string | null, period: string | null, account = ''): string =>
  routeHref({ page: 'budget', org, period, account });

export const balanceHref = (budgetYear: number | null): string => routeHref({ page: 'balance', budgetYear });

/** Defaults stay out of the link, so a link says only what was chosen. */
export function benchmarkHref(state: Partial<BenchmarkState>): string {
  const { area = null, year = null, ...rest } = state;
  const choice = { ...BENCHMARK_DEFAULTS, ...rest };
  const differs = <K extends keyof typeof BENCHMARK_DEFAULTS>(key: K) =>
    choice[key] === BENCHMARK_DEFAULTS[key] ? null : String(choice[key]);
  return withQuery('/benchmark', {
    area,
    year,
    peers: differs('peers'),
    method: differs('method'),
    includeOwn: differs('includeOwn'),
    needAdjusted: differs('needAdjusted'),
    source: differs('source'),
  });
}

/** The same page for another unit or month (pages without a unit: the overview): how pickers and breadcrumbs keep the reader's place. */
export function withScope(route: AppRoute, scope: { org?: string | null; period?: string | null }): string {
  if (!('org' in route)) return overviewHref(scope.org ?? null, scope.period ?? null);
  return routeHref({ ...route, ...scope });
}

function parseBenchmark(params: URLSearchParams): BenchmarkState {
  const area = params.get('area');
  const peers = params.get('peers') ?? '';
  const method = params.get('method') as BenchmarkMethod | null;
  return {
    area: area && /^[a-z0-9_]+$/.test(area) ? area : null,
    year: yearParam(params.get('year')),
    peers: isPeerGroup(peers) ? peers : BENCHMARK_DEFAULTS.peers,
    method: method && BENCHMARK_METHODS.includes(method) ? method : BENCHMARK_DEFAULTS.method,
    includeOwn: params.get('includeOwn') !== 'false',
    needAdjusted: params.get('needAdjusted') === 'true',
    source: params.get('source') === 'store' ? 'store' : BENCHMARK_DEFAULTS.source,
  };
}

/** A built-in group, a saved group's name, or a list of three-digit municipality codes. */
function isPeerGroup(value: string): boolean {
  if (isBuiltInPeerGroup(value)) return true;
  const saved = savedPeersName(value);
  if (saved !== null) return saved.trim() !== '' && saved.length <= SAVED_NAME_MAX;
  return /^\d{3}(,\d{3})*$/.test(value);
}

const accountParam = (value: string | null): string => (value && /^\d(\.\d{2})?$/.test(value) ? value : '');

function yearParam(value: string | null): number | null {
  return value && /^(19|2\d)\d{2}$/.test(value) ? Number(value) : null;
}

function withQuery(path: string, query: Record<string, string | number | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== null && value !== '') params.set(key, String(value));
  // Commas and colons are fine in a query and keep the peers readable: peers=787,860, peers=saved:Vest+og+nord.
  const search = params.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
  return search ? `${path}?${search}` : path;
}
