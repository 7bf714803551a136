import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, example, postFeed, type TestApp } from './helpers.ts';

// A small municipality whose every indicator is computed by hand below.
//   K (kommune) ─ F1 ─ A1 ─ E1 (40 employees), E2 (4), E3 (10)
//               └ F2 ─ A2 ─ E4 (100)
const ORG = `org_id;parent_id;name;level
K;;Testkommune;kommune
F1;K;Forvaltning 1;forvaltning
F2;K;Forvaltning 2;forvaltning
A1;F1;Afdeling 1;afdeling
A2;F2;Afdeling 2;afdeling
E1;A1;Enhed 1;enhed
E2;A1;Enhed 2;enhed
E3;A1;Enhed 3;enhed
E4;A2;Enhed 4;enhed
`;

function sickLeave(): string {
  const rows = ['period;org_id;headcount;fte;planned_hours;own_sickness_hours;work_injury_hours;long_term_hours'];
  rows.push('2016-01;E1;40;36;6000;300;0;120', '2016-01;E2;4;4;600;60;0;0', '2016-01;E3;10;9;1500;15;0;0');
  rows.push('2016-02;E1;40;36;6000;240;0;0');
  // E4 from 2015-01 to 2016-01: 1.500 + 150 hours a month; FTE 90 in 2015-01…2015-07, 100 after.
  for (let m = 0; m < 13; m++) {
    const period = m < 12 ? `2015-${String(m + 1).padStart(2, '0')}` : '2016-01';
    const fte = m < 7 ? 90 : 100;
    rows.push(`${period};E4;100;${fte};15000;1500;150;${m === 12 ? 825 : 0}`);
  }
  return `${rows.join('\n')}\n`;
}

const CASE_TYPES = `case_type;name;deadline_days;valid_from
T;Testsag;10;
T;Testsag;5;2016-07-01
`;

// durations (decided − started) and the deadline valid when received:
// E1: 11 (frist 10, over), 4 (frist 5, within), 8 (frist 10, within)
// E3: 7 (frist 5, over), 2 (within), 10 from complete (frist 5, over), 1 (within)
const CASES = `case_id;org_id;case_type;received;complete;decided
c1;E1;T;2016-06-20;;2016-07-01
c2;E1;T;2016-07-01;;2016-07-05
c3;E1;T;2016-06-28;;2016-07-06
c4;E3;T;2016-07-01;;2016-07-08
c5;E3;T;2016-07-02;;2016-07-04
c6;E3;T;2016-07-10;2016-07-20;2016-07-30
c7;E3;T;2016-07-15;;2016-07-16
o1;E1;T;2016-05-01;;2016-08-15
o2;E1;T;2016-07-20;;
o3;E1;T;2016-07-25;2016-08-02;
`;

function economy(): string {
  const rows = ['period;org_id;function;dranst;amount_type;amount'];
  for (let m = 1; m <= 12; m++) {
    const p = `2016-${String(m).padStart(2, '0')}`;
    rows.push(`${p};E1;3.22.01;1;corrected_budget;100`, `${p};E3;3.22.05;1;corrected_budget;50`);
  }
  rows.push('2016-01;E1;3.22.01;1;actual;90', '2016-02;E1;3.22.01;1;actual;115', '2016-02;E1;3.22.01;1;forecast;1300');
  rows.push('2016-01;E1;7.68.90;7;actual;-5000'); // taxes: financing, not operating spending
  return `${rows.join('\n')}\n`;
}

const TARGETS = `kpi_id;org_id;year;target;tolerance
sick_leave_pct;K;2016;5,0;0,10
sick_leave_pct;F2;2016;10;
case_within_deadline_pct;F1;2016;50;
`;

let t: TestApp;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  for (const [feed, file] of [
    ['organisation', ORG],
    ['sickleave', sickLeave()],
    ['case_types', CASE_TYPES],
    ['cases', CASES],
    ['economy', economy()],
    ['targets', TARGETS],
  ] as const) {
    const response = await postFeed(t.app, feed, file);
    if (response.statusCode !== 200) throw new Error(`${feed}: ${response.body}`);
  }
  admin = bearer(await t.token('direktion'));
});
afterAll(() => t.done());

const get = async (url: string, headers = admin) => {
  const response = await t.app.inject({ method: 'GET', url, headers });
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response.json();
};
const indicator = async (org: string, period: string, kpiId: string) =>
  (await get(`/api/v1/dashboard?org=${org}&period=${period}`)).indicators.find((i: { kpiId: string }) => i.kpiId === kpiId);

