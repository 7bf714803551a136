import { describe, expect, it } from 'vitest';
import { kpiHref, overviewHref, parseRoute, routeHref, withScope } from '../src/lib/url-state';

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
    expect(parseRoute('/budget', '')).toEqual({ page: 'not_found', path: '/budget' });
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
