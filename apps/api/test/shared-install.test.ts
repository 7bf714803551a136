import { FEED_LOAD_ORDER, type FeedName } from '@lis/contracts';
import type { Role } from '@lis/db';
import { withTestStore } from '@lis/db/testing';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { createToken, createUser } from '../src/modules/auth/auth.service.ts';
import { bearer, example } from './helpers.ts';
import { ADMIN_READS, READS, readAll } from './page-reads.ts';

// One server for several municipalities (LIS_MUNICIPALITIES, issue 13, ADR 0015): 849 and 851 are
// served by one process on one store, each caller reading their own municipality. The matrix: for
// each role of each municipality, every page read through the shared server must answer exactly as
// that municipality's own single-municipality server answers (whose isolation
// municipality-isolation.test.ts proves). 851's data differs from 849's: a unit of its own with
// spending on it, and no sick-leave feed, so an answer with the other's figures cannot pass.

const SERVED = ['849', '851'] as const;
type Code = (typeof SERVED)[number];
const OTHER_ONLY_UNIT = 'AAL-1';
const ROLES: { role: Role; orgIds: string[] }[] = [
  { role: 'admin', orgIds: [] },
  { role: 'direktion', orgIds: [] },
  { role: 'chef', orgIds: ['2000'] },
];
/** Reads that name a unit: with a unit only the other municipality has, the caller gets 403 or 404. */
const UNIT_READS = [
  `/api/v1/dashboard?org=${OTHER_ONLY_UNIT}&period=2016-06`,
  `/api/v1/kpis/sick_leave_pct/series?org=${OTHER_ONLY_UNIT}`,
  `/api/v1/kpis/sick_leave_pct/breakdown?org=${OTHER_ONLY_UNIT}&period=2016-06`,
  `/api/v1/matrix?org=${OTHER_ONLY_UNIT}&period=2016-06`,
  `/api/v1/budget/followup?org=${OTHER_ONLY_UNIT}&period=2016-06`,
  `/api/v1/budget/accounts?org=${OTHER_ONLY_UNIT}&period=2016-06`,
  `/api/v1/explanations?org=${OTHER_ONLY_UNIT}&period=2016-06`,
  `/api/v1/report?org=${OTHER_ONLY_UNIT}&period=2016-06`,
];

const silent = { LIS_DEMO: '0', LOG_LEVEL: 'silent' };
let done: () => Promise<void>;
let shared: FastifyInstance;
const single = {} as Record<Code, FastifyInstance>;
const tokens = {} as Record<Code, Record<string, Record<string, string>>>;

let db: Parameters<typeof createToken>[0]['db'];

/** 851's files: the examples with a unit of its own that has spending, and without the sick-leave feed. */
const filesOf = (code: Code): [FeedName, string | Buffer][] =>
  [...new Set(FEED_LOAD_ORDER)]
    .filter((feed) => code === '849' || feed !== 'sickleave')
    .map((feed) => {
      const file = example(`${feed}.csv`);
      if (code === '849') return [feed, file];
      if (feed === 'organisation')
        return [feed, `${file.toString('utf8').trimEnd()}\n${OTHER_ONLY_UNIT};2000;Aalborg-enhed;afdeling;;\n`];
      if (feed === 'economy')
        return [feed, `${file.toString('utf8').trimEnd()}\n2016-06;${OTHER_ONLY_UNIT};3.22.01;1;actual;9.876.543,21\n`];
      return [feed, file];
    });

beforeAll(async () => {
  const test = await withTestStore();
  done = test.done;
  db = test.store.db;
  // buildApp is given the configuration: the embedded store of the tests may host both (LIS_MUNICIPALITIES needs DATABASE_URL to start)
  const config: Config = { ...loadConfig(silent), municipalities: [...SERVED] };
  shared = await buildApp({ config, store: test.store, logger: false, checkResponses: true });
  for (const code of SERVED) {
    single[code] = await buildApp({
      config: loadConfig({ ...silent, LIS_MUNICIPALITY: code }),
      store: test.store,
      logger: false,
    });
  }
  const tokenOf = async (code: Code, role: Role, orgIds: string[]) =>
    bearer(await createToken({ db, municipality: code }, { name: role, role, orgIds }));
  for (const code of SERVED) {
    tokens[code] = { admin: await tokenOf(code, 'admin', []) };
    for (const [feed, body] of filesOf(code)) {
      const response = await shared.inject({
        method: 'POST',
        url: `/api/v1/feeds/${feed}`,
        headers: { 'content-type': 'text/csv', ...tokens[code].admin },
        payload: body,
      });
      expect(response.statusCode, `${code} ${feed}: ${response.body}`).toBe(200);
    }
    // a chef's unit must exist before their token
    for (const { role, orgIds } of ROLES.slice(1)) tokens[code][role] = await tokenOf(code, role, orgIds);
  }
});
afterAll(async () => {
  for (const app of [shared, ...Object.values(single)]) await app?.close();
  await done?.();
});

