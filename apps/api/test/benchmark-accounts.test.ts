import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, postFeed, type TestApp } from './helpers.ts';
import { TWO_FORVALTNINGER } from './two-forvaltninger.ts';

// Rank, trend, price year and source of an area, and the drill-down to the own accounts.
const ORG = TWO_FORVALTNINGER;

/** 2016: actuals and original budget every month (a closed year); 2015: original budget only. */
function economy(): string {
  const rows = ['period;org_id;function;dranst;amount_type;amount'];
  const monthly: [string, string, number, string, number][] = [
    ['E1', '3.22.01', 1, 'actual', 100],
    ['E1', '3.22.01', 1, 'original_budget', 90],
    ['E2', '3.22.05', 1, 'actual', 10],
    ['E3', '3.22.01', 1, 'actual', 200],
    ['E3', '3.22.03', 2, 'actual', -20], // statsrefusion on a function the mapping marks unconfirmed
    ['E4', '5.28.20', 1, 'actual', 300], // another area
    ['K', '3.22.02', 1, 'actual', 50], // booked on the kommune itself
  ];
  for (let m = 1; m <= 12; m++) {
    const month = String(m).padStart(2, '0');
    for (const [org, fn, dranst, type, amount] of monthly) rows.push(`2016-${month};${org};${fn};${dranst};${type};${amount}`);
    rows.push(`2015-${month};E1;3.22.01;1;original_budget;80`, `2015-${month};E3;3.22.01;1;original_budget;150`);
  }
  rows.push('2016-03;E2;3.22.01;3;actual;500'); // anlæg: not operating spending
  return `${rows.join('\n')}\n`;
}

// folkeskole unit costs (DKK per 6–16-year-old): 2016 849 60.000, 787 50.000, 860 70.000, 810 60.000,
// 820 40.000; 2015 849 55.000, 787 50.000; 2014 none. dagtilbud 2016 has no price year.
const BENCHMARK = `year;municipality;area;net_expenditure;target_population;need_index;price_year
2016;849;folkeskole;120.000.000;2.000;1,0;2016
2016;787;folkeskole;100.000.000;2.000;1,0;2016
2016;860;folkeskole;140.000.000;2.000;1,0;2016
2016;810;folkeskole;120.000.000;2.000;1,0;2016
2016;820;folkeskole;80.000.000;2.000;1,0;2016
2015;849;folkeskole;110.000.000;2.000;1,0;2016
2015;787;folkeskole;100.000.000;2.000;1,0;2016
2016;849;dagtilbud;100.000.000;2.000;1,0;
2016;787;dagtilbud;90.000.000;2.000;1,0;
`;

let t: TestApp;
let direktion: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  for (const [feed, file] of [
    ['organisation', ORG],
    ['economy', economy()],
    ['benchmark', BENCHMARK],
  ] as const) {
    const response = await postFeed(t.app, feed, file);
    if (response.statusCode !== 200) throw new Error(`${feed}: ${response.body}`);
  }
  direktion = bearer(await t.token('direktion'));
});
afterAll(() => t.done());

const get = async (url: string, headers = direktion) => {
  const response = await t.app.inject({ method: 'GET', url, headers });
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response.json();
};

describe('an area’s rank, trend, price year and source', () => {
  it('ranks Jammerbugt 3rd of 5: 40.000 and 50.000 are cheaper, 810 ties at 60.000', async () => {
    const r = await get('/api/v1/benchmark?area=folkeskole&year=2016&peers=kora&method=mean');
    expect(r.rank).toEqual({ position: 3, of: 5, ownInGroup: true });
    // (60.000 + 50.000 + 70.000 + 60.000 + 40.000) / 5
    expect(r.benchmark).toBeCloseTo(56_000, 6);
    const without = await get('/api/v1/benchmark?area=folkeskole&year=2016&peers=kora&method=mean&includeOwn=false');
    // the 4 neighbours plus Jammerbugt: still 2 cheaper
    expect(without.rank).toEqual({ position: 3, of: 5, ownInGroup: false });
  });

  it('gives the price year and the delivery the figures come from', async () => {
    const r = await get('/api/v1/benchmark?area=folkeskole&year=2016&peers=kora');
    expect(r).toMatchObject({ priceYear: 2016, priceBasis: 'faste 2016-priser' });
    expect(r.priceBase).toBe('Nettodriftsudgifter (dranst 1+2), faste 2016-priser');
    expect(r.source).toMatch(/^Benchmark-feedet: levering \d+ \(.+\)$/);
    // each peer's own price year too (lis import statbank keeps a stored one through the server)
    expect(r.peers.map((p: { priceYear: number | null }) => p.priceYear)).toEqual([2016, 2016, 2016, 2016, 2016]);
    const dagtilbud = await get('/api/v1/benchmark?area=dagtilbud&year=2016&peers=kora');
    expect(dagtilbud).toMatchObject({ priceYear: null, priceBasis: 'prisår ikke oplyst' });
    // the summary covers both areas, so one of them without a price year makes it unknown
    expect(await get('/api/v1/benchmark/summary?year=2016&peers=kora')).toMatchObject({ priceYear: null });
  });

  it('writes rank, price year and source into the export’s method sheet', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/benchmark?area=folkeskole&year=2016&peers=kora&method=mean_5_cheapest&format=xlsx',
      headers: direktion,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const rows = (workbook.getWorksheet('Metode')?.getSheetValues() ?? []).map((r) =>
      Array.isArray(r) ? r.slice(1).join('|') : '',
    );
    expect(rows).toContain('Placering, egen kommune|nr. 3 af 5 (laveste enhedsudgift = nr. 1)');
    expect(rows).toContain('Prisår|faste 2016-priser');
    expect(rows.some((r) => r.startsWith('Bemærkning til metoden|Gruppen har 5 kommuner'))).toBe(true);
    expect(rows.some((r) => /^Kilde\|Benchmark-feedet: levering \d+/.test(r))).toBe(true);
  });

  it('draws the year and the two before by the same method and group, a year without data as missing', async () => {
    const r = await get('/api/v1/benchmark?area=folkeskole&year=2016&peers=kora&method=mean');
    expect(r.trend).toEqual([
      { year: 2014, ownUnitCost: null, benchmark: null, priceYear: null },
      // 2015: only 849 (55.000) and 787 (50.000) delivered: mean 52.500
      { year: 2015, ownUnitCost: 55_000, benchmark: 52_500, priceYear: 2016 },
      { year: 2016, ownUnitCost: 60_000, benchmark: 56_000, priceYear: 2016 },
    ]);
    expect(r.trendNote).toBeNull();
  });

  it('says that the mean of the 5 cheapest of a group of 5 is the group mean', async () => {
    const r = await get('/api/v1/benchmark?area=folkeskole&year=2016&peers=kora&method=mean_5_cheapest');
    expect(r.benchmark).toBeCloseTo(56_000, 6);
    expect(r.methodNote).toBe(
      'Gruppen har 5 kommuner med tal, så gennemsnittet af de 5 billigste er det samme som gruppens gennemsnit.',
    );
    expect((await get('/api/v1/benchmark?area=folkeskole&year=2016&peers=kora&method=mean')).methodNote).toBeNull();
  });
});

