import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, postFeed, type TestApp } from './helpers.ts';

const ORG = `org_id;parent_id;name;level
K;;Testkommune;kommune
F1;K;Forvaltning 1;forvaltning
E1;F1;Enhed 1;enhed
E2;F1;Enhed 2;enhed
F2;K;Forvaltning 2;forvaltning
E3;F2;Enhed 3;enhed
`;

/**
 * 2015: E1 service (3.22.01) budget 100 and actuals 90 a month, E2 overførsler (5.57.71) budget 50
 * and actuals 60 a month. 2016: E1 service 110 a month (actuals 100 in January–March), E3 (new, in
 * F2) service 10 a month (actuals 5), E2 anlæg 1.000 in March. F2 and anlæg have nothing in 2015.
 */
function economy(): string {
  const rows = ['period;org_id;function;dranst;amount_type;amount'];
  for (let m = 1; m <= 12; m++) {
    const month = String(m).padStart(2, '0');
    rows.push(
      `2015-${month};E1;3.22.01;1;corrected_budget;100`,
      `2015-${month};E1;3.22.01;1;actual;90`,
      `2015-${month};E2;5.57.71;1;corrected_budget;50`,
      `2015-${month};E2;5.57.71;1;actual;60`,
      `2016-${month};E1;3.22.01;1;corrected_budget;110`,
      `2016-${month};E3;3.22.01;1;corrected_budget;10`,
    );
    if (m <= 3) rows.push(`2016-${month};E1;3.22.01;1;actual;100`, `2016-${month};E3;3.22.01;1;actual;5`);
  }
  rows.push('2016-03;E2;0.25.11;3;corrected_budget;1000');
  return `${rows.join('\n')}\n`;
}

let t: TestApp;
let economist: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  for (const [feed, file] of [
    ['organisation', ORG],
    ['economy', economy()],
  ] as const) {
    const response = await postFeed(t.app, feed, file);
    if (response.statusCode !== 200) throw new Error(`${feed}: ${response.body}`);
  }
  economist = bearer(await t.token('oekonom'));
});
afterAll(() => t.done());

const get = async (url: string) => {
  const response = await t.app.inject({ method: 'GET', url, headers: economist });
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response;
};

describe('budget follow-up: the same period last year', () => {
  it('gives the headline of the same month last year', async () => {
    const f = (await get('/api/v1/budget/followup?org=K&period=2016-03')).json();
    // actuals Jan–Mar 2015: 3 × 90 + 3 × 60 = 450; corrected 2015: 12 × 100 + 12 × 50 = 1.800; 450 / 1.800 = 25 %
    expect(f.lastYear).toEqual({ period: '2015-03', actualsYtd: 450, correctedBudget: 1800, consumptionPct: 25 });
  });

  it('cumulates last year’s actuals month by month', async () => {
    const f = (await get('/api/v1/budget/followup?org=K&period=2016-03')).json();
    // 90 + 60 = 150 a month: 150, 300, …, 1.800
    expect(f.months.map((m: { cumulativeActualLastYear: number | null }) => m.cumulativeActualLastYear)).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => n * 150),
    );
    // this year's own figures are unchanged beside it: 105 a month in January–March
    expect(f.months[2].cumulativeActual).toBe(315);
  });

  it('gives each category and unit its actuals last year, none where it had no amounts', async () => {
    const f = (await get('/api/v1/budget/followup?org=K&period=2016-03')).json();
    const byCategory = Object.fromEntries(
      f.byCategory.map((c: { category: string; actualsYtdLastYear: number | null }) => [c.category, c.actualsYtdLastYear]),
    );
    // service 3 × 90 = 270, overførsler 3 × 60 = 180; anlæg, forsyning and finansiering had nothing in 2015
    expect(byCategory).toEqual({ service: 270, overfoersler: 180, anlaeg: null, forsyning: null, finansiering: null });
    const children = Object.fromEntries(
      f.children.map((c: { org: { id: string }; actualsYtdLastYear: number | null }) => [c.org.id, c.actualsYtdLastYear]),
    );
    // F1 (E1 + E2) 450; F2 (E3, new in 2016) none
    expect(children).toEqual({ F1: 450, F2: null });
  });

  it('has no last year for a unit without amounts then', async () => {
    const f = (await get('/api/v1/budget/followup?org=F2&period=2016-03')).json();
    expect(f.lastYear).toBeNull();
    expect(f.months.every((m: { cumulativeActualLastYear: number | null }) => m.cumulativeActualLastYear === null)).toBe(true);
    expect(f.children).toEqual([expect.objectContaining({ actualsYtdLastYear: null })]);
  });

  it('exports last year’s actuals in full kroner', async () => {
    const csv = (await get('/api/v1/budget/followup?org=K&period=2016-03&format=csv')).body;
    const lines = csv.split(/\r?\n/);
    expect(lines[0]).toMatch(/;Forbrug år til dato sidste år$/);
    expect(lines.find((l) => l.startsWith('Drift i alt'))).toMatch(/;450$/);
    expect(lines.find((l) => l.startsWith('Anlæg'))).toMatch(/;$/);
  });
});