describe('one server for 849 and 851', () => {
  it("answers every page of each role of each municipality exactly as that municipality's own server", async () => {
    for (const code of SERVED)
      for (const { role } of ROLES) {
        const urls = role === 'admin' ? [...READS, ...ADMIN_READS] : READS;
        const own = await readAll(single[code], tokens[code][role] as Record<string, string>, urls);
        const viaShared = await readAll(shared, tokens[code][role] as Record<string, string>, urls);
        for (const url of urls) expect(viaShared[url], `${code} ${role} ${url}`).toEqual(own[url]);
      }
    // and the two municipalities' answers differ, so the comparison above could fail
    const kommune = '/api/v1/dashboard?org=849&period=2016-06';
    const [a, b] = await Promise.all(SERVED.map((code) => shared.inject({ url: kommune, headers: tokens[code].direktion })));
    expect(a?.statusCode).toBe(200);
    expect(b?.statusCode).toBe(200);
    expect(a?.body).not.toEqual(b?.body);
  });

  it("refuses every read of a unit only the other municipality has, and lets that municipality's reader see it", async () => {
    for (const url of UNIT_READS) {
      for (const { role } of ROLES) {
        const status = (await shared.inject({ url, headers: tokens['849'][role] })).statusCode;
        expect([403, 404], `849 ${role} ${url}`).toContain(status);
      }
      expect((await shared.inject({ url, headers: tokens['851'].admin })).statusCode, `851 admin ${url}`).toBe(200);
    }
  });

  it('loads a delivery into the municipality of the caller only', async () => {
    const units = async (app: FastifyInstance, code: Code) =>
      (await app.inject({ url: '/api/v1/org-units', headers: tokens[code].admin })).body;
    expect(await units(single['851'], '851')).toContain(OTHER_ONLY_UNIT);
    expect(await units(single['849'], '849')).not.toContain(OTHER_ONLY_UNIT);
    const ledger = await Promise.all(
      SERVED.map(async (code) => (await shared.inject({ url: '/api/v1/batches', headers: tokens[code].admin })).json()),
    );
    expect(ledger[0].length).toBe(filesOf('849').length);
    expect(ledger[1].length).toBe(filesOf('851').length);
  });

  it('signs a person in to the municipality they name, and says which it is', async () => {
    await createUser(
      { db, municipality: '849' },
      { username: 'birgit', role: 'direktion', password: 'jammerbugt hest 849', orgIds: [] },
    );
    await createUser(
      { db, municipality: '851' },
      { username: 'birgit', role: 'oekonom', password: 'aalborg hest 851', orgIds: [] },
    );
    const login = (payload: Record<string, string>) => shared.inject({ method: 'POST', url: '/api/v1/auth/login', payload });

    const own = await login({ username: 'birgit', password: 'aalborg hest 851', municipality: '851' });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ role: 'oekonom', municipality: { code: '851', name: 'Aalborg' } });
    const cookie = String(own.headers['set-cookie']).split(';')[0] as string;
    const me = await shared.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ role: 'oekonom', municipality: { code: '851' } });
    expect((await shared.inject({ url: '/api/v1/org-units', headers: { cookie } })).body).toContain(OTHER_ONLY_UNIT);

    // without a municipality: the install's first; with the other municipality's password: wrong
    expect((await login({ username: 'birgit', password: 'jammerbugt hest 849' })).json()).toMatchObject({
      role: 'direktion',
      municipality: { code: '849' },
    });
    expect((await login({ username: 'birgit', password: 'jammerbugt hest 849', municipality: '851' })).statusCode).toBe(401);
    // a municipality not served here, or no code at all
    for (const municipality of ['860', '85x']) {
      const refused = await login({ username: 'birgit', password: 'aalborg hest 851', municipality });
      expect(refused.statusCode, municipality).toBe(400);
      expect(refused.json().parameter, municipality).toBe('municipality');
    }
    const methods = (await shared.inject({ url: '/api/v1/auth/methods' })).json();
    expect(methods.municipalities).toEqual([
      { code: '849', name: 'Jammerbugt' },
      { code: '851', name: 'Aalborg' },
    ]);
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'reads as lis_reader of the caller’s municipality on PostgreSQL (ADR 0015)',
    async () => {
      for (const municipality of SERVED) {
        const { db: reads } = shared.readContext({ municipality, readDb: null } as FastifyRequest);
        const { rows } = await sql<{ who: string; setting: string; units: string[] }>`
        select current_user as who, current_setting('lis.municipality') as setting,
          (select array_agg(distinct municipality) from org_units) as units`.execute(reads);
        // the query names no municipality, and the database answers with the caller's only
        expect(rows[0]).toEqual({ who: 'lis_reader', setting: municipality, units: [municipality] });
      }
    },
  );

  it('refuses tokens and sessions of a municipality in the store that this server does not serve', async () => {
    const stranger = bearer(await createToken({ db, municipality: '860' }, { name: 'admin', role: 'admin', orgIds: [] }));
    expect((await single['849'].inject({ url: '/api/v1/org-units', headers: stranger })).statusCode).toBe(401);
    expect((await shared.inject({ url: '/api/v1/org-units', headers: stranger })).statusCode).toBe(401);
  });
});
