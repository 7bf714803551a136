import { findMunicipality, MUNICIPALITIES } from '@lis/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, example, postFeed, type TestApp } from './helpers.ts';

const ORG = `org_id;parent_id;name;level
K;;Testkommune;kommune
F1;K;Forvaltning 1;forvaltning
E1;F1;Enhed 1;enhed
E2;F1;Enhed 2;enhed
`;

function economy(): string {
  const rows = ['period;org_id;function;dranst;amount_type;amount'];
  for (let m = 1; m <= 12; m++) {
    const p = `2016-${String(m).padStart(2, '0')}`;
    rows.push(
      `${p};E1;3.22.01;1;original_budget;100`,
      `${p};E1;3.22.01;1;corrected_budget;110`,
      `${p};E1;5.57.71;1;corrected_budget;50`,
      `${p};E1;5.57.71;2;corrected_budget;-20`,
      `${p};E2;1.38.60;1;corrected_budget;30`,
      `${p};E2;7.68.90;7;corrected_budget;-500`,
    );
  }
  rows.push('2016-03;E2;0.25.11;3;corrected_budget;1000', '2016-03;E2;0.25.11;3;actual;400');
  const actuals: [string, string, number, number[]][] = [
    ['E1', '3.22.01', 1, [100, 120, 105]],
    ['E1', '5.57.71', 1, [60, 55, 50]],
    ['E1', '5.57.71', 2, [-25, -20, -18]],
    ['E2', '1.38.60', 1, [30, 30, 30]],
    ['E2', '7.68.90', 7, [-500, -500, -500]],
  ];
  for (const [org, fn, dranst, values] of actuals)
    for (const [i, v] of values.entries()) rows.push(`2016-0${i + 1};${org};${fn};${dranst};actual;${v}`);
  rows.push('2016-03;E1;3.22.01;1;forecast;1400', '2016-02;E1;5.57.71;1;forecast;650', '2016-03;E1;5.57.71;1;forecast;640');
  rows.push('2016-03;E2;7.68.90;7;forecast;-5500'); // less tax income than budgeted
  return `${rows.join('\n')}\n`;
}

const PLAN_2016 = `budget_year;year;line;amount
2016;2017;taxes;-1.962.000.000
2016;2017;grants_equalisation;-648.000.000
2016;2017;service;1.940.000.000
2016;2017;transfers;571.000.000
2016;2017;interest;4.500.000
2016;2017;capital;55.000.000
2016;2017;utilities;-1.200.000
2016;2017;repayments;24.000.000
2016;2017;borrowing;-20.000.000
2016;2017;financial_movements;8.000.000
`;

// Unit costs (kr. per 0–5-year-old): 849 60.000, 787 50.000, 860 60.000, 810 65.000, 820 45.000, 101 40.000
const BENCHMARK = `year;municipality;area;net_expenditure;target_population;need_index
2015;849;dagtilbud;120.000.000;2.000;1,0
2015;787;dagtilbud;100.000.000;2.000;0,8
2015;860;dagtilbud;180.000.000;3.000;1,1
2015;810;dagtilbud;130.000.000;2.000;1,3
2015;820;dagtilbud;90.000.000;2.000;0,9
2015;101;dagtilbud;1.000.000.000;25.000;1,0
2015;849;folkeskole;200.000.000;4.000;1,0
2015;787;folkeskole;240.000.000;4.000;1,0
`;

let t: TestApp;
let economist: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  for (const [feed, file] of [
    ['organisation', ORG],
    ['economy', economy()],
    ['budget_plan', example('budget_plan.csv')],
    ['budget_plan', PLAN_2016],
    ['benchmark', BENCHMARK],
  ] as const) {
    const response = await postFeed(t.app, feed, file);
    if (response.statusCode !== 200) throw new Error(`${feed}: ${response.body}`);
  }
  economist = bearer(await t.token('oekonom'));
});
afterAll(() => t.done());

const get = async (url: string, headers = economist) => {
  const response = await t.app.inject({ method: 'GET', url, headers });
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response;
};

