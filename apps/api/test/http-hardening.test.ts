import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createUser, LOGIN_FAILURE_LIMIT } from '../src/modules/auth/auth.service.ts';
import { SIGN_INS_PER_ADDRESS_PER_MINUTE } from '../src/routes/auth.ts';
import { bearer, createTestApp, example, postFeed, type TestApp } from './helpers.ts';

const PASSWORD = 'en rigtig lang adgangskode';
const EVIL = 'https://evil.example';

let t: TestApp;
/** A second app on the same store, behind a trusted proxy at 127.0.0.1 (inject's address), with one CORS origin. */
let proxied: FastifyInstance;
const extraApps: FastifyInstance[] = [];
const appWith = async (env: Record<string, string>) => {
  const app = await buildApp({
    config: loadConfig({ LIS_DEMO: '0', LOG_LEVEL: 'silent', ...env }),
    store: t.store,
    logger: false,
  });
  extraApps.push(app);
  return app;
};

beforeAll(async () => {
  t = await createTestApp();
  proxied = await appWith({ LIS_TRUST_PROXY: '127.0.0.1', LIS_CORS_ORIGINS: 'https://intra.example.dk' });
  expect((await postFeed(t.app, 'organisation', example('organisation.csv'))).statusCode).toBe(200);
  const ctx = { db: t.store.db, municipality: '849' };
  for (const [username, role] of [
    ['anna', 'admin'],
    ['ida', 'oekonom'],
    ['ole', 'oekonom'],
    ['tls', 'direktion'],
  ] as const)
    await createUser(ctx, { username, role, password: PASSWORD, orgIds: [] });
});
afterAll(async () => {
  for (const app of extraApps) await app.close();
  await t.done();
});

let addresses = 0;
/** A sign-in, each from its own address unless told (through the trusted proxy on `proxied`). */
const login = (app: FastifyInstance, username: string, password: string, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'x-forwarded-for': `198.51.100.${++addresses % 250}`, ...headers },
    payload: { username, password },
  });