describe('sick leave', () => {
  it('rolls a ratio up as sums of hours, never as an average of percentages', async () => {
    // A1 = (300 + 60 + 15) / (6000 + 600 + 1500) = 375 / 8100; the children's average would be (5 + 10 + 1) / 3 = 5,33
    expect((await indicator('A1', '2016-01', 'sick_leave_pct')).value).toBeCloseTo((375 / 8100) * 100, 10);
    // K = (375 + 1650) / (8100 + 15000); the forvaltninger's average would be (4,63 + 11) / 2 = 7,8
    expect((await indicator('K', '2016-01', 'sick_leave_pct')).value).toBeCloseTo((2025 / 23100) * 100, 10);
  });

  it('suppresses a unit under 5 employees and, by the complementary rule, its smallest sibling; the parent keeps both', async () => {
    const breakdown = await get('/api/v1/kpis/sick_leave_pct/breakdown?org=A1&period=2016-01');
    const byOrg = Object.fromEntries(breakdown.items.map((i: { org: { id: string } }) => [i.org.id, i]));
    expect(byOrg.E1).toMatchObject({ value: 5, status: expect.not.stringMatching('suppressed') });
    expect(byOrg.E2).toMatchObject({
      value: null,
      status: 'suppressed',
      suppressedReason: expect.stringContaining('5 medarbejdere'),
    });
    expect(byOrg.E3).toMatchObject({ value: null, status: 'suppressed' }); // 10 employees, hidden so E2 cannot be derived
    for (const kpiId of ['sick_leave_pct', 'long_term_share', 'sick_leave_days_per_fte']) {
      const hidden = await indicator('E2', '2016-01', kpiId);
      expect(hidden).toMatchObject({ value: null, status: 'suppressed', ytd: null, n: null });
    }
    const csv = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/kpis/sick_leave_pct/breakdown?org=A1&period=2016-01&format=csv',
        headers: admin,
      })
    ).body;
    expect(csv).toMatch(/Enhed 2;E2;enhed;;5,0;diskretioneret;;\r\n/); // no number, only the inherited target (n, Forklaring empty)
  });

  it('computes days per FTE over the rolling 12 months with the mean FTE', async () => {
    // 2015-02 … 2016-01: 12 × 1.650 hours / 7,4 = 2.675,68 days; mean FTE = (6 × 90 + 6 × 100) / 12 = 95
    expect((await indicator('E4', '2016-01', 'sick_leave_days_per_fte')).value).toBeCloseTo((12 * 1650) / 7.4 / 95, 10);
    // 2015-12 lacks 2014-12 … the window starts 2015-01: 12 months, FTE (7 × 90 + 5 × 100) / 12
    expect((await indicator('E4', '2015-12', 'sick_leave_days_per_fte')).value).toBeCloseTo(
      (12 * 1650) / 7.4 / ((7 * 90 + 5 * 100) / 12),
      10,
    );
    // 2015-11 has only 11 months of history: no value rather than an understated one
    expect((await indicator('E4', '2015-11', 'sick_leave_days_per_fte')).status).toBe('no_data');
  });

  it('gives year to date, the previous month and the same month last year', async () => {
    // E1 2016-02 YTD = (300 + 240) / (6000 + 6000)
    const e1 = await indicator('E1', '2016-02', 'sick_leave_pct');
    expect(e1.value).toBeCloseTo(4, 10);
    expect(e1.ytd).toBeCloseTo(4.5, 10);
    expect(e1.previous).toBeCloseTo(5, 10);
    const e4 = await indicator('E4', '2016-01', 'sick_leave_pct');
    expect(e4.value).toBeCloseTo(11, 10); // 1650 / 15000
    expect(e4.sameMonthLastYear).toBeCloseTo(11, 10);
    expect(e4.series).toHaveLength(12);
    const dashboard = await get('/api/v1/dashboard?org=E4&period=2016-01');
    expect(dashboard).toMatchObject({ firstPeriod: '2015-01', latestPeriod: expect.stringMatching(/^2016-/) });
    // long-term share = 825 / 1650
    expect((await indicator('E4', '2016-01', 'long_term_share')).value).toBeCloseTo(50, 10);
  });

  it('colours by the nearest target: inherited, own, tolerance band', async () => {
    // A1 inherits K's 5,0: 4,6 is green. F2 has its own 10 (band 10 % = 1,0): 11,0 is yellow. K: 8,8 against 5,0 is red.
    expect(await indicator('A1', '2016-01', 'sick_leave_pct')).toMatchObject({ target: 5, status: 'green', targetOrgId: 'K' });
    expect(await indicator('F2', '2016-01', 'sick_leave_pct')).toMatchObject({ target: 10, status: 'yellow', targetOrgId: 'F2' });
    expect(await indicator('K', '2016-01', 'sick_leave_pct')).toMatchObject({ target: 5, status: 'red' });
    expect(await indicator('K', '2016-01', 'wellbeing_score')).toMatchObject({ value: null, status: 'no_data' });
  });
});