describe('budget follow-up', () => {
  it('gives the headline figures for operating spending (service + overførsler) in March', async () => {
    const f = (await get('/api/v1/budget/followup?org=K&period=2016-03')).json();
    // corrected: 12 × 110 + 12 × 50 − 12 × 20 = 1.680; phased YTD 330 + 150 − 60 = 420; actuals 325 + 165 − 63 = 427
    expect(f).toMatchObject({
      year: 2016,
      scope: 'drift',
      originalBudget: 1200,
      correctedBudget: 1680,
      phasedBudgetYtd: 420,
      actualsYtd: 427,
    });
    expect(f.consumptionPct).toBeCloseTo((427 / 1680) * 100, 10);
    expect(f.phasedConsumptionPct).toBeCloseTo(25, 10);
    // forecast: 1.400 (March) + 640 (March supersedes February's 650) + the refund key at its budget −240
    expect(f).toMatchObject({ forecast: 1800, forecastMadeIn: '2016-03', deviation: 120 });
    expect(f.deviationPct).toBeCloseTo((120 / 1680) * 100, 10);
  });

  it('splits by category and never sums them', async () => {
    const f = (await get('/api/v1/budget/followup?org=K&period=2016-03')).json();
    const by = Object.fromEntries(f.byCategory.map((c: { category: string }) => [c.category, c]));
    expect(by.service).toMatchObject({ correctedBudget: 1320, actualsYtd: 325, forecast: 1400, deviation: 80 });
    expect(by.overfoersler).toMatchObject({ correctedBudget: 360, actualsYtd: 102, forecast: 400, deviation: 40 });
    expect(by.anlaeg).toMatchObject({ correctedBudget: 1000, actualsYtd: 400, forecast: null, deviation: null });
    expect(by.forsyning).toMatchObject({ correctedBudget: 360, actualsYtd: 90 });
    expect(by.finansiering).toMatchObject({ correctedBudget: -6000, actualsYtd: -1500 }); // income stays negative
    // 500 kr. less income than budgeted is + (bad), also in per cent: 500 / |−6.000|
    expect(by.finansiering.deviation).toBe(500);
    expect(by.finansiering.deviationPct).toBeCloseTo((500 / 6000) * 100, 10);
    expect(f.latestPeriod).toBe('2016-03');
  });

  it('uses the forecast as it stood in an earlier month', async () => {
    const f = (await get('/api/v1/budget/followup?org=E1&period=2016-02')).json();
    // February: only 650 for 5.57.71 drift; 3.22.01 at its budget 1.320, the refund at −240
    expect(f).toMatchObject({ forecast: 1730, forecastMadeIn: '2016-02', deviation: 50 });
    expect(f.months[1]).toMatchObject({
      period: '2016-02',
      cumulativeActual: 100 + 120 + 60 + 55 - 25 - 20,
      cumulativePhasedBudget: 280,
    });
  });

  it('drills down by organisation and by the chart of accounts', async () => {
    const f = (await get('/api/v1/budget/followup?org=F1&period=2016-03')).json();
    expect(f.children.map((c: { org: { id: string }; correctedBudget: number }) => [c.org.id, c.correctedBudget])).toEqual([
      ['E1', 1680],
      ['E2', 0],
    ]);
    const main = (await get('/api/v1/budget/accounts?org=K&period=2016-03')).json();
    expect(main.lines.map((l: { code: string }) => l.code)).toEqual(['0', '1', '3', '5', '7']);
    const five = (await get('/api/v1/budget/accounts?org=K&period=2016-03&prefix=5')).json();
    expect(five.lines).toMatchObject([
      { code: '5.57', name: 'Kontante ydelser', category: 'overfoersler', correctedBudget: 360 },
    ]);
    const functions = (await get('/api/v1/budget/accounts?org=K&period=2016-03&prefix=5.57')).json();
    expect(functions.lines).toMatchObject([{ code: '5.57.71', name: 'Sygedagpenge', actualsYtd: 102 }]);
  });

  it('answers 404 naming the parameter for a unit not in effect', async () => {
    for (const url of ['/api/v1/budget/followup?org=NOPE&period=2016-03', '/api/v1/budget/accounts?org=NOPE&period=2016-03']) {
      const response = await t.app.inject({ method: 'GET', url, headers: economist });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().parameter, url).toBe('org');
    }
  });

  it('follows a restated month', async () => {
    await postFeed(t.app, 'economy', 'period;org_id;function;dranst;amount_type;amount\n2016-02;E1;3.22.01;1;actual;150\n');
    expect((await get('/api/v1/budget/followup?org=K&period=2016-03')).json().actualsYtd).toBe(457); // 427 − 120 + 150
  });
});