const sessionOf = async (username: string) => {
  const response = await login(proxied, username, PASSWORD);
  expect(response.statusCode).toBe(200);
  return String(response.headers['set-cookie']).split(';')[0] as string;
};
const audit = async (action: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/audit?action=${action}`, headers: bearer(await t.token('admin')) })).json();
const batchCount = async () => (await t.store.db.selectFrom('batches').select('id').execute()).length;

describe('a change signed by the session cookie must come from LIS’s own pages (CSRF)', () => {
  const TARGETS = 'kpi_id;org_id;year;target\nsick_leave_pct;849;2016;5\n';
  const upload = (cookie: string, headers: Record<string, string>, contentType = 'text/plain') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/feeds/targets',
      headers: { cookie, 'content-type': contentType, ...headers },
      payload: TARGETS,
    });
  const multipart = (cookie: string, headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/feeds/targets',
      headers: { cookie, 'content-type': 'multipart/form-data; boundary=X', ...headers },
      payload: `--X\r\nContent-Disposition: form-data; name="file"; filename="t.csv"\r\nContent-Type: text/csv\r\n\r\n${TARGETS}\r\n--X--\r\n`,
    });

  it('refuses a form post from another site (text/plain or multipart), stores nothing and logs it', async () => {
    const cookie = await sessionOf('anna');
    const before = await batchCount();
    for (const response of [
      await upload(cookie, { origin: EVIL }),
      await multipart(cookie, { origin: EVIL }),
      await upload(cookie, { origin: 'null' }),
      await upload(cookie, {}), // no Origin, no header: no proof
      await upload(cookie, { 'sec-fetch-site': 'cross-site' }),
      await upload(cookie, { origin: EVIL, 'sec-fetch-site': 'cross-site' }),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'cross_site_request' });
    }
    expect(await batchCount()).toBe(before);
    const denied = await audit('cross_site_request');
    expect(denied[0]).toMatchObject({ actor: 'anna', outcome: 'denied', target: 'POST /api/v1/feeds/targets' });
  });

  it('refuses sign-out and restore from another site, and the session stays', async () => {
    const cookie = await sessionOf('anna');
    const logout = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, origin: EVIL } });
    expect(logout.statusCode).toBe(403);
    const restore = await t.app.inject({ method: 'POST', url: '/api/v1/batches/1/restore', headers: { cookie } });
    expect(restore.json()).toMatchObject({ statusCode: 403, code: 'cross_site_request' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie, origin: EVIL } })).statusCode).toBe(
      200,
    ); // reads change nothing: no proof needed
  });

  it('accepts the web app’s header, LIS’s own origin, Sec-Fetch-Site: same-origin and a configured origin', async () => {
    const cookie = await sessionOf('anna');
    expect((await upload(cookie, { 'x-lis-request': '1' })).statusCode).toBe(200);
    expect((await multipart(cookie, { 'x-lis-request': '1' })).statusCode).toBe(200);
    expect((await upload(cookie, { host: 'lis.example.dk', origin: 'http://lis.example.dk' })).statusCode).toBe(200);
    expect((await upload(cookie, { 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    const viaProxy = await proxied.inject({
      method: 'POST',
      url: '/api/v1/feeds/targets',
      headers: { cookie, 'content-type': 'text/csv', origin: 'https://intra.example.dk' },
      payload: TARGETS,
    });
    expect(viaProxy.statusCode).toBe(200);
    // the same origin is foreign to an app without it in LIS_CORS_ORIGINS
    expect((await upload(cookie, { origin: 'https://intra.example.dk' })).statusCode).toBe(403);
    const logout = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-lis-request': '1' } });
    expect(logout.statusCode).toBe(200);
  });

  it('leaves bearer tokens alone: a machine sends no cookie a page could ride on', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feeds/targets',
      headers: { ...bearer(await t.token('admin')), 'content-type': 'text/csv', origin: EVIL },
      payload: TARGETS,
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('plain HTTP and a TLS proxy', () => {
  const csp = (response: { headers: Record<string, unknown> }) => String(response.headers['content-security-policy']);

  it('asks for upgrade-insecure-requests only over TLS, told by a trusted proxy', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/health' });
    expect(csp(plain)).toContain("default-src 'self'");
    expect(csp(plain)).not.toContain('upgrade-insecure-requests');
    // X-Forwarded-Proto from a peer that is not a trusted proxy changes nothing
    const spoofed = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(csp(spoofed)).not.toContain('upgrade-insecure-requests');
    const tls = await proxied.inject({ method: 'GET', url: '/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(csp(tls)).toContain("default-src 'self'");
    expect(csp(tls)).toMatch(/;upgrade-insecure-requests$/);
    expect(csp(await proxied.inject({ method: 'GET', url: '/health' }))).not.toContain('upgrade-insecure-requests');
  });

  it('marks the session cookie Secure over TLS only', async () => {
    const cookie = (response: { headers: Record<string, unknown> }) => String(response.headers['set-cookie']);
    expect(cookie(await login(t.app, 'tls', PASSWORD, { 'x-forwarded-proto': 'https' }))).not.toMatch(/Secure/);
    expect(cookie(await login(proxied, 'tls', PASSWORD))).not.toMatch(/Secure/);
    const secure = cookie(await login(proxied, 'tls', PASSWORD, { 'x-forwarded-proto': 'https' }));
    expect(secure).toMatch(/; Secure/);
    expect(secure).toMatch(/HttpOnly/);
  });

  it('logs the client’s address from X-Forwarded-For only behind a trusted proxy', async () => {
    const from = { 'x-forwarded-for': '203.0.113.9' };
    await login(t.app, 'nosuchuser', 'forkert', from);
    expect((await audit('sign_in'))[0]).toMatchObject({ target: 'user:nosuchuser', ip: '127.0.0.1' });
    await login(proxied, 'nosuchuser', 'forkert', from);
    expect((await audit('sign_in'))[0]).toMatchObject({ target: 'user:nosuchuser', ip: '203.0.113.9' });
  });

  it('limits sign-ins per real client address behind the proxy', async () => {
    const statuses: number[] = [];
    const limit = SIGN_INS_PER_ADDRESS_PER_MINUTE;
    for (let i = 0; i <= limit; i++)
      statuses.push((await login(proxied, `navn${i}`, 'forkert', { 'x-forwarded-for': '203.0.113.20' })).statusCode);
    expect(statuses).toEqual([...Array(limit).fill(401), 429]);
    expect((await login(proxied, 'navnX', 'forkert', { 'x-forwarded-for': '203.0.113.21' })).statusCode).toBe(401);
  });
});

describe('per-account back-off on sign-in', () => {
  it(`after ${LOGIN_FAILURE_LIMIT} failures in 15 minutes the account waits, from any address, even with the right password`, async () => {
    // two processes (two apps on one store), five addresses, two spellings of the name: one count
    const statuses = [];
    for (const [app, name] of [
      [t.app, 'ida'],
      [proxied, 'IDA'],
      [t.app, 'ida'],
      [proxied, 'Ida'],
      [t.app, 'ida'],
    ] as const)
      statuses.push((await login(app, name, 'forkert gæt')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);

    const refused = await login(proxied, 'ida', PASSWORD, { 'x-forwarded-for': '203.0.113.77' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'too_many_requests' });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect((await audit('sign_in'))[0]).toMatchObject({ target: 'user:ida', outcome: 'denied' });

    // the window passes: the right password signs in, and the count is gone
    await t.store.db
      .updateTable('login_throttle')
      .set({ window_start: new Date(Date.now() - 15 * 60_000 - 1000) })
      .where('username', '=', 'ida')
      .execute();
    expect((await login(proxied, 'ida', PASSWORD)).statusCode).toBe(200);
    expect(await t.store.db.selectFrom('login_throttle').selectAll().where('username', '=', 'ida').execute()).toEqual([]);
  });

  it('forgets the failures at a successful sign-in', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await login(proxied, 'ole', 'forkert')).statusCode);
    statuses.push((await login(proxied, 'ole', PASSWORD)).statusCode);
    for (let i = 0; i < 4; i++) statuses.push((await login(proxied, 'ole', 'forkert')).statusCode);
    statuses.push((await login(proxied, 'ole', PASSWORD)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 200, 401, 401, 401, 401, 200]);
  });

  it('treats a name nobody has like any other, so the answer tells nothing', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await login(proxied, 'ingen', 'forkert')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('answers a name with a NUL byte or control characters 401, and logs it readably', async () => {
    const response = await login(proxied, 'ida\u0000', PASSWORD);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthenticated' });
    expect((await audit('sign_in'))[0]).toMatchObject({ target: 'user:ida\uFFFD', outcome: 'failed' });
    expect((await login(proxied, '\u0000', '\u0000')).statusCode).toBe(401);
    expect((await login(proxied, 'a'.repeat(100), PASSWORD)).statusCode).toBe(401);
    expect((await login(proxied, 'a'.repeat(101), PASSWORD)).statusCode).toBe(400);
  });
});

describe('anonymous callers get 401 before any input is read or checked', () => {
  const BAD_QUERY =
    '?org=&period=2016-13&format=pdf&limit=-1&year=abc&budgetYear=1&area=&prefix=&from=1000-01&to=x&peers=&method=nope';
  const badRequest = (method: string, url: string, headers: Record<string, string> = {}): InjectOptions => ({
    method: method as 'GET',
    url: `${url.replace(/:\w+/g, 'x'.repeat(80))}${BAD_QUERY}`,
    headers: { 'content-type': 'application/json', ...headers },
    ...(method === 'GET' ? {} : { payload: '{"not json' }),
  });

  it('for every /api/v1 route of the app (anonymous 401; a role without the permission 403)', async () => {
    const routes = t.app.routeList.filter((r) => r.url.startsWith('/api/v1/') && r.permission !== 'public');
    expect(routes.length).toBeGreaterThan(20);
    const feeder = bearer(await t.token('feeder'));
    const answers: string[] = [];
    for (const route of routes) {
      const anonymous = await t.app.inject(badRequest(route.method, route.url));
      answers.push(`${route.method} ${route.url} ${anonymous.statusCode} ${anonymous.json().code}`);
      if (['kpi:read', 'economy:read', 'benchmark:read', 'batches:read', 'audit:read'].includes(String(route.permission)))
        expect((await t.app.inject(badRequest(route.method, route.url, feeder))).statusCode, route.url).toBe(403);
    }
    expect(answers).toEqual(routes.map((r) => `${r.method} ${r.url} 401 unauthenticated`));
  });

  it('still validates the input of a caller who may call the route', async () => {
    const response = await t.app.inject({ ...badRequest('GET', '/api/v1/dashboard', bearer(await t.token('direktion'))) });
    expect(response.statusCode).toBe(400);
  });
});

describe('caching, source maps and what is public', () => {
  let spa: FastifyInstance;
  let spaWithMaps: FastifyInstance;
  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'lis-web-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><script type="module" src="/assets/index-3f2a1b9c.js"></script>');
    writeFileSync(join(dist, 'assets', 'index-3f2a1b9c.js'), 'console.log("LIS")\n//# sourceMappingURL=index-3f2a1b9c.js.map');
    writeFileSync(join(dist, 'assets', 'index-3f2a1b9c.js.map'), '{"version":3,"sources":["src/main.tsx"],"mappings":""}');
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    spa = await appWith({ LIS_WEB_DIST: dist });
    spaWithMaps = await appWith({ LIS_WEB_DIST: dist, LIS_SOURCE_MAPS: '1' });
  });
  const get = (app: FastifyInstance, url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });

  it('never lets an API answer be stored: data, exports, errors', async () => {
    const admin = bearer(await t.token('admin'));
    for (const response of [
      await get(t.app, '/api/v1/org-units', admin),
      await get(t.app, '/api/v1/batches?limit=5', admin),
      await get(t.app, '/api/v1/dashboard?org=849&format=csv', admin),
      await get(t.app, '/api/v1/auth/me'),
      await get(t.app, '/api/v1/nothing-here', admin),
    ])
      expect(response.headers['cache-control']).toBe('no-store');
  });

  it('revalidates index.html (also for deep links) and caches the hashed assets for a year', async () => {
    for (const url of ['/', '/index.html', '/org/849/2016-12']) {
      const page = await get(spa, url);
      expect(page.statusCode, url).toBe(200);
      expect(page.body).toContain('/assets/index-3f2a1b9c.js');
      expect(page.headers['cache-control'], url).toBe('no-cache');
    }
    const asset = await get(spa, '/assets/index-3f2a1b9c.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get(spa, '/favicon.svg')).headers['cache-control']).toBe('no-cache');
  });

  it('serves source maps only with LIS_SOURCE_MAPS=1', async () => {
    expect((await get(spa, '/assets/index-3f2a1b9c.js.map')).statusCode).toBe(404);
    const map = await get(spaWithMaps, '/assets/index-3f2a1b9c.js.map');
    expect(map.statusCode).toBe(200);
    expect(map.json()).toMatchObject({ sources: ['src/main.tsx'] });
  });

  it('keeps the API documentation public: it describes routes, never data (ADR 0003)', async () => {
    const docs = await get(t.app, '/api/docs/json');
    expect(docs.statusCode).toBe(200);
    expect(Object.keys(docs.json().paths)).toContain('/api/v1/dashboard');
  });
});
