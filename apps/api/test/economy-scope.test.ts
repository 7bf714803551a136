import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, example, postFeed, type TestApp } from './helpers.ts';
import { TWO_FORVALTNINGER } from './two-forvaltninger.ts';

// A chef of F1 reads their subtree (A1, E1, E2) plus the kommune's totals; F2 (E3, E4) is a sibling.
const ORG = TWO_FORVALTNINGER;

/**
 * Per month of 2016 a corrected budget; actuals January to March. F1's units and F2's use
 * different functions except 3.22.01 (both), so a kommune line is either F2's alone or a sum.
 */
function economy(): string {
  const rows = ['period;org_id;function;dranst;amount_type;amount'];
  const keys: [string, string, number, number, number][] = [
    // unit, function, dranst, corrected budget per month, actual per month (Jan–Mar)
    ['E1', '3.22.01', 1, 100, 90], // service
    ['E2', '5.57.71', 2, 40, 50], // overførsler
    ['E3', '5.28.20', 1, 300, 310], // service, only F2
    ['E3', '3.22.01', 1, 200, 180], // service, shared function
    ['E4', '1.38.60', 1, 30, 30], // forsyning, only F2
    ['K', '7.68.90', 7, -500, -500], // finansiering, booked on the kommune itself
  ];
  for (let m = 1; m <= 12; m++) {
    const period = `2016-${String(m).padStart(2, '0')}`;
    for (const [org, fn, dranst, budget, actual] of keys) {
      rows.push(`${period};${org};${fn};${dranst};corrected_budget;${budget}`);
      if (m <= 3) rows.push(`${period};${org};${fn};${dranst};actual;${actual}`);
    }
  }
  rows.push('2016-03;E4;0.25.11;3;corrected_budget;1000', '2016-03;E4;0.25.11;3;actual;400'); // anlæg, only F2
  return `${rows.join('\n')}\n`;
}

const BENCHMARK = `year;municipality;area;net_expenditure;target_population;need_index
2015;849;dagtilbud;120.000.000;2.000;1,0
2015;787;dagtilbud;100.000.000;2.000;0,8
`;

let t: TestApp;
let direktion: Record<string, string>;
let chef: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  for (const [feed, file] of [
    ['organisation', ORG],
    ['economy', economy()],
    ['budget_plan', example('budget_plan.csv')],
    ['benchmark', BENCHMARK],
  ] as const) {
    const response = await postFeed(t.app, feed, file);
    if (response.statusCode !== 200) throw new Error(`${feed}: ${response.body}`);
  }
  direktion = bearer(await t.token('direktion'));
  chef = bearer(await t.token('chef', ['F1']));
});
afterAll(() => t.done());

const call = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });
const get = async (url: string, headers: Record<string, string>) => {
  const response = await call(url, headers);
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response.json();
};

interface Figures {
  correctedBudget: number;
  actualsYtd: number;
}
type Line = Figures & { code: string };
type Category = Figures & { category: string };
const figuresOf = (f: Figures) => ({ correctedBudget: f.correctedBudget, actualsYtd: f.actualsYtd });
const PERIOD = '2016-03';
const PREFIXES = ['', '0', '1', '3', '5', '7', '0.25', '1.38', '3.22', '5.28', '5.57', '7.68'];