describe('budget balance', () => {
  it('computes A, B, C and the change in cash, with the policy targets', async () => {
    const b = (await get('/api/v1/budget/balance?budgetYear=2017')).json();
    const [y] = b.years;
    // A = 1.962 + 648 − 1.952 − 571 − 4,5 = 82,5 mio.; B = A − 55; C = B + 1,2; cash = C − 24 − 8 + 20
    expect(y).toMatchObject({
      year: 2017,
      resultA: 82_500_000,
      resultB: 27_500_000,
      resultC: 28_700_000,
      cashChange: 16_700_000,
    });
    expect(b.policyTargets).toEqual([]); // none delivered: no municipality's targets in code
  });

  it('reads the policy targets from the targets feed: the kommune, the budget year', async () => {
    const targets = `kpi_id;org_id;year;target;tolerance
operating_surplus;K;2017;90.000.000;
capital_spending;K;2017;50.000.000;0,04
capital_spending;K;2016;55.000.000;
capital_spending;F1;2016;10.000.000;
`;
    expect((await postFeed(t.app, 'targets', targets)).statusCode).toBe(200);
    const judged = async (budgetYear: number) =>
      (await get(`/api/v1/budget/balance?budgetYear=${budgetYear}`))
        .json()
        .policyTargets.map((p: { id: string; name: string; tolerance: number; results: { year: number; status: string }[] }) => [
          p.id,
          p.name,
          p.tolerance,
          p.results.map((r) => `${r.year} ${r.status}`),
        ]);
    // B2017: A 82,5 mio. is 7,5 mio. short of 90 (band 10 % = 9 mio.): yellow; anlæg 55 mio. is 5 mio.
    // off 50 (band 4 % = 2 mio., twice it 4 mio.): red
    expect(await judged(2017)).toEqual([
      ['driftsoverskud', 'Driftsoverskud mindst 90,0 mio. kr.', 0.1, ['2017 yellow']],
      ['anlaeg', 'Anlæg omkring 50,0 mio. kr.', 0.04, ['2017 red']],
    ]);
    // B2016 has only an anlæg target (the forvaltning's row is not the kommune's): 55 mio. on target
    expect(await judged(2016)).toEqual([['anlaeg', 'Anlæg omkring 55,0 mio. kr.', 0.1, ['2017 green']]]);
  });

  it('exports the lines as the screen shows them: by their effect on the result, and says so', async () => {
    const csv: string = (await get('/api/v1/budget/balance?budgetYear=2017&format=csv')).body;
    const row = (label: string) =>
      csv
        .split(/\r?\n/)
        .find((line) => line.startsWith(`${label};`))
        ?.split(';')[1];
    expect(csv).toContain('virkning på resultatet: + indtægt, − udgift');
    // 2017: skatter 1.962 mio. is income (+), service 1.952 mio. an expense (−); A = 82,5 mio. as above
    expect(row('Skatter')).toBe('1962000000');
    expect(row('Serviceudgifter')).toBe('-1952000000');
    expect(row('A. Resultat af ordinær driftsvirksomhed (driftsoverskud)')).toBe('82500000');
    expect(row('Kasseforøgelse (+) / kassetræk (−)')).toBe('16700000');
  });

  it('refuses a target id that is neither a KPI nor a balance target', async () => {
    const response = await postFeed(t.app, 'targets', 'kpi_id;org_id;year;target;tolerance\ncapital_spend;K;2017;1;\n');
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('capital_spend');
  });

  it('lists the budget years that have a plan', async () => {
    expect((await get('/api/v1/budget/plans')).json()).toEqual([2017, 2016]);
  });

  it('shows what changed from the previous budget year’s plan', async () => {
    const b = (await get('/api/v1/budget/balance?budgetYear=2017')).json();
    expect(b.comparison.budgetYear).toBe(2016);
    expect(b.comparison.changes[0]).toMatchObject({ year: 2017, resultA: -12_000_000 });
    expect(b.comparison.changes[0].lines.service).toBe(12_000_000);
    // the other way round: B2016 against a later plan
    const back = (await get('/api/v1/budget/balance?budgetYear=2016&compareTo=2017')).json();
    expect(back.comparison.budgetYear).toBe(2017);
    expect(back.comparison.changes[0]).toMatchObject({ year: 2017, resultA: 12_000_000 });
    expect(back.comparison.changes[0].lines.service).toBe(-12_000_000);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/budget/balance?budgetYear=2030', headers: economist })).statusCode,
    ).toBe(404);
  });
});

