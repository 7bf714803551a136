import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createToken } from '../src/modules/auth/auth.service.ts';
import { bearer, createTestApp, economyCsv, example, postFeed, type TestApp } from './helpers.ts';

// The benchmark from the store's own facts (source=store, issue 13): Jammerbugt (849) and its
// neighbours Thisted (787), Hjørring (860) and Brønderslev (810) each load the example organisation,
// an economy file and a population file into one store through a server of their own. 849 and the
// first two have December 2016 actuals (a closed year); 810 has January only, 820 nothing.

/** 849: the example economy file (January actuals, budgets, a forecast) and the rest of 2016's actuals. */
const ECONOMY_849 = `${example('economy.csv').toString('utf8').trimEnd()}
2016-12;221010;3.22.01;1;actual;27.608.795,50
2016-12;221040;3.22.05;2;actual;-1.000.000
2016-12;221010;3.22.01;3;actual;5.000.000
2016-12;221010;3.22.01;1;original_budget;99
2016-12;311020;5.32.32;1;actual;40.757.623,75
`;
// folkeskole (3.22.01–3.22.08, dranst 1+2): 2.391.204,50 + 27.608.795,50 − 1.000.000 = 29.000.000 (anlæg and budget left out)
const FOLKESKOLE_849 = 2_391_204.5 + 27_608_795.5 - 1_000_000;
// aeldre (5.30, 5.32.32, 5.32.33): 3.254.876,25 − 12.500 + 40.757.623,75 = 44.000.000
const AELDRE_849 = 3_254_876.25 - 12_500 + 40_757_623.75;
// the example population of 849 in 2016: 6–16 = 5.021; 65+ = 6.398 + 1.887
const PUPILS_849 = 5_021;
const ELDERLY_849 = 6_398 + 1_887;

const ECONOMY_787 = economyCsv(
  '2016-06;221010;3.22.01;1;actual;10.000.000',
  '2016-12;221010;3.22.01;1;actual;15.000.000',
  '2016-12;311020;5.32.32;1;actual;30.000.000',
);
const ECONOMY_860 = economyCsv('2016-12;221010;3.22.01;1;actual;36.000.000', '2016-12;311020;5.32.32;1;actual;60.000.000');
/** Brønderslev has not closed 2016: January only. */
const ECONOMY_810 = economyCsv('2016-01;221010;3.22.01;1;actual;1.000.000');

/** The example population file's bands under another code and with other counts (the 2017 forecast left out). */
function population(code: string, counts: Record<string, number>): string {
  const rows = example('population.csv')
    .toString('utf8')
    .trimEnd()
    .split('\n')
    .filter((line) => line.includes(';actual;'))
    .map((line) => {
      const [, year, age] = line.split(';') as [string, string, string];
      return `${code};${year};${age};${counts[age] ?? 100};actual;`;
    });
  return `municipality;year;age;count;kind;vintage\n${rows.join('\n')}\n`;
}
// 787: 6–16 = 4.000, 65+ = 5.000 + 1.000; 860: 6–16 = 6.000, 65+ = 6.000 + 2.000
const POPULATION_787 = population('787', { '6-16': 4_000, '65-79': 5_000, '80+': 1_000 });
const POPULATION_860 = population('860', { '6-16': 6_000, '65-79': 6_000, '80+': 2_000 });
const POPULATION_810 = population('810', { '6-16': 3_000 });

const U_OWN = FOLKESKOLE_849 / PUPILS_849;
const U_787 = 25_000_000 / 4_000; // 6.250
const U_860 = 36_000_000 / 6_000; // 6.000
const ELDER_OWN = AELDRE_849 / ELDERLY_849;
const ELDER_787 = 30_000_000 / 6_000; // 5.000
const ELDER_860 = 60_000_000 / 8_000; // 7.500

/** The imported rows of 849's store: only their need index is used by source=store. */
const IMPORTED = `year;municipality;area;net_expenditure;target_population;need_index;price_year
2016;849;folkeskole;120.000.000;2.000;1,1;2016
2016;787;folkeskole;100.000.000;2.000;0,9;2016
2016;860;folkeskole;140.000.000;2.000;1,0;2016
`;

