import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, migrateToLatest } from '@lis/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createToken } from '../src/modules/auth/auth.service.ts';
import { ingestFile } from '../src/modules/ingest/ingest.service.ts';
import { asAdmin, createTestApp, EXAMPLES, loadExamples, type TestApp } from './helpers.ts';
import { postgresBinaries, ThrowawayPostgres } from './throwaway-postgres.ts';

const SERVER = new URL('../src/server.ts', import.meta.url).pathname;
const PG_BIN = postgresBinaries();

describe.skipIf(!PG_BIN)(
  'PostgreSQL going away and coming back (a throwaway cluster; skipped when no PostgreSQL binaries, initdb and pg_ctl in /usr/lib/postgresql/*/bin, exist)',
  () => {
    let cluster: ThrowawayPostgres | null = null;
    let server: ChildProcess | null = null;
    afterAll(async () => {
      server?.kill('SIGKILL');
      await cluster?.remove();
    });

    it('keeps the server running: 503 while PostgreSQL is down, answers again once it is back, without a restart', async () => {
      cluster = await ThrowawayPostgres.create(PG_BIN as string);
      const config = loadConfig({ DATABASE_URL: cluster.url });
      const setup = await createStore({ databaseUrl: cluster.url });
      await migrateToLatest(setup.db);
      const token = await createToken(
        { db: setup.db, municipality: config.municipality },
        { name: 'resilience', role: 'admin', orgIds: [] },
      );
      await setup.close();

      server = spawn(process.execPath, ['--import', 'tsx', SERVER], {
        env: { ...process.env, DATABASE_URL: cluster.url, PORT: '0', HOST: '127.0.0.1', LIS_DEMO: '0', LOG_LEVEL: 'warn' },
        cwd: new URL('..', import.meta.url).pathname,
      });
      let stdout = '';
      let stderr = '';
      server.stdout?.on('data', (d) => (stdout += d));
      server.stderr?.on('data', (d) => (stderr += d));
      for (let i = 0; i < 600 && !/running at http:\/\/\S+/.test(stdout) && server.exitCode === null; i++)
        await new Promise((r) => setTimeout(r, 100));
      const base = /running at (http:\/\/\S+)/.exec(stdout)?.[1];
      expect(base, stderr).toBeDefined();
      const get = async (path: string) => {
        const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      };
      const loadOrganisation = () =>
        fetch(`${base}/api/v1/feeds/organisation`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
          body: readFileSync(new URL('organisation.csv', EXAMPLES)),
        });

      expect(await get('/health/ready')).toEqual({ status: 200, body: { status: 'ready', store: 'postgres' } });
      // Several requests at once leave several idle connections in the pool: each of them breaks.
      const batches = await Promise.all(Array.from({ length: 4 }, () => get('/api/v1/batches')));
      expect(batches.map((b) => b.status)).toEqual([200, 200, 200, 200]);

      for (const mode of ['immediate', 'fast'] as const) {
        await cluster.stop(mode);
        await new Promise((r) => setTimeout(r, 500)); // the broken connections' errors arrive
        expect(server.exitCode, stderr).toBeNull();
        expect(await get('/health/ready')).toEqual({ status: 503, body: { status: 'unavailable', store: 'postgres' } });
        expect(await get('/api/v1/batches')).toEqual({
          status: 503,
          body: {
            statusCode: 503,
            code: 'store_unavailable',
            error: 'The database cannot be reached right now; try again in a moment',
          },
        });
        expect(server.exitCode).toBeNull();

        await cluster.start();
        expect(await get('/health/ready')).toEqual({ status: 200, body: { status: 'ready', store: 'postgres' } });
        expect((await get('/api/v1/batches')).status).toBe(200);
        // Fill the pool again before the next outage.
        await Promise.all(Array.from({ length: 4 }, () => get('/api/v1/batches')));
      }
      expect(stderr).toContain('PostgreSQL connection lost');

      // A real write and read after the outages
      expect((await loadOrganisation()).status).toBe(200);
      expect((await get('/api/v1/batches')).body).toMatchObject([{ feed: 'organisation', rows: 17, status: 'loaded' }]);
    }, 180_000);
  },
);

describe('reads while a large delivery is loading', () => {
  let t: TestApp;
  let bigFile: string;
  beforeAll(async () => {
    t = await createTestApp();
    await loadExamples(t.app, ['organisation', 'economy']);
    // 400,000 economy rows: a load of several seconds on either store
    const lines = ['period;org_id;function;dranst;amount_type;amount'];
    const units = ['221010', '221040', '311020', '241040', '441010'];
    for (let i = 0; lines.length <= 400_000; i++) {
      const fn = `3.${10 + Math.floor(i / 100)}.${String(i % 100).padStart(2, '0')}`;
      for (const unit of units)
        for (let month = 1; month <= 12; month++)
          for (const type of ['actual', 'corrected_budget'])
            lines.push(`2016-${String(month).padStart(2, '0')};${unit};${fn};1;${type};${i},${month}`);
    }
    lines.length = 400_001;
    bigFile = join(mkdtempSync(join(tmpdir(), 'lis-busy-')), 'economy-big.csv');
    writeFileSync(bigFile, `${lines.join('\n')}\n`);
  });
  afterAll(() => t.done());

  it(process.env.TEST_DATABASE_URL
    ? 'PostgreSQL keeps answering reads during a load'
    : 'the embedded store answers reads during a load at once with 503 load_in_progress, and again once it is done', async () => {
    let staging!: () => void;
    const inTransaction = new Promise<void>((resolve) => (staging = resolve));
    const load = ingestFile(t.app.lis.servedFor(t.app.lis.config.municipality).ingest, {
      feed: 'economy',
      path: bigFile,
      fileName: 'economy-big.csv',
      loadedBy: 'test',
      onProgress: () => staging(),
    });
    await inTransaction; // rows are being staged: the load's transaction is open
    const started = Date.now();
    const during = await asAdmin(t.app, 'GET', '/api/v1/dashboard?org=849&period=2016-12');
    const waited = Date.now() - started;
    const health = await t.app.inject({ method: 'GET', url: '/health' });
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
    const stillLoading = t.store.busy();
    const result = await load;
    expect(result).toMatchObject({ status: 'loaded', rows: 400_000 });
    expect(health.statusCode).toBe(200);
    if (t.store.kind === 'pglite') {
      expect(stillLoading).toBe(true); // the answers came while the load still ran
      expect(during.statusCode).toBe(503);
      expect(during.headers['retry-after']).toBe('5');
      expect(during.json()).toEqual({
        statusCode: 503,
        code: 'load_in_progress',
        error: 'A delivery is being loaded; try again in a moment',
      });
      expect(waited).toBeLessThan(1000);
      expect(ready.json()).toEqual({ status: 'ready', store: 'pglite', loading: true });
    } else {
      expect(during.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready', store: 'postgres' });
    }
    console.log(`${t.store.kind}: a dashboard request during the load answered ${during.statusCode} after ${waited} ms`);
    expect((await asAdmin(t.app, 'GET', '/api/v1/dashboard?org=849&period=2016-12')).statusCode).toBe(200);
  }, 120_000);
});
