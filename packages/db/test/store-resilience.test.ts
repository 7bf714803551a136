import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, isStoreUnavailable, type Store } from '../src/index.ts';
import { withTestStore } from '../src/testing.ts';

describe('a store under a transaction or a lost connection', () => {
  let store: Store;
  let databaseUrl: string | null;
  let done: () => Promise<void>;
  beforeAll(async () => {
    ({ store, databaseUrl, done } = await withTestStore());
  });
  afterAll(() => done());

  it('tells whether a transaction holds the embedded store, and when it is free again', async () => {
    expect(store.busy()).toBe(false);
    let finish!: () => void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    const transaction = store.transaction(async (tx) => {
      await sql`select 1`.execute(tx.db);
      await held;
    });
    await new Promise((r) => setTimeout(r, 20));
    // PostgreSQL gives readers connections of their own: never busy
    expect(store.busy()).toBe(store.kind === 'pglite');
    let idle = false;
    const waiting = store.idle().then(() => (idle = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(idle).toBe(store.kind !== 'pglite');
    finish();
    await transaction;
    await waiting;
    expect(store.busy()).toBe(false);
  });

  it.runIf(process.env.TEST_DATABASE_URL)('logs connections the server ends and connects again', async () => {
    const lost: string[] = [];
    const url = new URL(databaseUrl as string);
    url.searchParams.set('application_name', 'lis-resilience');
    const own = await createStore({
      databaseUrl: url.toString(),
      poolSize: 3,
      onConnectionError: (e) => lost.push((e as { code?: string }).code ?? e.message),
    });
    // three idle connections in the pool
    await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.05)`.execute(own.db)));
    const { rows } = await sql<{ n: number }>`
      select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and application_name = 'lis-resilience'`.execute(store.db);
    expect(rows[0]?.n).toBeGreaterThanOrEqual(3);
    await new Promise((r) => setTimeout(r, 300));
    expect(lost).toContain('57P01'); // terminating connection due to administrator command
    const { rows: after } = await sql<{ one: number }>`select 1 as one`.execute(own.db);
    expect(after[0]?.one).toBe(1);
    await own.close();
  });
});

it('calls connection failures unavailable, and query errors not', () => {
  expect(isStoreUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(
    true,
  );
  expect(isStoreUnavailable(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]))).toBe(true);
  expect(isStoreUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  expect(isStoreUnavailable(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe(true);
  expect(isStoreUnavailable(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false);
  expect(isStoreUnavailable(new Error('nested transaction'))).toBe(false);
});
