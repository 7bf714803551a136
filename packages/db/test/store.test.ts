import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, migrateToLatest, type Store } from '../src/index.ts';
import { withTestStore } from '../src/testing.ts';

describe('store', () => {
  let store: Store;
  let done: () => Promise<void>;
  beforeAll(async () => {
    ({ store, done } = await withTestStore());
  });
  afterAll(() => done());

  it('migrates and reads dates as strings, numerics and bigints as numbers', async () => {
    const { rows } = await sql<{
      d: string;
      n: number;
      b: number;
    }>`select date '2016-03-01' as d, 12.5::numeric as n, 7::bigint as b`.execute(store.db);
    expect(rows[0]).toEqual({ d: '2016-03-01', n: 12.5, b: 7 });
  });

  it('copies rows inside a transaction and rolls them back on error', async () => {
    await expect(
      store.transaction(async (tx) => {
        await sql`create temp table t (a text, b numeric)`.execute(tx.db);
        await tx.copyInto('t', ['a', 'b'], 'æøå\t1.5\nx\t\\N\n');
        const { rows } = await sql<{ a: string; b: number | null }>`select a, b from t order by a`.execute(tx.db);
        expect(rows).toEqual([
          { a: 'x', b: null },
          { a: 'æøå', b: 1.5 },
        ]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const { rows } = await sql<{ n: number }>`select count(*) as n from pg_tables where tablename = 't'`.execute(store.db);
    expect(rows[0]?.n).toBe(0);
  });

  it('migrateToLatest is idempotent', async () => {
    expect(await migrateToLatest(store.db)).toEqual([]);
  });
});

it('opens PGlite in memory without options', async () => {
  const store = await createStore({ dataDir: null });
  const { rows } = await sql<{ one: number }>`select 1 as one`.execute(store.db);
  expect(rows[0]?.one).toBe(1);
  await store.close();
}, 60_000); // starting PGlite takes seconds on a busy machine