describe('case-processing times', () => {
  it('computes the median of a subtree from all its cases, not from the children’s medians', async () => {
    // E1 [4, 8, 11] → 8; E3 [1, 2, 7, 10] → 4,5; A1 [1, 2, 4, 7, 8, 10, 11] → 7 (the median of medians would be 6,25)
    expect((await indicator('E1', '2016-07', 'case_median_days')).value).toBe(8);
    expect((await indicator('E3', '2016-07', 'case_median_days')).value).toBe(4.5);
    const a1 = await indicator('A1', '2016-07', 'case_median_days');
    expect(a1).toMatchObject({ value: 7, n: 7 });
    // P90 (PERCENTILE.INC): rank 0,9 × 6 = 5,4 → 10 + 0,4 × (11 − 10)
    expect((await indicator('A1', '2016-07', 'case_p90_days')).value).toBeCloseTo(10.4, 10);
  });

  it('judges each case against the deadline valid when it was received', async () => {
    // within: c2, c3, c5, c7 = 4 of 7 (c1 is 11 days against 10; c4 7 against 5; c6 10 from complete against 5)
    const within = await indicator('A1', '2016-07', 'case_within_deadline_pct');
    expect(within.value).toBeCloseTo((4 / 7) * 100, 10);
    expect(within).toMatchObject({ n: 7, target: 50, status: 'green' });
    expect((await indicator('A1', '2016-07', 'case_decided_count')).value).toBe(7);
  });

  it('counts the backlog at month end and the open cases over their deadline', async () => {
    // open 31 July: o1 (received 1 May), o2 (20 July), o3 (25 July, fully documented only 2 August)
    // over deadline: o1 (91 days > 10), o2 (11 > 5); o3's clock has not started
    expect((await indicator('E1', '2016-07', 'case_backlog')).value).toBe(3);
    expect((await indicator('E1', '2016-07', 'case_open_over_deadline')).value).toBe(2);
    expect((await indicator('K', '2016-06', 'case_backlog')).value).toBe(3); // o1, c1 (20 June), c3 (28 June)
  });

  it('refreshes the months a restated case left, also when a restore moves it back', async () => {
    const admin = bearer(await t.token('admin'));
    const backlog = async () => [
      (await indicator('K', '2016-06', 'case_backlog')).value,
      (await indicator('E1', '2016-07', 'case_backlog')).value,
    ];
    const [first] = (await get('/api/v1/batches?feed=cases', admin)) as [{ id: number }];
    // o1 restated as received 1 August: June and July (before the delivery's own months) lose it
    const restated = await postFeed(
      t.app,
      'cases',
      'case_id;org_id;case_type;received;complete;decided\no1;E1;T;2016-08-01;;2016-08-15\n',
    );
    expect(await backlog()).toEqual([2, 2]); // June: c1, c3; July: o2, o3
    expect((await indicator('E1', '2016-08', 'case_median_days')).value).toBe(14);
    const restore = (id: number) => t.app.inject({ method: 'POST', url: `/api/v1/batches/${id}/restore`, headers: admin });
    expect((await restore(first.id)).statusCode).toBe(200);
    expect(await backlog()).toEqual([3, 3]);
    // the restatement's own months are August only; the rows it sets aside again are from May
    expect((await restore(restated.json().batchId)).statusCode).toBe(200);
    expect(await backlog()).toEqual([2, 2]);
    expect((await restore(first.id)).statusCode).toBe(200); // as before
  });

  it('counts the year to date of a month refreshed alone from all the year’s decisions', async () => {
    // the delivery touches September only; the year so far: c1–c7 in July, o1 in August, n1
    await postFeed(t.app, 'cases', 'case_id;org_id;case_type;received;complete;decided\nn1;E1;T;2016-09-01;;2016-09-03\n');
    expect(await indicator('K', '2016-09', 'case_decided_count')).toMatchObject({ value: 1, ytd: 9 });
    expect(await indicator('K', '2016-08', 'case_decided_count')).toMatchObject({ value: 1, ytd: 8 });
  });
});

