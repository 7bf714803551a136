import { createStore } from '@lis/db';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { parseLsn } from '../src/lib/replica-monitor.ts';
import { createToken } from '../src/modules/auth/auth.service.ts';
import { READ_FROM_HEADER, READ_ONLY_MESSAGE, REPLICA_LAG_HEADER } from '../src/plugins/read-replica.ts';
import { type OpenedStore, openStore } from '../src/store-access.ts';
import { bearer, createTestApp, example, loadExamples } from './helpers.ts';
import { postgresBinaries, ThrowawayPostgres } from './throwaway-postgres.ts';

const PG_BIN = postgresBinaries();
const MAX_LAG_MS = 1000;

/** Asks `check` again every 100 ms until it holds (or fails with its last answer after `ms`). */
async function eventually<T>(what: string, ask: () => Promise<T>, holds: (answer: T) => boolean, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  let answer = await ask();
  while (!holds(answer)) {
    if (Date.now() > until) throw new Error(`${what}: still ${JSON.stringify(answer)} after ${ms} ms`);
    await new Promise((resume) => setTimeout(resume, 100));
    answer = await ask();
  }
  return answer;
}

it('compares WAL positions as numbers (high/low 32 bits in hex)', () => {
  expect(parseLsn('0/0')).toBe(0n);
  expect(parseLsn('16/B374D848')).toBe(0x16n * 2n ** 32n + 0xb374d848n);
  // as text '0/10' sorts before '0/F'; as a position it comes after
  expect(parseLsn('0/10') > parseLsn('0/F')).toBe(true);
  expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
});

it('without DATABASE_READ_URL reads the one store, as before: no monitor, no headers', async () => {
  const t = await createTestApp();
  try {
    expect(t.app.lis.replica).toBeNull();
    await loadExamples(t.app, ['organisation']);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/org-units', headers: bearer(await t.token('direktion')) });
    expect(response.statusCode).toBe(200);
    expect(response.headers[READ_FROM_HEADER]).toBeUndefined();
    expect(response.headers[REPLICA_LAG_HEADER]).toBeUndefined();
    expect((await t.app.inject({ method: 'GET', url: '/health/ready' })).json()).not.toHaveProperty('replica');
  } finally {
    await t.done();
  }
});

