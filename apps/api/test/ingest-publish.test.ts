import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, createAppWithOrganisation, economyCsv, factFingerprint, postFeed, type TestApp } from './helpers.ts';

// Publishing without a foreign key or by-batch index (ADR 0008): ledger counts come from the rows
// set aside, and a key twice in a file is found through the table's key index.

let t: TestApp;
beforeAll(async () => {
  t = await createAppWithOrganisation();
});
afterAll(() => t.done());

const row = (fn: string, amount: number, period = '2017-03') => `${period};221010;${fn};1;actual;${amount}`;
const ledger = async () =>
  new Map(
    (
      (await asAdmin(t.app, 'GET', '/api/v1/batches?feed=economy')).json() as { id: number; status: string; activeRows: number }[]
    ).map((b) => [b.id, b]),
  );

describe('the ledger after a restatement', () => {
  it('takes the replaced rows off each earlier batch and marks a batch without rows replaced', async () => {
    const a = (await postFeed(t.app, 'economy', economyCsv(row('3.22.01', 1), row('3.22.05', 2), row('3.22.07', 3)))).json();
    const b = (await postFeed(t.app, 'economy', economyCsv(row('3.22.08', 4), row('3.22.14', 5)))).json();
    const c = (await postFeed(t.app, 'economy', economyCsv(row('3.22.01', 10), row('3.22.08', 40), row('3.22.14', 50)))).json();
    const batches = await ledger();
    expect(batches.get(a.batchId)).toMatchObject({ status: 'loaded', activeRows: 2 });
    expect(batches.get(b.batchId)).toMatchObject({ status: 'replaced', activeRows: 0 });
    expect(batches.get(c.batchId)).toMatchObject({ status: 'loaded', activeRows: 3 });

    await asAdmin(t.app, 'POST', `/api/v1/batches/${b.batchId}/restore`);
    const restored = await ledger();
    expect(restored.get(b.batchId)).toMatchObject({ status: 'restored', activeRows: 2 });
    expect(restored.get(c.batchId)).toMatchObject({ status: 'loaded', activeRows: 1 });
  });
});

describe('a key twice in a file', () => {
  it('is rejected with both lines named, also far apart in a large file, and changes nothing', async () => {
    // 30,000 distinct keys: 300 months × 100 functions, several pieces of the file apart
    const month = (m: number) => `${2000 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    const unique = Array.from({ length: 30_000 }, (_, i) =>
      row(`3.${String(i % 100).padStart(2, '0')}.01`, i, month(Math.floor(i / 100))),
    );
    const lines = [...unique, unique[1] as string]; // the key of line 3 again at the end
    const before = await factFingerprint(t.store);
    const response = await postFeed(t.app, 'economy', economyCsv(...lines));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      errorCount: 1,
      errors: [{ line: lines.length + 1, column: 'period', value: null, message: expect.stringContaining('på linje 3') }],
    });
    expect(await factFingerprint(t.store)).toEqual(before);
  });
});
