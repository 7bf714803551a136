import type { UsageRow } from '@lis/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/modules/auth/auth.service.ts';
import { bearer, createTestApp, postFeed, type TestApp } from './helpers.ts';

const ORG = `org_id;parent_id;name;level
K;;Testkommune;kommune
F1;K;Forvaltning 1;forvaltning
F2;K;Forvaltning 2;forvaltning
A1;F1;Afdeling 1;afdeling
A2;F2;Afdeling 2;afdeling
`;
const PASSWORD = 'en lang adgangskode';
const MUNICIPALITY = '849';

let t: TestApp;
let addresses = 0;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp({ LIS_TRUST_PROXY: 'loopback' });
  expect((await postFeed(t.app, 'organisation', ORG)).statusCode).toBe(200);
  for (const [username, role, orgIds] of [
    ['anna', 'admin', []],
    ['birgitte', 'direktion', []],
    ['carl', 'chef', ['A1']],
    // units in two forvaltninger: counts in both
    ['cecilie', 'chef', ['F1', 'A2']],
    // a chef of the kommune itself belongs to no forvaltning
    ['kim', 'chef', ['K']],
  ] as const) {
    await createUser({ db: t.store.db, municipality: MUNICIPALITY }, { username, role, password: PASSWORD, orgIds });
  }
  for (const u of await t.store.db.selectFrom('users').select(['id', 'username']).execute()) ids[u.username] = u.id;
});
afterAll(() => t.done());

const cookieOf = async (username: string) => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'x-forwarded-for': `198.51.100.${++addresses}` },
    payload: { username, password: PASSWORD },
  });
  expect(response.statusCode).toBe(200);
  return String(response.headers['set-cookie']).split(';')[0] as string;
};
const fromBrowser = (cookie: string) => ({ cookie, 'x-lis-request': '1' });
const pageView = (headers: Record<string, string>, page: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/v1/usage/page-view', headers, payload: { page } });

describe('page views', () => {
  it('records the page kind of a session, once per user, kind and minute; nothing of the address', async () => {
    const cookie = await cookieOf('carl');
    for (const page of ['kpi', 'kpi', 'budget']) {
      const response = await pageView(fromBrowser(cookie), page);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ recorded: true });
    }
    const rows = await t.store.db
      .selectFrom('page_views')
      .selectAll()
      .where('user_id', '=', ids.carl as number)
      .execute();
    // the same minute twice is one row (a test running across a minute's turn could see two kpi rows)
    expect(rows.map((r) => r.page).sort()).toEqual(expect.arrayContaining(['budget', 'kpi']));
    expect(rows.length).toBeLessThanOrEqual(3);
    for (const row of rows) expect(new Date(row.minute).getUTCSeconds()).toBe(0);
    // the table has no place for an address, a query or a unit
    const columns = await t.store.db
      .selectFrom('information_schema.columns' as never)
      .select('column_name' as never)
      .where('table_name' as never, '=', 'page_views' as never)
      .execute();
    expect(columns.map((c) => (c as { column_name: string }).column_name).sort()).toEqual([
      'minute',
      'municipality',
      'page',
      'user_id',
    ]);
    await t.store.db.deleteFrom('page_views').execute();
  });

  it('refuses an address or an unknown kind, and a caller without sign-in', async () => {
    const cookie = await cookieOf('carl');
    const address = await pageView(fromBrowser(cookie), '/kpi/sick_leave_pct?org=A1');
    expect(address.statusCode).toBe(400);
    expect(address.json()).toMatchObject({ code: 'invalid_parameter', parameter: 'page' });
    expect((await pageView({ 'x-lis-request': '1' }, 'overview')).statusCode).toBe(401);
    expect(await t.store.db.selectFrom('page_views').selectAll().execute()).toEqual([]);
  });

  it('records nothing for an API token: only people with a session count', async () => {
    const response = await pageView(bearer(await t.token('direktion')), 'overview');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ recorded: false });
    expect(await t.store.db.selectFrom('page_views').selectAll().execute()).toEqual([]);
  });
});

