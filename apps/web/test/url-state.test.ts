import { describe, expect, it } from 'vitest';
import {
  balanceHref,
  benchmarkHref,
  budgetHref,
  kpiHref,
  overviewHref,
  parseRoute,
  routeHref,
  savedPeers,
  savedPeersName,
  withScope,
} from '../src/lib/url-state';

describe('URL state', () => {
  it('reads the overview with and without unit and month', () => {
    expect(parseRoute('/', '')).toEqual({ page: 'overview', org: null, period: null });
    expect(parseRoute('/', '?org=2000&period=2016-12')).toEqual({ page: 'overview', org: '2000', period: '2016-12' });
  });

  it('reads the KPI page, decoding the id', () => {
    expect(parseRoute('/kpi/sick_leave_pct', '?org=849&period=2016-03')).toEqual({
      page: 'kpi',
      kpiId: 'sick_leave_pct',
      org: '849',
      period: '2016-03',
    });
    expect(parseRoute('/kpi/a%20b/', '')).toMatchObject({ page: 'kpi', kpiId: 'a b' });
  });

  it('drops an impossible month rather than showing an error page', () => {
    expect(parseRoute('/', '?org=849&period=2016-13')).toEqual({ page: 'overview', org: '849', period: null });
  });

  it('knows unknown paths', () => {
    expect(parseRoute('/budgets', '')).toEqual({ page: 'not_found', path: '/budgets' });
    expect(parseRoute('/budget/x', '')).toEqual({ page: 'not_found', path: '/budget/x' });
  });

  it('writes links that read back to the same route', () => {
    for (const href of ['/', '/?org=2000', '/?org=2000&period=2016-12', '/kpi/case_backlog?org=2100&period=2016-01']) {
      const url = new URL(href, 'http://lis.test');
      expect(routeHref(parseRoute(url.pathname, url.search))).toBe(href);
    }
    expect(overviewHref('849', '2016-12')).toBe('/?org=849&period=2016-12');
    expect(kpiHref('x/y', '849', null)).toBe('/kpi/x%2Fy?org=849');
  });

  it('keeps the page when the unit or month changes', () => {
    const route = parseRoute('/kpi/sick_leave_pct', '?org=2000&period=2016-12');
    expect(withScope(route, { org: '2100' })).toBe('/kpi/sick_leave_pct?org=2100&period=2016-12');
    expect(withScope(route, { period: '2016-11' })).toBe('/kpi/sick_leave_pct?org=2000&period=2016-11');
  });
});