describe('a chef at the kommune root: totals of the whole kommune, breakdowns of their own units only', () => {
  it('gives the kommune’s drift totals, but categories and units of F1 only, and says so', async () => {
    const f = await get(`/api/v1/budget/followup?org=K&period=${PERIOD}`, chef);
    // drift (service + overførsler) of the whole kommune: 12 × (100 + 40 + 300 + 200) and 3 × (90 + 50 + 310 + 180)
    expect(f).toMatchObject({ breakdown: 'own_units', correctedBudget: 7680, actualsYtd: 1890 });
    expect(f.months[2]).toMatchObject({ period: '2016-03', cumulativeActual: 1890 });
    // categories over E1 and E2 only: service 12 × 100 / 3 × 90, overførsler 12 × 40 / 3 × 50, nothing else
    expect(Object.fromEntries(f.byCategory.map((c: Category) => [c.category, figuresOf(c)]))).toEqual({
      service: { correctedBudget: 1200, actualsYtd: 270 },
      overfoersler: { correctedBudget: 480, actualsYtd: 150 },
      anlaeg: { correctedBudget: 0, actualsYtd: 0 },
      forsyning: { correctedBudget: 0, actualsYtd: 0 },
      finansiering: { correctedBudget: 0, actualsYtd: 0 },
    });
    expect(f.children.map((c: { org: { id: string } } & Figures) => [c.org.id, c.correctedBudget])).toEqual([['F1', 1680]]);
  });

  it('gives the kommune’s whole breakdown to a role that reads everything', async () => {
    const f = await get(`/api/v1/budget/followup?org=K&period=${PERIOD}`, direktion);
    expect(f).toMatchObject({ breakdown: 'unit', correctedBudget: 7680, actualsYtd: 1890 });
    const anlaeg = f.byCategory.find((c: Category) => c.category === 'anlaeg');
    expect(figuresOf(anlaeg)).toEqual({ correctedBudget: 1000, actualsYtd: 400 });
    expect(f.children.map((c: { org: { id: string } }) => c.org.id)).toEqual(['F1', 'F2']);
    const accounts = await get(`/api/v1/budget/accounts?org=K&period=${PERIOD}&prefix=5.28`, direktion);
    expect(accounts.lines.map(figuresOf)).toEqual([{ correctedBudget: 3600, actualsYtd: 930 }]);
  });

  it('sums the chart of accounts over F1’s facts only: the lines computed by hand', async () => {
    const lines = async (prefix: string) =>
      (await get(`/api/v1/budget/accounts?org=K&period=${PERIOD}&prefix=${prefix}`, chef)).lines.map((l: Line) => [
        l.code,
        l.correctedBudget,
        l.actualsYtd,
      ]);
    // 3.22.01 is also F2's (E3: 2.400 / 540); the chef's line holds E1's part only
    expect(await lines('')).toEqual([
      ['3', 1200, 270],
      ['5', 480, 150],
    ]);
    expect(await lines('5')).toEqual([['5.57', 480, 150]]);
    expect(await lines('3.22')).toEqual([['3.22.01', 1200, 270]]);
    expect(await lines('5.28')).toEqual([]);
    expect((await get(`/api/v1/budget/accounts?org=K&period=${PERIOD}`, chef)).breakdown).toBe('own_units');
  });

  it('never hands a chef a kommune line or category that equals a sibling unit’s or forvaltning’s figures', async () => {
    const key = (code: string, f: Figures) => `${code}:${f.correctedBudget}:${f.actualsYtd}`;
    const siblings = new Set<string>();
    const chefs: string[] = [];
    for (const org of ['F2', 'E3', 'E4']) {
      for (const prefix of PREFIXES)
        for (const line of (await get(`/api/v1/budget/accounts?org=${org}&period=${PERIOD}&prefix=${prefix}`, direktion)).lines)
          siblings.add(key(line.code, line));
      for (const c of (await get(`/api/v1/budget/followup?org=${org}&period=${PERIOD}`, direktion)).byCategory)
        if (c.correctedBudget !== 0 || c.actualsYtd !== 0) siblings.add(key(c.category, c));
    }
    for (const prefix of PREFIXES)
      for (const line of (await get(`/api/v1/budget/accounts?org=K&period=${PERIOD}&prefix=${prefix}`, chef)).lines)
        chefs.push(key(line.code, line));
    for (const c of (await get(`/api/v1/budget/followup?org=K&period=${PERIOD}`, chef)).byCategory)
      chefs.push(key(c.category, c));
    expect(siblings.size).toBeGreaterThan(10);
    expect(chefs.filter((k) => siblings.has(k))).toEqual([]);
  });

  it('labels the exports of the kommune for a chef and leaves the sibling out', async () => {
    const csv = (await call(`/api/v1/budget/followup?org=K&period=${PERIOD}&format=csv`, chef)).body;
    expect(csv).toContain('Drift i alt for hele Testkommune (service + overførsler);0;7680;');
    expect(csv).toContain('Service, dine enheder;0;1200;');
    expect(csv).toContain('Anlæg, dine enheder;0;0;');
    expect(csv).not.toContain('Forvaltning 2');
    const accounts = (await call(`/api/v1/budget/accounts?org=K&period=${PERIOD}&prefix=5&format=csv`, chef)).body;
    expect(accounts).toContain('5.57');
    expect(accounts).not.toContain('5.28');
  });

  it('lists the topmost of a chef’s own units, and counts a nested unit once', async () => {
    const deep = bearer(await t.token('chef', ['E1']));
    const f = await get(`/api/v1/budget/followup?org=K&period=${PERIOD}`, deep);
    expect(f.children.map((c: { org: { id: string } }) => c.org.id)).toEqual(['E1']);
    expect(figuresOf(f.byCategory.find((c: Category) => c.category === 'service'))).toEqual({
      correctedBudget: 1200,
      actualsYtd: 270,
    });
    expect(figuresOf(f.byCategory.find((c: Category) => c.category === 'overfoersler'))).toEqual({
      correctedBudget: 0,
      actualsYtd: 0,
    });

    const nested = bearer(await t.token('chef', ['E1', 'A1']));
    const g = await get(`/api/v1/budget/followup?org=K&period=${PERIOD}`, nested);
    expect(g.children.map((c: { org: { id: string } } & Figures) => [c.org.id, c.correctedBudget])).toEqual([['A1', 1680]]);
    expect(figuresOf(g.byCategory.find((c: Category) => c.category === 'service'))).toEqual({
      correctedBudget: 1200,
      actualsYtd: 270,
    });
  });

  it('gives a chef of the kommune itself the whole breakdown', async () => {
    const top = bearer(await t.token('chef', ['K']));
    const f = await get(`/api/v1/budget/followup?org=K&period=${PERIOD}`, top);
    expect(f.breakdown).toBe('unit');
    expect(f.children.map((c: { org: { id: string } }) => c.org.id)).toEqual(['F1', 'F2']);
  });
});

