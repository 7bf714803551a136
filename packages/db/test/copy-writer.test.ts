import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/index.ts';
import { withTestStore } from '../src/testing.ts';

describe('copyWriter', () => {
  let store: Store;
  let done: () => Promise<void>;
  beforeAll(async () => {
    ({ store, done } = await withTestStore());
  });
  afterAll(() => done());

  const count = async () => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from peer_groups`.execute(store.db);
    return rows[0]?.n;
  };

  it('stores lines written as text and as bytes in many pieces', async () => {
    const stored = await store.transaction(async (tx) => {
      await sql`create temp table t (a text, b numeric) on commit drop`.execute(tx.db);
      const writer = tx.copyWriter('t', ['a', 'b']);
      for (let i = 0; i < 1_000; i++) await writer.write(i % 2 ? `r${i}\t${i}\n` : Buffer.from(`æ${i}\t\\N\n`));
      await writer.end();
      const { rows } = await sql<{ n: number; sum: number }>`select count(*)::int as n, sum(b) as sum from t`.execute(tx.db);
      return rows[0];
    });
    expect(stored).toEqual({ n: 1_000, sum: 250_000 }); // 1 + 3 + … + 999
  });

  it('rejects with the server error and leaves the transaction to roll back', async () => {
    await expect(
      store.transaction(async (tx) => {
        await sql`insert into peer_groups (municipality, name, municipalities, created_by) values ('849', 'x', '{}', 't')`.execute(
          tx.db,
        );
        const writer = tx.copyWriter('peer_groups', ['municipality', 'name', 'municipalities', 'created_by']);
        await writer.write('849\ty\t{}\tt\n849\ty\tnot an array\tt\n');
        await writer.end();
      }),
    ).rejects.toThrow(/array/i);
    expect(await count()).toBe(0);
  });

  it('aborts a COPY half-way without leaving the connection waiting', async () => {
    await expect(
      store.transaction(async (tx) => {
        const writer = tx.copyWriter('peer_groups', ['municipality', 'name', 'municipalities', 'created_by']);
        await writer.write('849\tz\t{}\tt\n');
        await writer.abort();
        throw new Error('the caller failed');
      }),
    ).rejects.toThrow('the caller failed');
    expect(await count()).toBe(0);
  });
});