describe('budget', () => {
  it('computes consumption against the whole-year corrected budget, with the phased share as the reference', async () => {
    // E1 February: actuals YTD 90 + 115 = 205 of 1.200 = 17,08 %; phased YTD 200 / 1.200 = 16,67 % (yellow: 0,42 over, band 5 %)
    const e1 = await indicator('E1', '2016-02', 'budget_consumption_pct');
    expect(e1.value).toBeCloseTo((205 / 1200) * 100, 10);
    expect(e1.target).toBeCloseTo((200 / 1200) * 100, 10);
    expect(e1.status).toBe('yellow');
    // Taxes (7.68.90, dranst 7) are financing, not spending: K = 205 / (1.200 + 600)
    expect((await indicator('K', '2016-02', 'budget_consumption_pct')).value).toBeCloseTo((205 / 1800) * 100, 10);
  });

  it('takes the latest forecast, with the corrected budget for keys without one', async () => {
    // A1: E1's forecast 1.300 + E3 without forecast at its budget 600, against 1.800 → +100 (5,56 %)
    expect((await indicator('A1', '2016-02', 'budget_forecast_deviation')).value).toBe(100);
    expect((await indicator('A1', '2016-02', 'budget_forecast_deviation_pct')).value).toBeCloseTo((100 / 1800) * 100, 10);
    expect((await indicator('A1', '2016-01', 'budget_forecast_deviation')).status).toBe('no_data');
  });

  it('follows a restated month and a superseding forecast', async () => {
    await postFeed(
      t.app,
      'economy',
      'period;org_id;function;dranst;amount_type;amount\n2016-02;E1;3.22.01;1;actual;130\n2016-03;E1;3.22.01;1;actual;100\n2016-03;E1;3.22.01;1;forecast;1250\n',
    );
    expect((await indicator('E1', '2016-02', 'budget_consumption_pct')).value).toBeCloseTo((220 / 1200) * 100, 10);
    expect((await indicator('E1', '2016-03', 'budget_forecast_deviation')).value).toBe(50);
    expect((await indicator('E1', '2016-02', 'budget_forecast_deviation')).value).toBe(100); // February still saw 1.300
  });

  it('shows the operating surplus of the plan at kommune level only', async () => {
    await postFeed(t.app, 'budget_plan', example('budget_plan.csv'));
    // 1.962 + 648 − 1.952 − 571 − 4,5 mio.
    expect((await indicator('K', '2017-01', 'operating_surplus')).value).toBe(82_500_000);
    const forvaltning = await get('/api/v1/dashboard?org=F1&period=2016-01');
    expect(forvaltning.indicators.map((i: { kpiId: string }) => i.kpiId)).not.toContain('operating_surplus');
  });
});

describe('survey anonymity', () => {
  it('hides a wellbeing score answered by fewer than 5, and its smallest sibling; the parent keeps all answers', async () => {
    // E1 3 answers (hidden), E2 10 (hidden as the complement), E3 20
    await postFeed(
      t.app,
      'kpi',
      'period;org_id;kpi_id;numerator;denominator\n2016-11;E1;wellbeing_score;210;3\n2016-11;E2;wellbeing_score;800;10\n2016-11;E3;wellbeing_score;1500;20\n',
    );
    expect(await indicator('E1', '2016-11', 'wellbeing_score')).toMatchObject({ value: null, status: 'suppressed', n: null });
    expect(await indicator('E2', '2016-11', 'wellbeing_score')).toMatchObject({ value: null, status: 'suppressed' });
    expect((await indicator('E3', '2016-11', 'wellbeing_score')).value).toBe(75);
    // A1 = (210 + 800 + 1500) / (3 + 10 + 20)
    expect((await indicator('A1', '2016-11', 'wellbeing_score')).value).toBeCloseTo(2510 / 33, 10);
    expect(await indicator('E1', '2016-12', 'wellbeing_score')).toMatchObject({ value: null, status: 'suppressed' }); // carried forward, still hidden
  });
});

describe('provenance and series', () => {
  it('names the batch and the load time behind each value', async () => {
    const value = await indicator('E1', '2016-01', 'sick_leave_pct');
    const batches = await t.app.inject({
      method: 'GET',
      url: '/api/v1/batches?feed=sickleave',
      headers: bearer(await t.token('admin')),
    });
    const batch = batches.json()[0];
    expect(value.batchId).toBe(batch.id);
    expect(value.asOf).toBe(batch.loadedAt);
  });

  it('serves a series with targets and statuses', async () => {
    const series = await get('/api/v1/kpis/sick_leave_pct/series?org=E4&from=2015-11&to=2016-01');
    expect(series.points.map((p: { period: string }) => p.period)).toEqual(['2015-11', '2015-12', '2016-01']);
    expect(series.points[2]).toMatchObject({ value: 11, target: 10, status: 'yellow' }); // F2's own target
    expect(series.points[2].tolerance).toBe(0.1); // F2's target has no tolerance: the default
    expect(series.points[0].target).toBeNull(); // no target for 2015
    expect(series.points[0].status).toBe('no_target');
  });
});