// PostgreSQL only (the CI's run with TEST_DATABASE_URL), and only where the binaries can start clusters of the test's own.
describe.skipIf(!PG_BIN || !process.env.TEST_DATABASE_URL)(
  'reads on a streaming replica (a throwaway primary and a replica of it, on free local ports)',
  () => {
    let primary: ThrowawayPostgres | null = null;
    let replica: ThrowawayPostgres | null = null;
    let opened: OpenedStore | null = null;
    let app: FastifyInstance | null = null;
    afterAll(async () => {
      await app?.close();
      await opened?.close();
      await replica?.remove();
      await primary?.remove();
    });

    it('reads the replica, falls back to the primary when it lags or is down, and is read-only while the primary is down', async () => {
      primary = await ThrowawayPostgres.create(PG_BIN as string);
      replica = await ThrowawayPostgres.replicaOf(primary);
      const config = loadConfig({
        DATABASE_URL: primary.url,
        DATABASE_READ_URL: replica.url,
        LIS_REPLICA_MAX_LAG_MS: String(MAX_LAG_MS),
        LIS_DEMO: '0',
        LOG_LEVEL: 'silent',
      });
      opened = await openStore(config); // migrates the primary; the replica follows
      const api = await buildApp({ config, store: opened.store, replica: opened.replica, logger: false, checkResponses: true });
      app = api;
      const tokenOf = (name: string, role: 'admin' | 'direktion') =>
        createToken({ db: (opened as OpenedStore).store.db, municipality: config.municipality }, { name, role, orgIds: [] });
      const admin = await tokenOf('loader', 'admin');
      const reader = await tokenOf('reader', 'direktion');
      const laterReader = await tokenOf('later-reader', 'direktion'); // first used while the primary is down
      const get = async (url: string, token = reader) => {
        const response = await api.inject({ method: 'GET', url, headers: bearer(token) });
        const lag = response.headers[REPLICA_LAG_HEADER];
        return {
          status: response.statusCode,
          from: response.headers[READ_FROM_HEADER],
          lagMs: lag === undefined ? null : Number(lag),
          body: response.json(),
        };
      };
      const post = (feed: string) =>
        api.inject({
          method: 'POST',
          url: `/api/v1/feeds/${feed}`,
          headers: { 'content-type': 'text/csv', ...bearer(admin) },
          payload: example(`${feed}.csv`),
        });
      const ready = async () => (await api.inject({ method: 'GET', url: '/health/ready' })).json();
      const onReplica = async (text: string) => {
        const own = await createStore({ databaseUrl: (replica as ThrowawayPostgres).url, poolSize: 1 });
        try {
          return (await sql.raw(text).execute(own.db)).rows;
        } finally {
          await own.close();
        }
      };

      // 1. A fresh load is visible on a read from the replica.
      const first = await eventually('the replica up', ready, (r) => r.replica?.state === 'up');
      expect(first).toMatchObject({ status: 'ready', store: 'postgres', replica: { state: 'up' } });
      expect((await post('organisation')).statusCode).toBe(200);
      // the loader reads its own write at once (from the primary until the replica has it)
      expect((await get('/api/v1/org-units', admin)).body.length).toBeGreaterThan(0);
      const units = await eventually(
        'the organisation on the replica',
        () => get('/api/v1/org-units'),
        (r) => r.from === 'replica' && r.body.length > 0,
      );
      expect(units.status).toBe(200);
      expect(units.lagMs).toBeLessThanOrEqual(MAX_LAG_MS);
      // the ledger is no read route's: it stays on the primary and says nothing of the replica
      expect(
        (await api.inject({ method: 'GET', url: '/api/v1/batches', headers: bearer(admin) })).headers[READ_FROM_HEADER],
      ).toBe(undefined);
      // and LIS's readers are connected to the replica
      expect(await onReplica(`select 1 from pg_stat_activity where application_name = 'lis-read'`)).not.toEqual([]);

      // 2. Replay paused: the replica's snapshot stays whole but old; beyond the limit reads go to the primary.
      await onReplica('select pg_wal_replay_pause()');
      expect((await post('kpi')).statusCode).toBe(200);
      const dashboard = '/api/v1/dashboard';
      const stale = await get(dashboard);
      // a replica snapshot is a whole transaction's: without the load's facts, and so without its rollups
      if (stale.from === 'replica') expect(stale.body.latestPeriod).toBeNull();
      const fallback = await eventually(
        'the fallback to the primary',
        () => get(dashboard),
        (r) => r.from === 'primary',
      );
      expect(fallback.lagMs).toBeGreaterThan(MAX_LAG_MS);
      expect(fallback.body.latestPeriod).not.toBeNull();
      expect((await ready()).replica).toMatchObject({ state: 'lagging' });
      await onReplica('select pg_wal_replay_resume()');
      const caughtUp = await eventually(
        'the replica caught up',
        () => get(dashboard),
        (r) => r.from === 'replica',
      );
      expect(caughtUp.body).toEqual(fallback.body);

      // 3. Replica down: reads answer from the primary.
      await replica.stop('immediate');
      const withoutReplica = await eventually(
        'reads without the replica',
        () => get(dashboard),
        (r) => r.from === 'primary',
      );
      expect(withoutReplica).toMatchObject({ status: 200, lagMs: null, body: caughtUp.body });
      expect(await ready()).toEqual({ status: 'ready', store: 'postgres', replica: { state: 'down', lagMs: null } });
      await replica.start();
      await eventually(
        'the replica back',
        () => get(dashboard),
        (r) => r.from === 'replica',
      );

      // 4. Primary down: reads (and sign-in checks) answer from the replica, writes 503 read_only.
      await primary.stop('immediate');
      expect(await eventually('read-only', ready, (r) => r.status === 'read_only')).toEqual({
        status: 'read_only',
        store: 'postgres',
        replica: { state: 'up', lagMs: null },
      });
      expect(await get(dashboard, laterReader)).toMatchObject({ status: 200, from: 'replica', body: caughtUp.body });
      const write = await post('kpi');
      expect(write.statusCode).toBe(503);
      expect(write.json()).toEqual({ statusCode: 503, code: 'read_only', error: READ_ONLY_MESSAGE });
      expect(READ_ONLY_MESSAGE).toMatch(/kan kun læses.*read-only/);
    }, 90_000); // 12 s on an idle machine, 30 s beside a full test run
  },
);
