import { AGE_BANDS } from '@lis/contracts';
import { AGE_BANDS as DOMAIN_BANDS } from '@lis/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, createTestApp, example, factFingerprint, postFeed, type TestApp } from './helpers.ts';

// The population feed end to end: contract, the feed's rules (line, column, problem), the key that
// keeps each forecast vintage beside the actual counts, and the ledger.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.done());

const HEAD = 'municipality;year;age;count;kind;vintage';

async function rejected(body: string) {
  const before = await factFingerprint(t.store);
  const response = await postFeed(t.app, 'population', body);
  expect(response.statusCode, response.body).toBe(422);
  expect(await factFingerprint(t.store)).toEqual(before);
  return response.json().errors as { line: number; column: string | null; value: string | null; message: string }[];
}

const rowsInEffect = async () =>
  (
    await sql<{ year: number; age: string; count: string; kind: string; vintage: string | null }>`
      select year, age, count::text, kind, vintage from population where active order by year, kind, vintage, age`.execute(
      t.store.db,
    )
  ).rows;

describe('population feed', () => {
  it('names the bands the domain sums into', () => {
    expect(AGE_BANDS).toEqual(DOMAIN_BANDS);
  });

  it('loads the example file (Windows-1252, ;) into the ledger', async () => {
    const response = await postFeed(t.app, 'population', example('population.csv'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ feed: 'population', rows: 14, status: 'loaded' });
    const batches = await asAdmin(t.app, 'GET', '/api/v1/batches?feed=population');
    expect(batches.json()[0]).toMatchObject({
      feed: 'population',
      rows: 14,
      activeRows: 14,
      periodFrom: '2016-01-01',
      periodTo: '2017-12-01',
    });
    const rows = await rowsInEffect();
    expect(rows[0]).toEqual({ year: 2016, age: '0-2', count: '1002.00', kind: 'actual', vintage: null });
    expect(rows.at(-1)).toMatchObject({ year: 2017, kind: 'forecast', vintage: 'prognose 2016' });
  });

  it('names line, column and problem for a bad age, a forecast without vintage and an actual with one', async () => {
    const errors = await rejected(
      `${HEAD}\n849;2016;0-5;10;actual;\n849;2016;126;1;actual;\n849;2018;7;20;forecast;\n849;2016;8;20;faktisk;prognose 2016\n`,
    );
    expect(errors).toEqual([
      {
        line: 2,
        column: 'age',
        value: '0-5',
        message: 'er ikke en alder 0–125 eller et af aldersbåndene 0-2, 3-5, 6-16, 17-24, 25-64, 65-79, 80+',
      },
      {
        line: 3,
        column: 'age',
        value: '126',
        message: 'er ikke en alder 0–125 eller et af aldersbåndene 0-2, 3-5, 6-16, 17-24, 25-64, 65-79, 80+',
      },
      { line: 4, column: 'vintage', value: null, message: 'skal udfyldes for en prognose (fx "prognose 2016")' },
      { line: 5, column: 'vintage', value: 'prognose 2016', message: 'skal være tom for faktiske tal (kind actual)' },
    ]);
  });

  it('refuses an unknown municipality and a key twice in one file', async () => {
    const errors = await rejected(`${HEAD}\n999;2016;5;10;actual;\n849;2016;5;10;actual;\n`);
    expect(errors.map((e) => [e.line, e.column])).toEqual([[2, 'municipality']]);
    const duplicate = await rejected(`${HEAD}\n849;2016;5;10;actual;\n849;2016;5;11;actual;\n`);
    expect(duplicate).toEqual([
      {
        line: 3,
        column: 'municipality',
        value: null,
        message: 'dobbelt nøgle (municipality, year, age, kind, vintage): samme nøgle står på linje 2',
      },
    ]);
  });

  it('keeps a new vintage beside the earlier one and replaces the same vintage and the actual count', async () => {
    const before = (await rowsInEffect()).length;
    const response = await postFeed(
      t.app,
      'population',
      `${HEAD}\n849;2017;80+;2.000;prognose;prognose 2017\n849;2017;80+;1.960;forecast;prognose 2016\n849;2016;80+;1.890;actual;\n`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const rows = await rowsInEffect();
    expect(rows.length).toBe(before + 1);
    const old80 = rows.filter((r) => r.age === '80+');
    expect(old80).toEqual([
      { year: 2016, age: '80+', count: '1890.00', kind: 'actual', vintage: null },
      { year: 2017, age: '80+', count: '1960.00', kind: 'forecast', vintage: 'prognose 2016' },
      { year: 2017, age: '80+', count: '2000.00', kind: 'forecast', vintage: 'prognose 2017' },
    ]);
    const batches = (await asAdmin(t.app, 'GET', '/api/v1/batches?feed=population')).json();
    // the example's batch (the oldest; the rejected files are in the ledger too) keeps 12 of its 14 rows
    expect(batches.at(-1)).toMatchObject({ rows: 14, activeRows: 12, status: 'loaded' });
  });
});