describe('usage per forvaltning and month', () => {
  beforeAll(async () => {
    // only the months below count; the sign-ins of the tests above fall in the current month
    const signIn = (actor: string, at: string, outcome = 'ok') => ({
      municipality: MUNICIPALITY,
      at,
      actor,
      role: null,
      action: 'sign_in',
      target: `user:${actor}`,
      outcome,
      ip: null,
      details: null,
    });
    await t.store.db
      .insertInto('audit_log')
      .values([
        signIn('carl', '2026-01-10T08:00:00Z'),
        // 00:30 on 1 February in Danish time: February
        signIn('carl', '2026-01-31T23:30:00Z'),
        signIn('birgitte', '2026-02-05T09:00:00Z'),
        signIn('cecilie', '2026-03-01T10:00:00Z'),
        signIn('kim', '2026-01-12T10:00:00Z', 'failed'),
        // an actor who is no user (a name someone tried) counts nowhere
        signIn('ghost', '2026-01-12T10:00:00Z'),
      ])
      .execute();
    const view = (user: string, page: string, minute: string) => ({
      municipality: MUNICIPALITY,
      user_id: ids[user] as number,
      page,
      minute,
    });
    await t.store.db
      .insertInto('page_views')
      .values([
        view('carl', 'overview', '2026-01-10T08:01:00Z'),
        view('carl', 'kpi', '2026-01-10T08:01:00Z'),
        view('carl', 'overview', '2026-01-10T08:05:00Z'),
        view('birgitte', 'usage', '2026-02-05T09:00:00Z'),
        view('kim', 'overview', '2026-03-15T12:00:00Z'),
      ])
      .execute();
    const version = (orgId: string, period: string, version: number, changedAt: string) => ({
      municipality: MUNICIPALITY,
      kpi_id: 'sick_leave_pct',
      org_id: orgId,
      period: `${period}-01`,
      version,
      change: 'written' as const,
      text: 'Forklaring',
      changed_by: 'carl',
      changed_at: changedAt,
    });
    await t.store.db
      .insertInto('explanation_versions')
      .values([
        // January's figure explained in February: on time; the rewrite in April counts no more
        version('A1', '2026-01', 1, '2026-02-27T10:00:00Z'),
        version('A1', '2026-01', 2, '2026-04-01T10:00:00Z'),
        // 00:30 on 1 March in Danish time: too late for January's figure
        version('A2', '2026-01', 1, '2026-02-28T23:30:00Z'),
        // the kommune's own figure: cross-cutting
        version('K', '2026-02', 1, '2026-02-10T10:00:00Z'),
        version('F2', '2026-03', 1, '2026-04-15T10:00:00Z'),
      ])
      .execute();
  });

  const usage = async (cookie: string, query: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/usage${query}`, headers: { cookie } });

  it('counts active users, sign-ins, page views and explanations on time per forvaltning and month, by hand', async () => {
    const response = await usage(await cookieOf('birgitte'), '?from=2026-01&to=2026-03');
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.months).toEqual(['2026-01', '2026-02', '2026-03']);
    const table = report.rows.map((r: UsageRow) => [
      r.forvaltning?.id ?? 'tværgående',
      r.month,
      r.activeUsers,
      r.signIns,
      r.pageViews,
      r.explanationsOnTime,
    ]);
    expect(table).toEqual([
      // carl (A1 under F1): his second sign-in is January's in UTC but February's in Danish time
      ['F1', '2026-01', 1, 1, 3, 1],
      ['F1', '2026-02', 1, 1, 0, 0],
      // cecilie (F1 and A2): in both forvaltninger
      ['F1', '2026-03', 1, 1, 0, 0],
      ['F2', '2026-01', 0, 0, 0, 0],
      ['F2', '2026-02', 0, 0, 0, 0],
      ['F2', '2026-03', 1, 1, 0, 1],
      // kim's failed sign-in counts nowhere; birgitte (direktion) and kim (chef of the kommune) are cross-cutting
      ['tværgående', '2026-01', 0, 0, 0, 0],
      ['tværgående', '2026-02', 1, 1, 1, 1],
      ['tværgående', '2026-03', 1, 0, 1, 0],
    ]);
    expect(report.rows[0].forvaltning).toEqual({ id: 'F1', name: 'Forvaltning 1' });
    // the kommune's totals count cecilie once
    expect(report.totals).toEqual([
      { month: '2026-01', activeUsers: 1, signIns: 1, pageViews: 3, explanationsOnTime: 1 },
      { month: '2026-02', activeUsers: 2, signIns: 2, pageViews: 1, explanationsOnTime: 1 },
      { month: '2026-03', activeUsers: 2, signIns: 1, pageViews: 1, explanationsOnTime: 1 },
    ]);
  });

  it('answers the admin and the direktion, never a chef', async () => {
    expect((await usage(await cookieOf('anna'), '?from=2026-01&to=2026-01')).statusCode).toBe(200);
    const chef = await usage(await cookieOf('carl'), '?from=2026-01&to=2026-01');
    expect(chef.statusCode).toBe(403);
    expect(chef.json()).toMatchObject({ code: 'role_forbidden' });
  });

  it('defaults to the twelve months up to now, and refuses a span backwards or longer than 36 months', async () => {
    const cookie = await cookieOf('birgitte');
    const twelve = (await usage(cookie, '')).json();
    expect(twelve.months).toHaveLength(12);
    // this test's own sign-ins are in the current month
    expect(twelve.totals.at(-1).signIns).toBeGreaterThan(0);
    const backwards = await usage(cookie, '?from=2026-03&to=2026-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ code: 'invalid_parameter', parameter: 'from' });
    expect((await usage(cookie, '?from=2020-01&to=2023-01')).statusCode).toBe(400);
    expect((await usage(cookie, '?from=2026-13')).statusCode).toBe(400);
  });
});
