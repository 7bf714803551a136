import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, bearer, createTestApp, postFeed, type TestApp } from './helpers.ts';

// The demography routes on a small dataset whose pressure is computed by hand below.

const ORG = 'org_id;parent_id;name;level\n849;;Testkommune;kommune\nF1;849;Forvaltning 1;forvaltning\nE1;F1;Enhed 1;enhed\n';

const months = Array.from({ length: 12 }, (_, i) => `2016-${String(i + 1).padStart(2, '0')}`);
const ECONOMY = [
  'period;org_id;function;dranst;amount_type;amount',
  // dagtilbud (5.25.14): 12 × 500.000 spending − 100.000 income (dranst 2) = 5.900.000
  ...months.map((m) => `${m};E1;5.25.14;1;actual;500000`),
  '2016-01;E1;5.25.14;2;actual;-100000',
  // not dagtilbud's: anlæg (dranst 3) and fritidshjem (5.25.15)
  '2016-01;E1;5.25.14;3;actual;9999999',
  '2016-01;E1;5.25.15;1;actual;777000',
  // ældre (5.32.32): 12 × 1.000.000 = 12.000.000
  ...months.map((m) => `${m};E1;5.32.32;1;actual;1000000`),
  // original budget of dagtilbud: 2016 12 × 500.000 = 6.000.000; 2017 6.200.000
  ...months.map((m) => `${m};E1;5.25.14;1;original_budget;500000`),
  '2017-01;E1;5.25.14;1;original_budget;6200000',
].join('\n');

const POP = 'municipality;year;age;count;kind;vintage';
// 2016 in single years: 0–5 = 10 + 10 + 10 + 10 + 10 + 9 = 59; 70 → 65-79: 200; 85 → 80+: 40
const ACTUAL = [
  POP,
  ...[10, 10, 10, 10, 10, 9].map((n, age) => `849;2016;${age};${n};actual;`),
  '849;2016;70;200;actual;',
  '849;2016;85;40;actual;',
].join('\n');
const forecast = (vintage: string, rows: [number, number[]][]) =>
  [
    POP,
    ...rows.flatMap(([year, [a, b, c, d]]) => [
      `849;${year};0-2;${a};forecast;${vintage}`,
      `849;${year};3-5;${b};forecast;${vintage}`,
      `849;${year};65-79;${c};forecast;${vintage}`,
      `849;${year};80+;${d};forecast;${vintage}`,
    ]),
  ].join('\n');
// delivered first, so not the default
const OLD_FORECAST = forecast('prognose 2015', [[2017, [1, 1, 1, 1]]]);
// 2017: 0–5 28 + 28 = 56 (−3), 65+ 205 + 45 = 250 (+10), 80+ 45 (+5)
// 2018: 0–5 27 + 27 = 54 (−5), 65+ 210 + 50 = 260 (+20), 80+ 50 (+10); no 2019
const NEW_FORECAST = forecast('prognose 2016', [
  [2017, [28, 28, 205, 45]],
  [2018, [27, 27, 210, 50]],
]);

// dagtilbud 2016 unit costs: 849 5.900.000 / 59 = 100.000; 787 90.000; 860 80.000; 810 110.000; 820 70.000
// KORA neighbours with the own municipality, unweighted mean: (100 + 90 + 80 + 110 + 70) / 5 = 90.000 kr.
const BENCHMARK = [
  'year;municipality;area;net_expenditure;target_population;need_index',
  '2016;849;dagtilbud;5900000;59;',
  '2016;787;dagtilbud;9000000;100;',
  '2016;860;dagtilbud;8000000;100;',
  '2016;810;dagtilbud;11000000;100;',
  '2016;820;dagtilbud;7000000;100;',
].join('\n');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  for (const [feed, body] of [
    ['organisation', ORG],
    ['economy', ECONOMY],
    ['population', ACTUAL],
    ['population', OLD_FORECAST],
    ['population', NEW_FORECAST],
    ['benchmark', BENCHMARK],
    ['budget_plan', 'budget_year;year;line;amount\n2016;2016;taxes;-1000\n'],
  ] as const) {
    const response = await postFeed(t.app, feed, body);
    expect(response.statusCode, `${feed}: ${response.body}`).toBe(200);
  }
});
afterAll(() => t.done());

