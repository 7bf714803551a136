import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore } from '@lis/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { ingestFile, restoreBatch } from '../src/modules/ingest/ingest.service.ts';
import { ingestContext } from '../src/modules/kpi/ingest-context.ts';
import { asAdmin, createAppWithOrganisation, postFeed, type TestApp } from './helpers.ts';

// Loads are serialised per store (an advisory lock in the publishing transaction): two loads at
// once, through the app or from the CLI beside it, both succeed or one is answered unchanged.

let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'lis-concurrent-'));
const { municipality } = loadConfig({ LIS_DEMO: '0' });
beforeAll(async () => {
  t = await createAppWithOrganisation();
});
afterAll(async () => {
  await t.done();
  rmSync(dir, { recursive: true, force: true });
});

const HEADER = 'period;org_id;function;dranst;amount_type;amount';
const FUNCTIONS = Array.from({ length: 100 }, (_, i) => `3.22.${String(i).padStart(2, '0')}`);
const UNITS = ['221010', '221040', '311020', '441010'];
/** 4 units × 100 functions × `months` months of 2016, every row the amount `amount`: big enough that two loads overlap. */
function economyFile(amount: number, months = 12): string {
  const lines = [HEADER];
  for (let m = 1; m <= months; m++)
    for (const unit of UNITS)
      for (const fn of FUNCTIONS) lines.push(`2016-${String(m).padStart(2, '0')};${unit};${fn};1;actual;${amount}`);
  return `${lines.join('\n')}\n`;
}
const ROWS = 12 * UNITS.length * FUNCTIONS.length; // 4,800

const activeEconomy = async () =>
  (
    await sql<{ n: number; total: number; batches: number }>`
      select count(*)::int as n, coalesce(sum(amount), 0) as total, count(distinct batch_id)::int as batches
      from economy where active`.execute(t.store.db)
  ).rows[0];
const batch = async (id: number) =>
  (await asAdmin(t.app, 'GET', '/api/v1/batches?feed=economy&limit=100')).json().find((b: { id: number }) => b.id === id);