/**
 * Every budget and benchmark route with a chef of F1: the status and, for breakdowns, what they
 * cover. `null` = no org parameter (kommune-wide or municipality-level data, the same for every reader).
 */
const ROUTES: [method: string, path: string, query: string, org: 'K' | 'F1' | 'E1' | 'F2' | 'E3' | null, status: number][] = [];
for (const [path, query] of [
  ['/api/v1/budget/followup', `period=${PERIOD}`],
  ['/api/v1/budget/accounts', `period=${PERIOD}&prefix=3`],
] as const) {
  for (const [org, status] of [
    ['K', 200],
    ['F1', 200],
    ['E1', 200],
    ['F2', 403],
    ['E3', 403],
  ] as const) {
    ROUTES.push(['GET', path, `org=${org}&${query}`, org, status]);
    ROUTES.push(['GET', path, `org=${org}&${query}&format=csv`, org, status]);
    ROUTES.push(['GET', path, `org=${org}&${query}&format=xlsx`, org, status]);
  }
}
ROUTES.push(
  ['GET', '/api/v1/budget/plans', '', null, 200],
  ['GET', '/api/v1/budget/balance', 'budgetYear=2017', null, 200],
  ['GET', '/api/v1/budget/balance', 'budgetYear=2017&format=xlsx', null, 200],
  ['GET', '/api/v1/benchmark/areas', '', null, 200],
  ['GET', '/api/v1/benchmark', 'area=dagtilbud&year=2015', null, 200],
  ['GET', '/api/v1/benchmark', 'area=dagtilbud&year=2015&format=csv', null, 200],
  ['GET', '/api/v1/benchmark/summary', 'year=2015', null, 200],
  ['GET', '/api/v1/benchmark/summary', 'year=2015&format=xlsx', null, 200],
  ['GET', '/api/v1/benchmark/peer-groups', '', null, 200],
  // the own economy behind an area: at the kommune, a chef's own units only (benchmark-accounts.test.ts)
  ['GET', '/api/v1/benchmark/areas/{area}/accounts', 'year=2016', 'K', 200],
  // saved peer groups are written by those who prepare benchmarks (peer-groups.test.ts)
  ['POST', '/api/v1/benchmark/peer-groups', '', null, 403],
  ['DELETE', '/api/v1/benchmark/peer-groups/{name}', '', null, 403],
);

/** The CSV as it is, or the XLSX's sheet names and cells as text. */
async function exportText(response: { headers: Record<string, unknown>; body: string; rawPayload: Buffer }) {
  if (String(response.headers['content-type']).includes('csv')) return response.body;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return workbook.worksheets
    .flatMap((sheet) => [sheet.name, ...sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : []))])
    .join('\n');
}

describe('every budget and benchmark route with a chef’s token (ADR 0003)', () => {
  it('covers every budget and benchmark route the API documents', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const documented = Object.entries(spec.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => /^\/api\/v1\/(budget|benchmark)/.test(path))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(new Set(ROUTES.map(([method, path]) => `${method} ${path}`))).toEqual(new Set(documented));
  });

  it.each(ROUTES)('%s %s?%s (org %s) → %i', async (method, path, query, org, status) => {
    const url = `${path.replace('{name}', 'Vestkysten').replace('{area}', 'folkeskole')}${query ? `?${query}` : ''}`;
    const response = await t.app.inject({
      method: method as 'GET' | 'POST' | 'DELETE',
      url,
      headers: chef,
      ...(method === 'POST' ? { payload: { name: 'Vestkysten', municipalities: ['787'] } } : {}),
    });
    expect(response.statusCode).toBe(status);
    if (status === 403) expect(response.json().code).toBe(org ? 'org_forbidden' : 'role_forbidden');
    if (status !== 200) return;
    if (query.includes('format=')) {
      // an export of the kommune says whose figures its breakdowns are
      if (org === 'K') expect(await exportText(response)).toContain('dine enheder');
      return;
    }
    const body = response.json();
    if (org === 'K') expect(body.breakdown).toBe('own_units');
    else if (org) expect(body.breakdown).toBe('unit');
    // kommune-wide plans and municipality-level benchmarks: what a chef gets is what direktion gets
    else expect(body).toEqual((await get(url, direktion)) as unknown);
  });
});