describe('GET /api/v1/demography', () => {
  it('gives population by band, actual then the forecast delivered last, with the change against the current year', async () => {
    const response = await asAdmin(t.app, 'GET', '/api/v1/demography');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    // the budget plan's budget year 2016 + 3 = 2019; the forecast stops at 2018
    expect(body).toMatchObject({ currentYear: 2016, budgetYear: 2016, toYear: 2019, vintage: 'prognose 2016' });
    expect(body.vintages).toEqual(['prognose 2016', 'prognose 2015']);
    expect(body.notes).toContain('Prognosen "prognose 2016" har ingen tal for 2019.');
    expect(
      body.years.map((y: { year: number; kind: string; total: number; totalChange: number }) => [
        y.year,
        y.kind,
        y.total,
        y.totalChange,
      ]),
    ).toEqual(
      [
        [2016, 'actual', 299], // 59 + 200 + 40
        [2017, 'forecast', 306], // 28 + 28 + 205 + 45
        [2018, 'forecast', 314], // 27 + 27 + 210 + 50
      ].map(([year, kind, total]) => [year, kind, total, (total as number) - 299]),
    );
    expect(body.years[0].bands).toEqual({ '0-2': 30, '3-5': 29, '6-16': 0, '17-24': 0, '25-64': 0, '65-79': 200, '80+': 40 });
    expect(body.years[1].change).toEqual({ '0-2': -2, '3-5': -1, '6-16': 0, '17-24': 0, '25-64': 0, '65-79': 5, '80+': 5 });
  });

  it('takes another vintage when asked, and refuses one never delivered', async () => {
    const older = (await asAdmin(t.app, 'GET', '/api/v1/demography?vintage=prognose%202015')).json();
    expect(older.years[1]).toMatchObject({ year: 2017, total: 4 });
    const unknown = await asAdmin(t.app, 'GET', '/api/v1/demography?vintage=prognose%201999');
    expect(unknown.statusCode).toBe(400);
  });
});

