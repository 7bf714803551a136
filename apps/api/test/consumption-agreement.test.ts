import type { Dashboard, FollowUp } from '@lis/contracts';
import { consumptionStatus } from '@lis/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, createTestApp, postFeed, type TestApp } from './helpers.ts';

// The overview's tile (budget_consumption_pct, precomputed by the refresh in SQL) and the budget
// follow-up (computed per request from the amounts) must say the same for a unit and month. The
// store holds every kind of line a wrong rule would count: forsyning, anlæg, financing, and
// dranst 2 (statsrefusion) income on a transfer function and on main account 0.
const ORG = `org_id;parent_id;name;level
K;;Testkommune;kommune
F1;K;Forvaltning 1;forvaltning
E1;F1;Enhed 1;enhed
E2;F1;Enhed 2;enhed
F2;K;Forvaltning 2;forvaltning
E3;F2;Enhed 3;enhed
`;

const MONTHS = ['2016-01', '2016-02', '2016-03', '2016-04'];
const LINES: [org: string, fn: string, dranst: number, budget: number, actuals: number[]][] = [
  ['E1', '3.22.01', 1, 110, [100, 120, 105, 111]],
  ['E1', '5.57.71', 1, 50, [60, 55, 50, 49]],
  ['E1', '5.57.71', 2, -20, [-25, -20, -18, -21]],
  ['E2', '1.38.60', 1, 30, [30, 31, 29, 30]], // forsyning
  ['E2', '7.68.90', 7, -500, [-500, -500, -500, -500]], // financing
  ['E2', '0.25.11', 3, 80, [0, 400, 0, 10]], // anlæg
  ['E3', '6.45.51', 1, 200, [190, 230, 210, 260]],
  ['E3', '2.28.01', 1, 40, [10, 90, 15, 30]],
  ['E3', '0.22.01', 2, -5, [-4, -6, -5, -5]], // drift income on main account 0
];

function economy(): string {
  const rows = ['period;org_id;function;dranst;amount_type;amount'];
  for (let m = 1; m <= 12; m++) {
    const period = `2016-${String(m).padStart(2, '0')}`;
    for (const [org, fn, dranst, budget, actuals] of LINES) {
      rows.push(`${period};${org};${fn};${dranst};corrected_budget;${budget}`);
      const actual = actuals[m - 1];
      if (actual !== undefined) rows.push(`${period};${org};${fn};${dranst};actual;${actual}`);
    }
  }
  return `${rows.join('\n')}\n`;
}

describe('the consumption tile and the budget follow-up agree', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    for (const [feed, body] of [
      ['organisation', ORG],
      ['economy', economy()],
    ] as const) {
      const response = await postFeed(t.app, feed, body);
      if (response.statusCode !== 200) throw new Error(`${feed}: ${response.body}`);
    }
  });
  afterAll(() => t.done());

  const get = async <T>(url: string): Promise<T> => {
    const response = await asAdmin(t.app, 'GET', url);
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json() as T;
  };
  const tile = async (org: string, period: string) => {
    const dashboard = await get<Dashboard>(`/api/v1/dashboard?org=${org}&period=${period}`);
    const indicator = dashboard.indicators.find((i) => i.kpiId === 'budget_consumption_pct');
    if (!indicator) throw new Error(`no consumption tile for ${org}`);
    return indicator;
  };

  it('is the hand-computed figure for one unit: operating actuals YTD / corrected budget of the year', async () => {
    // E1 in March: (100+120+105 + 60+55+50 − 25−20−18) / ((110 + 50 − 20) × 12) × 100
    const expected = (427 / 1680) * 100;
    expect((await tile('E1', '2016-03')).value).toBeCloseTo(expected, 9);
    expect((await get<FollowUp>('/api/v1/budget/followup?org=E1&period=2016-03')).consumptionPct).toBeCloseTo(expected, 9);
  });

  it.each(MONTHS)('in %s: value, reference and light for every unit and every child listed', async (period) => {
    for (const org of ['K', 'F1', 'F2', 'E1', 'E2', 'E3']) {
      const followUp = await get<FollowUp>(`/api/v1/budget/followup?org=${org}&period=${period}`);
      const shown = await tile(org, period);
      const where = `${org} ${period}`;
      if (followUp.consumptionPct === null) expect(shown.value, where).toBeNull();
      else expect(shown.value, where).toBeCloseTo(followUp.consumptionPct, 9);
      if (followUp.phasedConsumptionPct === null) expect(shown.target, where).toBeNull();
      else expect(shown.target, where).toBeCloseTo(followUp.phasedConsumptionPct, 9);
      // the follow-up page shows the light the server sends, the tile's, by the domain's rule from its own figures
      expect(followUp.consumptionStatus, where).toBe(shown.status);
      expect(shown.status, where).toBe(consumptionStatus(followUp.consumptionPct, followUp.phasedConsumptionPct));
      for (const child of followUp.children) {
        const childTile = await tile(child.org.id, period);
        if (child.consumptionPct === null) expect(childTile.value, `${child.org.id} ${period}`).toBeNull();
        else expect(childTile.value, `${child.org.id} ${period}`).toBeCloseTo(child.consumptionPct, 9);
      }
    }
  });

  it('counts only operating spending: E2 has none, so neither shows a consumption', async () => {
    expect((await tile('E2', '2016-03')).value).toBeNull();
    expect((await get<FollowUp>('/api/v1/budget/followup?org=E2&period=2016-03')).consumptionPct).toBeNull();
  });
});