describe('two loads at once', () => {
  it('of two economy files with the same keys: both are loaded, the later one is in effect', async () => {
    const [a, b] = await Promise.all([postFeed(t.app, 'economy', economyFile(7)), postFeed(t.app, 'economy', economyFile(11))]);
    expect([a.statusCode, b.statusCode], `${a.body} ${b.body}`).toEqual([200, 200]);
    const [loadA, loadB] = [a.json(), b.json()];
    expect([loadA.status, loadB.status]).toEqual(['loaded', 'loaded']);
    // The batch published second (the higher id) holds every row in effect.
    const [first, second] = loadA.batchId < loadB.batchId ? [loadA, loadB] : [loadB, loadA];
    const laterAmount = second === loadA ? 7 : 11;
    expect(await activeEconomy()).toEqual({ n: ROWS, total: ROWS * laterAmount, batches: 1 });
    expect(await batch(first.batchId)).toMatchObject({ status: 'replaced', activeRows: 0, rows: ROWS });
    expect(await batch(second.batchId)).toMatchObject({ status: 'loaded', activeRows: ROWS, rows: ROWS });
  });

  it('of the same file: one is loaded, the other answered unchanged with the same batch', async () => {
    const body = economyFile(13);
    const [a, b] = await Promise.all([postFeed(t.app, 'economy', body), postFeed(t.app, 'economy', body)]);
    expect([a.statusCode, b.statusCode], `${a.body} ${b.body}`).toEqual([200, 200]);
    const statuses = [a.json().status, b.json().status].sort();
    expect(statuses).toEqual(['loaded', 'unchanged']);
    expect(a.json().batchId).toBe(b.json().batchId);
    expect(await activeEconomy()).toEqual({ n: ROWS, total: ROWS * 13, batches: 1 });
    expect(await batch(a.json().batchId)).toMatchObject({ status: 'loaded', activeRows: ROWS });
    const ledger = (await asAdmin(t.app, 'GET', '/api/v1/batches?feed=economy&limit=100')).json();
    expect(ledger.filter((l: { rows: number; status: string }) => l.status !== 'replaced')).toHaveLength(1);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('of one process: the waiting loads hold no connection of the pool', async () => {
    // Polled while three loads run: a load waiting for the advisory lock would hold a connection.
    const waitingOnLock = sql<{ n: number }>`
      select count(*)::int as n from pg_locks
      where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`;
    let running = true;
    let mostWaiting = 0;
    const poll = (async () => {
      while (running) {
        mostWaiting = Math.max(mostWaiting, (await waitingOnLock.execute(t.store.db)).rows[0]?.n ?? 0);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const loads = await Promise.all([41, 43, 47].map((amount) => postFeed(t.app, 'economy', economyFile(amount))));
    running = false;
    await poll;
    expect(loads.map((l) => l.statusCode)).toEqual([200, 200, 200]);
    expect(mostWaiting).toBe(0);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('from the CLI on its own connections beside an HTTP load', async () => {
    // As `lis ingest` runs on PostgreSQL: its own store (pool) on the same database.
    const cli = await createStore({ databaseUrl: t.databaseUrl, poolSize: 2 });
    try {
      const path = join(dir, 'economy-cli.csv');
      writeFileSync(path, economyFile(17));
      const [http, local] = await Promise.all([
        postFeed(t.app, 'economy', economyFile(19)),
        ingestFile(ingestContext(cli, municipality), {
          feed: 'economy',
          path,
          fileName: 'economy-cli.csv',
          loadedBy: 'cli:test',
        }),
      ]);
      expect(http.statusCode, http.body).toBe(200);
      expect(local.status).toBe('loaded');
      const laterAmount = local.batchId > http.json().batchId ? 17 : 19;
      expect(await activeEconomy()).toEqual({ n: ROWS, total: ROWS * laterAmount, batches: 1 });
    } finally {
      await cli.close();
    }
  });
});

describe('the audit log', () => {
  const feedLoads = async () =>
    (
      await sql<{ actor: string; role: string | null; target: string; outcome: string; details: unknown }>`
        select actor, role, target, outcome, details from audit_log where action = 'feed_load' order by id`.execute(t.store.db)
    ).rows;

  it('has one entry for a load by the CLI without a server, and one for a load over HTTP', async () => {
    const path = join(dir, 'economy-audit.csv');
    writeFileSync(path, economyFile(23, 1));
    const before = (await feedLoads()).length;
    // The CLI without a server calls the ingestion service itself (cli/backend.ts, localBackend).
    const local = await ingestFile(ingestContext(t.store, municipality), {
      feed: 'economy',
      path,
      fileName: 'economy-audit.csv',
      loadedBy: 'cli:birgitte',
    });
    const http = (await postFeed(t.app, 'economy', economyFile(29, 1))).json();
    const rejected = (await postFeed(t.app, 'economy', `${HEADER}\n2016-01;221010;3.22.01;1;actual;abc\n`)).json();
    const entries = (await feedLoads()).slice(before);
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({ actor: 'cli:birgitte', role: null, target: `economy:${local.batchId}`, outcome: 'ok' });
    expect(entries[1]).toMatchObject({ actor: 'token:admin:', role: 'admin', target: `economy:${http.batchId}`, outcome: 'ok' });
    expect(entries[2]).toMatchObject({ actor: 'token:admin:', target: `economy:${rejected.batchId}`, outcome: 'failed' });
  });

  it('has one entry for a restore by the CLI without a server, and one for a restore over HTTP', async () => {
    const restores = async () =>
      (
        await sql<{ actor: string; target: string; outcome: string }>`
        select actor, target, outcome from audit_log where action = 'restore' order by id`.execute(t.store.db)
      ).rows;
    const first = (await postFeed(t.app, 'economy', economyFile(31, 1))).json();
    const second = (await postFeed(t.app, 'economy', economyFile(37, 1))).json();
    await restoreBatch(ingestContext(t.store, municipality), first.batchId, { name: 'cli:birgitte' });
    await asAdmin(t.app, 'POST', `/api/v1/batches/${second.batchId}/restore`);
    expect(await restores()).toEqual([
      { actor: 'cli:birgitte', target: `batch:${first.batchId}`, outcome: 'ok' },
      { actor: 'token:admin:', target: `batch:${second.batchId}`, outcome: 'ok' },
    ]);
  });
});