describe('GET /api/v1/demography/pressure', () => {
  it('prices the change in each target population at own and benchmark unit cost, beside the budget', async () => {
    const response = await asAdmin(t.app, 'GET', '/api/v1/demography/pressure');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const area = (id: string) => body.areas.find((a: { id: string }) => a.id === id);
    // dagtilbud: 5.900.000 (actual 2016, the latest full year) / 59 = 100.000 kr. per 0–5-year-old
    expect(area('dagtilbud')).toMatchObject({
      ages: '0–5 år',
      functions: ['5.25.10-5.25.14', '5.25.17-5.25.19'],
      ownUnitCost: { year: 2016, amountType: 'actual', spending: 5_900_000, targetPopulation: 59, unitCost: 100_000 },
      benchmarkUnitCost: { unitCost: 90_000, year: 2016 },
    });
    // 2017: −3 × 100.000 = −300.000, × 90.000 = −270.000; 2018: −5 → −500.000 and −450.000; 2019 has no forecast
    expect(area('dagtilbud').years).toEqual([
      {
        year: 2016,
        kind: 'actual',
        targetPopulation: 59,
        change: 0,
        atOwnUnitCost: 0,
        atBenchmarkUnitCost: 0,
        budget: 6_000_000,
      },
      {
        year: 2017,
        kind: 'forecast',
        targetPopulation: 56,
        change: -3,
        atOwnUnitCost: -300_000,
        atBenchmarkUnitCost: -270_000,
        budget: 6_200_000,
      },
      {
        year: 2018,
        kind: 'forecast',
        targetPopulation: 54,
        change: -5,
        atOwnUnitCost: -500_000,
        atBenchmarkUnitCost: -450_000,
        budget: null,
      },
      {
        year: 2019,
        kind: null,
        targetPopulation: null,
        change: null,
        atOwnUnitCost: null,
        atBenchmarkUnitCost: null,
        budget: null,
      },
    ]);
    // ældre 65+: 12.000.000 / 240 = 50.000 kr.; 2017 +10 → 500.000, 2018 +20 → 1.000.000; no benchmark rows
    expect(area('aeldre').ownUnitCost.unitCost).toBe(50_000);
    expect(area('aeldre').years.map((y: { atOwnUnitCost: number | null }) => y.atOwnUnitCost)).toEqual([
      0,
      500_000,
      1_000_000,
      null,
    ]);
    expect(area('aeldre').benchmarkMissing).toBe('Ingen benchmarkdata for aeldre.');
    // ældre 80+: 12.000.000 / 40 = 300.000 kr.; 2018 +10 → 3.000.000, not in the total
    expect(area('aeldre_80')).toMatchObject({ inTotal: false, ownUnitCost: { unitCost: 300_000 } });
    expect(area('aeldre_80').years[2].atOwnUnitCost).toBe(3_000_000);
    expect(area('folkeskole')).toMatchObject({
      ownUnitCost: null,
      ownMissing: 'Intet nettodriftsforbrug på områdets funktioner i 2016',
    });
    // totals: 2017 −300.000 + 500.000 = 200.000; 2018 −500.000 + 1.000.000 = 500.000; at benchmark only dagtilbud
    expect(body.totals).toEqual([
      { year: 2016, atOwnUnitCost: 0, atBenchmarkUnitCost: 0 },
      { year: 2017, atOwnUnitCost: 200_000, atBenchmarkUnitCost: -270_000 },
      { year: 2018, atOwnUnitCost: 500_000, atBenchmarkUnitCost: -450_000 },
      { year: 2019, atOwnUnitCost: null, atBenchmarkUnitCost: null },
    ]);
  });

  it('is the same for a chef, whose units do not matter for kommune totals', async () => {
    const chef = await t.app.inject({
      method: 'GET',
      url: '/api/v1/demography/pressure',
      headers: bearer(await t.token('chef', ['E1'])),
    });
    expect(chef.statusCode).toBe(200);
    expect(chef.json().totals[1].atOwnUnitCost).toBe(200_000);
  });

  it('puts next year’s pressure on the kommune’s Kerneopgaven tiles, refreshed when the feeds were published', async () => {
    // 2017 against 2016: 200.000 kr. at own unit cost (dagtilbud and ældre 65+), −270.000 kr. at benchmark (dagtilbud)
    const dashboard = (await asAdmin(t.app, 'GET', '/api/v1/dashboard?org=849&period=2016-12')).json();
    const tile = (id: string) => dashboard.indicators.find((i: { kpiId: string }) => i.kpiId === id);
    expect(tile('demography_pressure')).toMatchObject({ value: 200_000, n: 2 });
    expect(tile('demography_pressure_benchmark')).toMatchObject({ value: -270_000, n: 1 });
    // the tiles name the population delivery they come from
    const batches = (await asAdmin(t.app, 'GET', '/api/v1/batches?feed=population')).json();
    expect(tile('demography_pressure').batchId).toBe(batches[0].id);
    expect(tile('demography_pressure').asOf).not.toBeNull();
  });

  it('exports the figures and their inputs as XLSX in full kroner', async () => {
    const response = await asAdmin(t.app, 'GET', '/api/v1/demography/pressure?format=xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Demografisk pres',
      'Enhedsudgifter',
      'Total',
      'Befolkning',
      'Noter',
    ]);
    const sheet = workbook.getWorksheet('Demografisk pres');
    // row 3 = dagtilbud 2017: change −3, pressure −300.000 kr. at own unit cost
    expect(sheet?.getRow(3).values).toEqual([
      undefined,
      'Dagtilbud',
      '0–5 år',
      '2017',
      'prognose',
      56,
      -3,
      100_000,
      -300_000,
      90_000,
      -270_000,
      6_200_000,
      'ja',
    ]);
  });
});