let t: TestApp;
let direktion: Record<string, string>;
const others: FastifyInstance[] = [];

async function loadAs(code: string, files: [string, string][]) {
  const app = await buildApp({
    config: loadConfig({ LIS_DEMO: '0', LOG_LEVEL: 'silent', LIS_MUNICIPALITY: code }),
    store: t.store,
    logger: false,
  });
  others.push(app);
  const admin = bearer(await createToken({ db: t.store.db, municipality: code }, { name: 'admin', role: 'admin', orgIds: [] }));
  for (const [feed, body] of files) {
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/feeds/${feed}`,
      headers: { 'content-type': 'text/csv', ...admin },
      payload: body,
    });
    expect(response.statusCode, `${code} ${feed}: ${response.body}`).toBe(200);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  for (const [feed, body] of [
    ['organisation', example('organisation.csv').toString('utf8')],
    ['economy', ECONOMY_849],
    ['population', example('population.csv').toString('utf8')],
    ['benchmark', IMPORTED],
  ] as const) {
    const response = await postFeed(t.app, feed, body);
    if (response.statusCode !== 200) throw new Error(`${feed}: ${response.body}`);
  }
  const organisation = example('organisation.csv').toString('utf8');
  await loadAs('787', [
    ['organisation', organisation],
    ['economy', ECONOMY_787],
    ['population', POPULATION_787],
  ]);
  await loadAs('860', [
    ['organisation', organisation],
    ['economy', ECONOMY_860],
    ['population', POPULATION_860],
  ]);
  await loadAs('810', [
    ['organisation', organisation],
    ['economy', ECONOMY_810],
    ['population', POPULATION_810],
  ]);
  direktion = bearer(await t.token('direktion'));
});
afterAll(async () => {
  for (const app of others) await app.close();
  await t.done();
});

const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: direktion });
const ok = async (url: string) => {
  const response = await get(url);
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json();
};

describe('the benchmark from the store’s own economy and population facts', () => {
  it('gives the own unit cost, the peers with data and the missing ones, the price year and the source', async () => {
    const r = await ok('/benchmark?area=folkeskole&year=2016&peers=kora&method=mean&source=store');
    expect(r.sourceKind).toBe('store');
    expect(r.own).toMatchObject({ municipality: '849', netExpenditure: FOLKESKOLE_849, targetPopulation: PUPILS_849 });
    expect(r.own.unitCost).toBeCloseTo(U_OWN, 6);
    expect(r.own.needIndex).toBe(1.1); // from the imported row
    expect(r.storePeers).toEqual({
      withData: [
        { municipality: '787', name: 'Thisted' },
        { municipality: '860', name: 'Hjørring' },
      ],
      missing: [
        { municipality: '810', name: 'Brønderslev' },
        { municipality: '820', name: 'Vesthimmerlands' },
      ],
    });
    expect(r.missing.map((m: { municipality: string }) => m.municipality)).toEqual(['810', '820']);
    expect(r.peers.map((p: { municipality: string; unitCost: number }) => [p.municipality, p.unitCost])).toEqual([
      ['849', U_OWN],
      ['860', U_860],
      ['787', U_787],
    ]);
    expect(r.benchmark).toBeCloseTo((U_OWN + U_787 + U_860) / 3, 6);
    expect(r.potential).toBe(0); // the cheapest of the three: under the mean
    expect(r.gap).toBeCloseTo((U_OWN - (U_OWN + U_787 + U_860) / 3) * PUPILS_849, 4);
    expect(r).toMatchObject({ priceYear: 2016, priceBasis: 'løbende 2016-priser (regnskabsårets egne tal)' });
    expect(r.source.startsWith('Egne regnskabstal og befolkningstal i LIS')).toBe(true);
    // 2014 and 2015 are not closed anywhere: gaps in the line
    expect(r.trend.map((p: { year: number; ownUnitCost: number | null }) => [p.year, p.ownUnitCost])).toEqual([
      [2014, null],
      [2015, null],
      [2016, U_OWN],
    ]);
  });

  it('computes the weighted mean, the median and the cheapest over the same rows', async () => {
    const url = (method: string) => `/benchmark?area=folkeskole&year=2016&peers=kora&method=${method}&source=store`;
    expect((await ok(url('weighted'))).benchmark).toBeCloseTo(
      (FOLKESKOLE_849 + 25_000_000 + 36_000_000) / (PUPILS_849 + 4_000 + 6_000),
      6,
    );
    expect((await ok(url('median'))).benchmark).toBeCloseTo(U_860, 6);
    const withoutOwn = await ok(`${url('mean')}&includeOwn=false`);
    expect(withoutOwn.benchmark).toBeCloseTo((U_787 + U_860) / 2, 6);
  });

  it('gives the potential over the cheapest peer, per area and summed', async () => {
    const aeldre = await ok('/benchmark?area=aeldre&year=2016&peers=kora&method=cheapest&source=store');
    expect(aeldre.own.unitCost).toBeCloseTo(ELDER_OWN, 6);
    expect(aeldre.benchmark).toBeCloseTo(ELDER_787, 6);
    // (44.000.000 / 8.285 − 5.000) × 8.285 = 44.000.000 − 41.425.000
    expect(aeldre.potential).toBeCloseTo(AELDRE_849 - ELDER_787 * ELDERLY_849, 4);
    expect(aeldre.potential).toBeCloseTo(2_575_000, 4);
    expect(aeldre.peers.map((p: { municipality: string; unitCost: number }) => [p.municipality, p.unitCost])).toEqual([
      ['787', ELDER_787],
      ['849', ELDER_OWN],
      ['860', ELDER_860],
    ]);

    const summary = await ok('/benchmark/summary?year=2016&peers=kora&method=cheapest&source=store');
    expect(summary.areas.map((a: { area: string; position: string }) => [a.area, a.position])).toEqual([
      ['aeldre', 'over'],
      ['folkeskole', 'at'], // 849 itself is the cheapest
    ]);
    expect(summary.totalPotential).toBeCloseTo(2_575_000, 4);
    expect(summary.storePeers.withData.map((m: { municipality: string }) => m.municipality)).toEqual(['787', '860']);
  });

  it('need-adjusts with the imported need index, and says so where an index is missing', async () => {
    const r = await ok('/benchmark?area=folkeskole&year=2016&peers=kora&method=mean&needAdjusted=true&source=store');
    expect(r.benchmark).toBeCloseTo((U_OWN / 1.1 + U_787 / 0.9 + U_860 / 1.0) / 3, 6);
    const aeldre = await get('/benchmark?area=aeldre&year=2016&peers=kora&needAdjusted=true&source=store');
    expect(aeldre.statusCode).toBe(400);
    expect(aeldre.json()).toMatchObject({ parameter: 'needAdjusted' });
  });

  it('answers 400 on the year when it is not closed for the own municipality', async () => {
    for (const year of [2015, 2017]) {
      const response = await get(`/benchmark?area=folkeskole&year=${year}&source=store`);
      expect(response.statusCode, String(year)).toBe(400);
      expect(response.json()).toMatchObject({ parameter: 'year' });
      expect(response.json().error).toContain('not a closed year');
    }
  });

  it('answers 400 on the peers when none of the group has figures in the store', async () => {
    const response = await get('/benchmark?area=folkeskole&year=2016&peers=810,820&source=store');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ parameter: 'peers' });
    expect(response.json().error).toContain('No municipality of the peer group');
    expect((await get('/benchmark/summary?year=2016&peers=810,820&source=store')).statusCode).toBe(400);
  });

  it('leaves the imported figures as they were with source=statbank, and offers the store’s year', async () => {
    const imported = await ok('/benchmark?area=folkeskole&year=2016&peers=kora');
    expect(await ok('/benchmark?area=folkeskole&year=2016&peers=kora&source=statbank')).toEqual(imported);
    expect(imported).toMatchObject({ sourceKind: 'statbank', storePeers: null, priceBasis: 'faste 2016-priser' });
    // 120.000.000 / 2.000; (60.000 + 50.000 + 70.000) / 3 over the imported rows
    expect(imported.own.unitCost).toBe(60_000);
    expect(imported.benchmark).toBeCloseTo(60_000, 6);
    expect(await ok('/benchmark/areas')).toEqual([
      { area: 'folkeskole', name: expect.any(String), years: [2016], storeYears: [2016] },
    ]);
  });
});
