import { FEEDS } from '@lis/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayLoadDirectly } from '../src/modules/ingest/first-load.ts';
import { asAdmin, createAppWithOrganisation, economyCsv, factFingerprint, postFeed, type TestApp } from './helpers.ts';

// A feed's first load is copied straight into its table (docs/adr/0014-first-load-without-stage.md);
// what a user sees (errors, the ledger, the facts, the next delivery) must be what a staged load gives.

let t: TestApp;
beforeAll(async () => {
  t = await createAppWithOrganisation();
});
afterAll(() => t.done());

const mayLoadEconomyDirectly = () => t.store.transaction((tx) => mayLoadDirectly(tx, FEEDS.economy, '849'));
const economy = async () =>
  (
    await sql<{ row: string }>`
      select concat_ws(' ', to_char(period, 'YYYY-MM'), org_id, function, amount_type, amount, batch_id) as row
      from economy where active order by 1`.execute(t.store.db)
  ).rows.map((r) => r.row);
const batch = async (id: number) =>
  ((await asAdmin(t.app, 'GET', '/api/v1/batches?feed=economy')).json() as { id: number }[]).find((b) => b.id === id);

describe("a feed's first load, straight into its table", () => {
  it('names both lines of a key twice and stores nothing, as a staged load does', async () => {
    expect(await mayLoadEconomyDirectly()).toBe(true);
    const before = await factFingerprint(t.store);
    const response = await postFeed(
      t.app,
      'economy',
      economyCsv('2016-01;221010;3.22.01;1;actual;5', '2016-02;221010;3.22.01;1;actual;6', '2016-01;221010;3.22.01;1;actual;7'),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      errorCount: 1,
      errors: [{ line: 4, message: expect.stringContaining('på linje 2') }],
    });
    expect(await factFingerprint(t.store)).toEqual(before);
  });

  it('names a bad cell by line and column and stores nothing', async () => {
    const before = await factFingerprint(t.store);
    const response = await postFeed(
      t.app,
      'economy',
      economyCsv('2016-01;221010;3.22.01;1;actual;5', '2016-13;221010;3.22.01;1;actual;5'),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ errors: [{ line: 3, column: 'period', value: '2016-13' }] });
    expect(await factFingerprint(t.store)).toEqual(before);
  });

  it('stores every row in effect under its batch, with the ledger’s row count and months', async () => {
    expect(await mayLoadEconomyDirectly()).toBe(true);
    const response = await postFeed(
      t.app,
      'economy',
      economyCsv('2016-01;221010;3.22.01;1;actual;5,25', '2016-03;221010;3.22.05;1;corrected_budget;-100'),
    );
    expect(response.statusCode).toBe(200);
    const { batchId } = response.json() as { batchId: number };
    expect(await economy()).toEqual([
      `2016-01 221010 3.22.01 actual 5.25 ${batchId}`,
      `2016-03 221010 3.22.05 corrected_budget -100.00 ${batchId}`,
    ]);
    expect(await batch(batchId)).toMatchObject({
      status: 'loaded',
      rows: 2,
      activeRows: 2,
      periodFrom: '2016-01-01',
      periodTo: '2016-03-01',
    });
    expect(await mayLoadEconomyDirectly()).toBe(false);
    // the two rejected first loads kept the ids their undone attempts took: the ledger skips none
    const ledger = (await asAdmin(t.app, 'GET', '/api/v1/batches')).json() as { id: number; feed: string; status: string }[];
    expect(ledger.map((b) => `${b.id} ${b.feed} ${b.status}`).sort()).toEqual([
      '1 organisation loaded',
      '2 economy rejected',
      '3 economy rejected',
      `4 economy loaded`,
    ]);
  });

  it('leaves the next delivery to the stage: a restatement sets the first batch’s row aside', async () => {
    const first = ((await asAdmin(t.app, 'GET', '/api/v1/batches?feed=economy')).json() as { id: number; status: string }[]).find(
      (b) => b.status === 'loaded',
    );
    const response = await postFeed(t.app, 'economy', economyCsv('2016-01;221010;3.22.01;1;actual;9'));
    expect(response.statusCode).toBe(200);
    const { batchId } = response.json() as { batchId: number };
    expect(await economy()).toEqual([
      `2016-01 221010 3.22.01 actual 9.00 ${batchId}`,
      `2016-03 221010 3.22.05 corrected_budget -100.00 ${first?.id}`,
    ]);
    expect(await batch(first?.id ?? 0)).toMatchObject({ status: 'loaded', activeRows: 1 });
  });
});