describe('GET /benchmark/areas/{area}/accounts', () => {
  it('sums the closed year’s actuals on dranst 1+2 of the area’s functions, per function and forvaltning', async () => {
    const r = await get('/api/v1/benchmark/areas/folkeskole/accounts?year=2016');
    expect(r).toMatchObject({
      year: 2016,
      amountType: 'actual',
      breakdown: 'unit',
      entries: ['3.22.01-3.22.08'],
      unconfirmed: ['3.22.03', '3.22.04', '3.22.06'],
    });
    // 3.22.01: 12 × (100 + 200); 3.22.02: 12 × 50 on K; 3.22.03: 12 × −20; 3.22.05: 12 × 10; anlæg and 5.28.20 left out
    expect(
      r.functions.map((f: { function: string; amount: number; confirmed: boolean }) => [f.function, f.amount, f.confirmed]),
    ).toEqual([
      ['3.22.01', 3600, true],
      ['3.22.02', 600, true],
      ['3.22.03', -240, false],
      ['3.22.05', 120, true],
    ]);
    // F2: 2.400 − 240 = 2.160; F1: 1.200 + 120 = 1.320; K itself 600; total 3.600 + 600 − 240 + 120 = 4.080
    expect(r.units.map((u: { org: { id: string }; amount: number }) => [u.org.id, u.amount])).toEqual([
      ['F2', 2160],
      ['F1', 1320],
    ]);
    expect(r.bookedOnKommune).toBe(600);
    expect(r.total).toBe(4080);
  });

  it('takes the original budget of a year without December actuals, and says so', async () => {
    const r = await get('/api/v1/benchmark/areas/folkeskole/accounts?year=2015');
    expect(r.amountType).toBe('original_budget');
    expect(r.amountTypeName).toBe('Oprindeligt budget 2015 (året har endnu ikke regnskab for december)');
    // 12 × 80 (E1) and 12 × 150 (E3)
    expect(r.units.map((u: { org: { id: string }; amount: number }) => [u.org.id, u.amount])).toEqual([
      ['F2', 1800],
      ['F1', 960],
    ]);
    expect(r.total).toBe(2760);
  });

  it('says plainly that a year without any economy fact has no figures, not that it is a budget', async () => {
    const r = await get('/api/v1/benchmark/areas/folkeskole/accounts?year=1990');
    expect(r).toMatchObject({
      year: 1990,
      amountType: 'none',
      amountTypeName: 'Ingen økonomidata for 1990',
      entries: ['3.22.01-3.22.08'],
      functions: [],
      units: [],
      bookedOnKommune: 0,
      total: 0,
    });
    // 2014 lies between benchmark trend years and the feed's first year (2015): the same
    expect((await get('/api/v1/benchmark/areas/folkeskole/accounts?year=2014')).amountTypeName).toBe(
      'Ingen økonomidata for 2014',
    );
  });

  it('gives a chef their own units’ part only, never the kommune’s lines or a sibling’s', async () => {
    const chef = bearer(await t.token('chef', ['F1']));
    const r = await get('/api/v1/benchmark/areas/folkeskole/accounts?year=2016', chef);
    expect(r.breakdown).toBe('own_units');
    expect(r.functions.map((f: { function: string; amount: number }) => [f.function, f.amount])).toEqual([
      ['3.22.01', 1200],
      ['3.22.05', 120],
    ]);
    expect(r.units.map((u: { org: { id: string }; amount: number }) => [u.org.id, u.amount])).toEqual([['F1', 1320]]);
    expect(r).toMatchObject({ bookedOnKommune: 0, total: 1320 });
    const unitChef = bearer(await t.token('chef', ['E1']));
    expect((await get('/api/v1/benchmark/areas/folkeskole/accounts?year=2016', unitChef)).units).toMatchObject([
      { org: { id: 'E1' }, amount: 1200 },
    ]);
    const top = bearer(await t.token('chef', ['K']));
    expect((await get('/api/v1/benchmark/areas/folkeskole/accounts?year=2016', top)).breakdown).toBe('unit');
  });

  it('answers 404 for an area neither the benchmark nor the mapping knows', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/benchmark/areas/havne/accounts', headers: direktion });
    expect(response.statusCode).toBe(404);
  });
});
