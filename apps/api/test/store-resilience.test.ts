import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createStore, migrateToLatest } from '@lis/db';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createToken } from '../src/modules/auth/auth.service.ts';
import { EXAMPLES } from './helpers.ts';
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
      expect((await get('/api/v1/batches')).body).toMatchObject([{ feed: 'organisation', rows: 12, status: 'loaded' }]);
    }, 180_000);
  },
);
