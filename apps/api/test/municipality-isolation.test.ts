import { FEED_LOAD_ORDER } from '@lis/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createToken, createUser } from '../src/modules/auth/auth.service.ts';
import { bearer, createTestApp, example, loadExamples, type TestApp } from './helpers.ts';
import { ADMIN_READS, READS, readAll } from './page-reads.ts';

// Two municipalities in one store (issue 13, ADR 0015): Jammerbugt's server (849) and a second
// server for Aalborg (851) on the same store, which loads the same example files, unit ids and
// all, plus a unit and a user of its own. Every read of 849 must answer exactly as before 851
// loaded: a query that forgot `municipality` would count 851's rows twice into the sums, or list
// its unit, its user or its deliveries.

const OTHER = '851';
const OTHER_ONLY_UNIT = 'AAL-1';

let t: TestApp;
let other: FastifyInstance;
let admin: Record<string, string>;
let direktion: Record<string, string>;
let chef: Record<string, string>;
let otherAdmin: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  await loadExamples(t.app, [...new Set(FEED_LOAD_ORDER)]);
  admin = bearer(await t.token('admin'));
  direktion = bearer(await t.token('direktion'));
  chef = bearer(await t.token('chef', ['2000']));
  other = await buildApp({
    config: loadConfig({ LIS_DEMO: '0', LOG_LEVEL: 'silent', LIS_MUNICIPALITY: OTHER }),
    store: t.store,
    logger: false,
  });
  otherAdmin = bearer(await createToken({ db: t.store.db, municipality: OTHER }, { name: 'admin', role: 'admin', orgIds: [] }));
});
afterAll(async () => {
  await other?.close();
  await t.done();
});

const loadOther = async (feed: string, body: string | Buffer) => {
  const response = await other.inject({
    method: 'POST',
    url: `/api/v1/feeds/${feed}`,
    headers: { 'content-type': 'text/csv', ...otherAdmin },
    payload: body,
  });
  expect(response.statusCode, `${feed}: ${response.body}`).toBe(200);
};

it('reads one municipality exactly as before another one loaded the same files into the store', async () => {
  const readers = async () => ({
    admin: await readAll(t.app, admin, [...READS, ...ADMIN_READS]),
    direktion: await readAll(t.app, direktion),
    chef: await readAll(t.app, chef),
  });
  const before = await readers();
  expect(Object.entries(before.admin).filter(([, a]) => a.status !== 200)).toEqual([]);

  const organisation = `${example('organisation.csv').toString('utf8').trimEnd()}\n${OTHER_ONLY_UNIT};2000;Aalborg-enhed;afdeling;;\n`;
  for (const feed of new Set(FEED_LOAD_ORDER))
    await loadOther(feed, feed === 'organisation' ? organisation : example(`${feed}.csv`));
  // the other server sees its own unit: the second load did land in the same store
  expect((await other.inject({ method: 'GET', url: '/api/v1/org-units', headers: otherAdmin })).body).toContain(OTHER_ONLY_UNIT);

  await createUser(
    { db: t.store.db, municipality: OTHER },
    { username: 'aalborg-oekonom', role: 'oekonom', password: 'korrekt hest batteri', orgIds: [] },
  );

  const after = await readers();
  for (const role of ['admin', 'direktion', 'chef'] as const)
    for (const [url, answer] of Object.entries(before[role])) expect(after[role][url], `${role} ${url}`).toEqual(answer);
});

it('refuses a token of one municipality on the other’s server, both ways, also right after its own server accepted it', async () => {
  // the servers share one process: a token verified (and remembered) by one must not open the other
  for (const url of ['/api/v1/org-units', '/api/v1/dashboard?org=849&period=2016-06']) {
    expect((await other.inject({ method: 'GET', url, headers: otherAdmin })).statusCode, url).toBe(200);
    expect((await t.app.inject({ method: 'GET', url, headers: otherAdmin })).statusCode, url).toBe(401);
    expect((await t.app.inject({ method: 'GET', url, headers: direktion })).statusCode, url).toBe(200);
    expect((await other.inject({ method: 'GET', url, headers: direktion })).statusCode, url).toBe(401);
  }
});

it('refuses a session of one municipality on the other’s server', async () => {
  const password = 'korrekt hest batteri';
  await createUser({ db: t.store.db, municipality: OTHER }, { username: 'aalborg', role: 'direktion', password, orgIds: [] });
  const login = await other.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'aalborg', password } });
  expect(login.statusCode).toBe(200);
  const cookie = String(login.headers['set-cookie']).split(';')[0] as string;
  expect((await other.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
  // the cookie is the user's own: nothing stops them sending it to the other municipality's host
  for (const url of ['/api/v1/auth/me', '/api/v1/org-units', '/api/v1/dashboard?org=849&period=2016-06'])
    expect((await t.app.inject({ method: 'GET', url, headers: { cookie } })).statusCode, url).toBe(401);
});