describe('benchmark', () => {
  const potential = async (query: string) => (await get(`/api/v1/benchmark?area=dagtilbud&year=2015&${query}`)).json();

  it.each([
    // KORA neighbours with Jammerbugt: costs 45, 50, 60, 60, 65 thousand; own 60.000 × 2.000 children
    ['method=mean', 56_000, 8_000_000],
    ['method=weighted', 620_000_000 / 11_000, (60_000 - 620_000_000 / 11_000) * 2000],
    ['method=median', 60_000, 0],
    ['method=best_quartile', 50_000, 20_000_000],
    ['method=mean_5_cheapest', 56_000, 8_000_000],
    ['method=cheapest', 45_000, 30_000_000],
    ['method=mean&includeOwn=false', 55_000, 10_000_000], // 45, 50, 60, 65
    ['method=mean&peers=787,101', 50_000, 20_000_000], // 40, 50 and own 60
  ])('%s', async (query, benchmark, expected) => {
    const result = await potential(query.includes('peers=') ? query : `peers=kora&${query}`);
    expect(result.benchmark).toBeCloseTo(benchmark, 6);
    expect(result.potential).toBeCloseTo(expected, 4);
  });

  it('adjusts for need before comparing', async () => {
    // 849 60.000/1,0; 787 50.000/0,8 = 62.500; 860 60.000/1,1; 810 65.000/1,3 = 50.000; 820 45.000/0,9 = 50.000
    const mean = (60_000 + 62_500 + 60_000 / 1.1 + 50_000 + 50_000) / 5;
    const result = await potential('peers=kora&method=mean&needAdjusted=true');
    expect(result.benchmark).toBeCloseTo(mean, 6);
    expect(result.potential).toBeCloseTo((60_000 - mean) * 2000 * 1.0, 4);
  });

  it('builds the peer groups from the shipped DST classification', async () => {
    const own = findMunicipality('849');
    const group = MUNICIPALITIES.filter((m) => m.group === own?.group).map((m) => m.code);
    const result = await potential('peers=kommunegruppe&method=mean');
    expect(result.peers.map((p: { municipality: string }) => p.municipality).sort()).toEqual(
      ['787', '810', '820', '849', '860'].filter((c) => group.includes(c)).sort(),
    );
    expect(result.missing.length).toBe(group.length - result.peers.length);
    const all = await potential('peers=all&method=mean');
    expect(all.benchmark).toBeCloseTo((40_000 + 45_000 + 50_000 + 60_000 + 60_000 + 65_000) / 6, 6);
    expect(all.peers[0]).toMatchObject({ municipality: '101', name: 'København', unitCost: 40_000 });
  });

  it('sums only the positive potentials across areas', async () => {
    const summary = (await get('/api/v1/benchmark/summary?year=2015&peers=kora&method=mean')).json();
    const folkeskole = summary.areas.find((a: { area: string }) => a.area === 'folkeskole');
    expect(folkeskole).toMatchObject({ gap: -20_000_000, potential: 0, position: 'under' }); // 50.000 against (50.000 + 60.000) / 2
    expect(summary.totalPotential).toBe(8_000_000);
    expect(summary.caveat).toContain('ikke en konkret besparelse');
  });

  it('puts the potential of the B2017 reading on the kommune dashboard', async () => {
    // KORA neighbours with Jammerbugt, unweighted mean: dagtilbud 8.000.000, folkeskole under the benchmark (not netted)
    const dashboard = (await get('/api/v1/dashboard?org=K&period=2015-06')).json();
    expect(dashboard.indicators.find((i: { kpiId: string }) => i.kpiId === 'benchmark_potential')).toMatchObject({
      value: 8_000_000,
      n: 2,
    });
  });

  it('exports the inputs, the method and the result as XLSX an economist can hand on', async () => {
    const response = await get('/api/v1/benchmark?area=dagtilbud&year=2015&peers=kora&method=best_quartile&format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Input', 'Metode', 'Resultat']);
    const result = workbook.getWorksheet('Resultat');
    expect(result?.getRow(2).getCell(6).value).toBe(20_000_000);
    expect(workbook.getWorksheet('Input')?.getRow(2).getCell(3).value).toBe(90_000_000); // cheapest first: Vesthimmerland
    const csv = (await get('/api/v1/benchmark/summary?year=2015&format=csv')).body;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('I alt (kun områder over benchmark);;;;8000000;');
  });

  it('saves a custom peer group under a name', async () => {
    const save = await t.app.inject({
      method: 'POST',
      url: '/api/v1/benchmark/peer-groups',
      headers: economist,
      payload: { name: 'Vestkysten', municipalities: ['787', '820'] },
    });
    expect(save.statusCode).toBe(200);
    expect(save.json().find((g: { name: string }) => g.name === 'Vestkysten')).toMatchObject({
      municipalities: ['787', '820'],
      builtIn: false,
    });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/benchmark/peer-groups',
      headers: economist,
      payload: { name: 'x', municipalities: ['999'] },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('leaves out a municipality whose row has no target population, says so, and computes the others', async () => {
    // rows an older LIS accepted: inserted as they would lie in the store
    const { batch_id } = await t.store.db.selectFrom('benchmark').select('batch_id').executeTakeFirstOrThrow();
    const row = (subject: string, area: string, netExpenditure: number, targetPopulation: number, needIndex: number) => ({
      municipality: '849',
      batch_id,
      year: 2014,
      subject_municipality: subject,
      area,
      net_expenditure: netExpenditure,
      target_population: targetPopulation,
      need_index: needIndex,
    });
    await t.store.db
      .insertInto('benchmark')
      .values([
        row('849', 'dagtilbud', 120_000_000, 2000, 1), // 60.000 per child
        row('787', 'dagtilbud', 100_000_000, 2000, 0.8), // 50.000
        row('860', 'dagtilbud', 150_000_000, 0, 1.1), // no target population
        row('849', 'folkeskole', 200_000_000, 0, 1), // the own municipality's row is the unusable one
        row('787', 'folkeskole', 240_000_000, 4000, 1), // 60.000
      ])
      .execute();
    const hjoerring = [{ municipality: '860', name: findMunicipality('860')?.name, reason: 'no_target_population' }];
    // 849 and 787: (60.000 + 50.000) / 2 = 55.000; (60.000 − 55.000) × 2.000 children
    const dagtilbud = (await get('/api/v1/benchmark?area=dagtilbud&year=2014&peers=kora&method=mean')).json();
    expect(dagtilbud).toMatchObject({ benchmark: 55_000, potential: 10_000_000, excluded: hjoerring });
    expect(dagtilbud.missing.map((m: { municipality: string }) => m.municipality)).not.toContain('860');
    // need-adjusted: 60.000 / 1,0 and 50.000 / 0,8 = 62.500; mean 61.250, under it by 1.250 × 2.000
    const adjusted = (await get('/api/v1/benchmark?area=dagtilbud&year=2014&peers=kora&method=mean&needAdjusted=true')).json();
    expect(adjusted).toMatchObject({ benchmark: 61_250, gap: -2_500_000, excluded: hjoerring });
    const summary = (await get('/api/v1/benchmark/summary?year=2014&peers=kora&method=mean')).json();
    expect(summary.areas).toMatchObject([
      { area: 'dagtilbud', benchmark: 55_000, potential: 10_000_000, excluded: hjoerring },
      {
        area: 'folkeskole',
        ownUnitCost: null,
        benchmark: 60_000,
        position: 'no_data',
        excluded: [{ municipality: '849', reason: 'no_target_population' }],
      },
    ]);
    expect(summary.totalPotential).toBe(10_000_000);
    const xlsx = await get('/api/v1/benchmark?area=dagtilbud&year=2014&peers=kora&format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const method = workbook.getWorksheet('Metode');
    const rows = method?.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1).join('|') : '')) ?? [];
    expect(rows).toContain('Udeladt (ingen målgruppe)|860 Hjørring');
  });

  it('answers a bad peer list or a missing need index clearly', async () => {
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/benchmark?area=dagtilbud&year=2015&peers=12,abc',
      headers: economist,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().parameter).toBe('peers');
    const unknownArea = await t.app.inject({ method: 'GET', url: '/api/v1/benchmark?area=havne&year=2015', headers: economist });
    expect(unknownArea.statusCode).toBe(404);
  });
});
