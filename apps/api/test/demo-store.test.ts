import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, migrateToLatest, readLiveLock } from '@lis/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, ensureDemoUsers } from '../src/demo-users.ts';
import { createUser } from '../src/modules/auth/auth.service.ts';
import {
  loadDemoInto,
  NotADemoStoreError,
  retireDemoUsersIfReal,
  storeContents,
} from '../src/modules/demo-store/demo-store.service.ts';
import { ingestFile } from '../src/modules/ingest/ingest.service.ts';
import { createTestApp, EXAMPLES, example, postFeed, type TestApp } from './helpers.ts';

const login = (t: TestApp, username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('demo users and demo data only in a store the demo made', () => {
  let t: TestApp;
  let ctx: { db: TestApp['store']['db']; municipality: string };
  beforeAll(async () => {
    t = await createTestApp();
    ctx = { db: t.store.db, municipality: t.app.lis.config.municipality };
  });
  afterAll(() => t.done());

  const loadOrganisationAsDemo = () =>
    loadDemoInto(ctx, async () => [
      await ingestFile(t.app.lis.servedFor(t.app.lis.config.municipality).ingest, {
        feed: 'organisation',
        path: new URL('organisation.csv', EXAMPLES).pathname,
        fileName: 'demo/organisation.csv',
        loadedBy: 'demo',
      }),
    ]);

  it('calls a store with only what the demo loaded a demo store; a rejected file stores nothing and changes that not', async () => {
    expect(await storeContents(ctx)).toBe('empty');
    await loadOrganisationAsDemo();
    expect(await storeContents(ctx)).toBe('demo');
    expect(await ensureDemoUsers(ctx)).toHaveLength(5);
    expect((await login(t, 'admin', DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await postFeed(t.app, 'targets', 'kpi_id;org_id;year;target\nno_such_kpi;K;2016;5\n')).statusCode).toBe(422);
    expect(await storeContents(ctx)).toBe('demo');
    expect(await retireDemoUsersIfReal(ctx)).toEqual([]);
  });

  it('retires the demo users (disabled, signed out) once a real delivery is stored, and keeps other users', async () => {
    const session = (await login(t, 'chef', DEMO_PASSWORD)).headers['set-cookie'] as string;
    await createUser(ctx, {
      username: 'birgitte',
      role: 'direktion',
      displayName: 'Birgitte',
      orgIds: [],
      password: 'en lang adgangskode',
    });
    // a demo user trying the upload keeps the session; the next start (below) retires them
    const adminCookie = ((await login(t, 'admin', DEMO_PASSWORD)).headers['set-cookie'] as string).split(';')[0] as string;
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feeds/case_types',
      headers: { cookie: adminCookie, 'x-lis-request': '1', 'content-type': 'text/csv' },
      payload: example('case_types.csv'),
    });
    expect(upload.statusCode).toBe(200);
    expect(await storeContents(ctx)).toBe('real');
    expect((await login(t, 'admin', DEMO_PASSWORD)).statusCode).toBe(200);

    expect(await retireDemoUsersIfReal(ctx)).toEqual(['admin', 'chef', 'direktion', 'feeder', 'oekonom']);
    expect((await login(t, 'admin', DEMO_PASSWORD)).statusCode).toBe(401);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: session.split(';')[0] as string },
    });
    expect(me.statusCode).toBe(401);
    expect((await login(t, 'birgitte', 'en lang adgangskode')).statusCode).toBe(200);
    expect(await ensureDemoUsers(ctx).then(() => retireDemoUsersIfReal(ctx))).toEqual([]);
  });

  it('refuses to load the demo into a store with real data, and stores nothing', async () => {
    const before = await t.store.db.selectFrom('batches').select('id').execute();
    await expect(loadOrganisationAsDemo()).rejects.toBeInstanceOf(NotADemoStoreError);
    expect(await t.store.db.selectFrom('batches').select('id').execute()).toEqual(before);
  });
});
describe('a load by anyone but a demo user', () => {
  it('retires the demo users at once', async () => {
    const t = await createTestApp();
    try {
      const ctx = { db: t.store.db, municipality: t.app.lis.config.municipality };
      await loadDemoInto(ctx, async () => [
        await ingestFile(t.app.lis.servedFor(t.app.lis.config.municipality).ingest, {
          feed: 'organisation',
          path: new URL('organisation.csv', EXAMPLES).pathname,
          fileName: 'demo/organisation.csv',
          loadedBy: 'demo',
        }),
      ]);
      await ensureDemoUsers(ctx);
      expect((await login(t, 'admin', DEMO_PASSWORD)).statusCode).toBe(200);
      expect((await postFeed(t.app, 'case_types', example('case_types.csv'))).statusCode).toBe(200); // a machine token
      expect((await login(t, 'admin', DEMO_PASSWORD)).statusCode).toBe(401);
      const audit = await t.store.db
        .selectFrom('audit_log')
        .select('target')
        .where('action', '=', 'user_disable')
        .orderBy('target')
        .execute();
      expect(audit.map((a) => a.target)).toEqual(['admin', 'chef', 'direktion', 'feeder', 'oekonom'].map((u) => `user:${u}`));
    } finally {
      await t.done();
    }
  });
});

const SERVER = new URL('../src/server.ts', import.meta.url).pathname;

/** Starts the server on a data directory and resolves with what it printed once it listens. */
async function startServer(dataDir: string) {
  const server = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    env: { ...process.env, LIS_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', LIS_DEMO: '1' },
    cwd: new URL('..', import.meta.url).pathname,
  });
  let stdout = '';
  server.stdout.on('data', (d) => (stdout += d));
  for (let i = 0; i < 300 && !stdout.includes('Store:'); i++) await new Promise((r) => setTimeout(r, 100));
  return { server, stdout: () => stdout, url: (await readLiveLock(dataDir))?.url as string };
}

describe.runIf(!process.env.TEST_DATABASE_URL)('starting on an embedded store that holds real data', () => {
  it('adds no demo users (the published password opens nothing) and says what kind of store it is', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lis-real-'));
    const store = await createStore({ dataDir: join(dataDir, 'pglite') });
    await migrateToLatest(store.db);
    const ctx = { db: store.db, municipality: '849' };
    await createUser(ctx, {
      username: 'it-admin',
      role: 'admin',
      displayName: 'IT',
      orgIds: [],
      password: 'en lang adgangskode',
    });
    const { ingestContext } = await import('../src/modules/kpi/ingest-context.ts');
    await ingestFile(ingestContext(store, '849'), {
      feed: 'organisation',
      path: new URL('organisation.csv', EXAMPLES).pathname,
      fileName: 'organisation.csv',
      loadedBy: 'it-admin',
    });
    await store.close();

    const { server, stdout, url } = await startServer(dataDir);
    try {
      expect(stdout()).toContain('Store: embedded (PGlite)');
      expect(stdout()).toContain('real data (no demo users)');
      expect(stdout()).not.toContain(DEMO_PASSWORD);
      const signIn = (username: string, password: string) =>
        fetch(`${url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password }),
        });
      expect((await signIn('admin', DEMO_PASSWORD)).status).toBe(401);
      expect((await signIn('it-admin', 'en lang adgangskode')).status).toBe(200);
    } finally {
      server.kill();
    }
  }, 90_000);
});