describe('URL state of the economy pages', () => {
  it('reads the budget follow-up with unit, month and account level', () => {
    expect(parseRoute('/budget', '')).toEqual({ page: 'budget', org: null, period: null, account: '' });
    expect(parseRoute('/budget', '?org=2000&period=2016-06&account=5.57')).toEqual({
      page: 'budget',
      org: '2000',
      period: '2016-06',
      account: '5.57',
    });
  });

  it('drops an account level that is not hovedkonto or hovedfunktion', () => {
    for (const account of ['5.57.71', '55', 'x', '5.5'])
      expect(parseRoute('/budget', `?account=${account}`)).toMatchObject({ account: '' });
  });

  it('reads the budget balance with and without a budget year', () => {
    expect(parseRoute('/budget/balance', '')).toEqual({ page: 'balance', budgetYear: null });
    expect(parseRoute('/budget/balance/', '?budgetYear=2017')).toEqual({ page: 'balance', budgetYear: 2017 });
    expect(parseRoute('/budget/balance', '?budgetYear=17')).toEqual({ page: 'balance', budgetYear: null });
  });

  it('reads the benchmark with its defaults: KORA, mean, own municipality in, no need adjustment', () => {
    expect(parseRoute('/benchmark', '')).toEqual({
      page: 'benchmark',
      area: null,
      year: null,
      peers: 'kora',
      method: 'mean',
      includeOwn: true,
      needAdjusted: false,
      source: 'statbank',
    });
    expect(
      parseRoute('/benchmark', '?area=dagtilbud&year=2016&peers=787,860&method=best_quartile&includeOwn=false&needAdjusted=true'),
    ).toEqual({
      page: 'benchmark',
      area: 'dagtilbud',
      year: 2016,
      peers: '787,860',
      method: 'best_quartile',
      includeOwn: false,
      needAdjusted: true,
      source: 'statbank',
    });
  });

  it('falls back to the defaults for an unknown peer group or method', () => {
    expect(parseRoute('/benchmark', '?peers=nabo&method=max')).toMatchObject({ peers: 'kora', method: 'mean' });
    expect(parseRoute('/benchmark', '?peers=787,86')).toMatchObject({ peers: 'kora' });
    expect(parseRoute('/benchmark', '?peers=region')).toMatchObject({ peers: 'region' });
    expect(parseRoute('/benchmark', '?peers=saved:')).toMatchObject({ peers: 'kora' });
    expect(parseRoute('/benchmark', `?peers=saved:${'x'.repeat(81)}`)).toMatchObject({ peers: 'kora' });
  });

  it('reads a saved peer group by its name, and writes it readably', () => {
    expect(parseRoute('/benchmark', '?peers=saved:Vest+og+nord')).toMatchObject({ peers: 'saved:Vest og nord' });
    expect(parseRoute('/benchmark', '?peers=saved%3ANord%C3%B8st')).toMatchObject({ peers: 'saved:Nordøst' });
    expect(benchmarkHref({ area: 'veje', year: 2016, peers: savedPeers('Vest og nord') })).toBe(
      '/benchmark?area=veje&year=2016&peers=saved:Vest+og+nord',
    );
    // what would end the value is still escaped
    const odd = savedPeers('A&B #1, 50%');
    const href = benchmarkHref({ peers: odd });
    expect(href).toBe('/benchmark?peers=saved:A%26B+%231,+50%25');
    const url = new URL(href, 'http://lis.test');
    expect(parseRoute(url.pathname, url.search)).toMatchObject({ peers: odd });
    expect(savedPeersName(odd)).toBe('A&B #1, 50%');
    expect(savedPeersName('787,860')).toBeNull();
  });

  it('writes links that read back to the same route, leaving defaults out', () => {
    for (const href of [
      '/budget?org=2000&period=2016-12&account=5',
      '/budget/balance?budgetYear=2016',
      '/benchmark?area=folkeskole&year=2015',
      '/benchmark?area=aeldre&year=2016&peers=all&method=median&includeOwn=false&needAdjusted=true',
      '/benchmark?area=veje&year=2016&peers=787,810,860',
      '/benchmark?area=folkeskole&year=2016&source=store',
      '/benchmark?area=veje&year=2016&peers=saved:Vestlige+nabokommuner&includeOwn=false',
    ]) {
      const url = new URL(href, 'http://lis.test');
      expect(routeHref(parseRoute(url.pathname, url.search))).toBe(href);
    }
    expect(budgetHref('849', '2016-12')).toBe('/budget?org=849&period=2016-12');
    expect(balanceHref(null)).toBe('/budget/balance');
    expect(benchmarkHref({ area: 'veje', year: 2016, peers: 'kora', method: 'mean', includeOwn: true })).toBe(
      '/benchmark?area=veje&year=2016',
    );
  });

  it('keeps the account level when the unit or month changes, and sends unit-less pages to the overview', () => {
    const route = parseRoute('/budget', '?org=2000&period=2016-12&account=5.57');
    expect(withScope(route, { org: '2100' })).toBe('/budget?org=2100&period=2016-12&account=5.57');
    expect(withScope(parseRoute('/benchmark', ''), { org: '2100', period: '2016-12' })).toBe('/?org=2100&period=2016-12');
  });
});
