import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { periodRange, rolling12, ytdPeriods } from '@lis/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoFeeds } from '../src/modules/demo/generate.ts';
import { bearer, createTestApp, postFeed, type TestApp } from './helpers.ts';

// Figures over several months (year to date, rolling 12 months, a survey carried forward) must
// not give back a month in which the unit was hidden (domain.md §4, ADR 0004).

//   K ─ F1 ─ S (4 employees in 2016-01…02, else 6), T (20), U (30)
//     └ F2 ─ V (50)
// In 2016-01…02 S is small and T, its smallest sibling, is hidden as the complement.
const ORG = `org_id;parent_id;name;level
K;;Testkommune;kommune
F1;K;Forvaltning 1;forvaltning
F2;K;Forvaltning 2;forvaltning
S;F1;Lille enhed;enhed
T;F1;Mellem enhed;enhed
U;F1;Stor enhed;enhed
V;F2;Anden enhed;enhed
`;

const SMALL_MONTHS = new Set(['2016-01', '2016-02']);
/** U's sick hours in 2016-01…03 (20, 30, 40 days); 222 hours (30 days) every other month. */
const U_HOURS: Record<string, number> = { '2016-01': 148, '2016-02': 222, '2016-03': 296 };

/** period;org_id;headcount;fte;planned_hours;own_sickness_hours;work_injury_hours;long_term_hours */
function sickLeaveRow(period: string, org: string): string {
  switch (org) {
    case 'S': // 4 or 6 people, FTE = headcount; 60 and 90 hours in the small months, else 44,4 (6 days)
      if (SMALL_MONTHS.has(period)) return `${period};S;4;4;600;${period === '2016-01' ? 60 : 90};0;0`;
      return `${period};S;6;6;900;44,4;0;0`;
    case 'T':
      return `${period};T;20;18;2700;135;0;0`;
    case 'U': // FTE 25, planned 4.440 hours
      return `${period};U;30;25;4440;${U_HOURS[period] ?? 222};0;0`;
    default:
      return `${period};V;50;45;6660;333;0;0`;
  }
}

const sickLeave = (from: string, to: string) =>
  [
    'period;org_id;headcount;fte;planned_hours;own_sickness_hours;work_injury_hours;long_term_hours',
    ...periodRange(from, to).flatMap((p) => ['S', 'T', 'U', 'V'].map((org) => sickLeaveRow(p, org))),
  ].join('\n');

describe('figures over several months of a constructed municipality', () => {
  let t: TestApp;
  let reader: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp();
    // Two deliveries: the second refreshes only from 2016-03 and must still see January's suppression.
    for (const [feed, file] of [
      ['organisation', ORG],
      ['sickleave', sickLeave('2015-04', '2016-02')],
      ['sickleave', sickLeave('2016-03', '2017-02')],
    ] as const) {
      const response = await postFeed(t.app, feed, file);
      if (response.statusCode !== 200) throw new Error(`${feed}: ${response.body}`);
    }
    reader = bearer(await t.token('direktion'));
  });
  afterAll(() => t.done());

  const get = async (url: string) => {
    const response = await t.app.inject({ method: 'GET', url, headers: reader });
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    return url.includes('format=csv') ? response.body : response.json();
  };
  const indicator = async (org: string, period: string, kpiId: string) =>
    (await get(`/api/v1/dashboard?org=${org}&period=${period}`)).indicators.find((i: { kpiId: string }) => i.kpiId === kpiId);

  it('shows the March figure of a unit hidden in January and February, but not its year to date', async () => {
    // S 2016-03: 44,4 / 900 = 4,933 %. Its year to date (60 + 90 + 44,4) / (600 + 600 + 900) = 9,257 % would give
    // January and February back: (3 × 9,257 − 4,933) / 2 ≈ their mean, 12,5 %.
    const s = await indicator('S', '2016-03', 'sick_leave_pct');
    expect(s.value).toBeCloseTo((44.4 / 900) * 100, 10);
    expect(s.status).not.toBe('suppressed');
    expect(s.ytd).toBeNull();
    expect(await indicator('S', '2016-03', 'long_term_share')).toMatchObject({ value: 0, ytd: null });
    // T was hidden in January and February as S's complement: its year to date is hidden too
    const tMarch = await indicator('T', '2016-03', 'sick_leave_pct');
    expect(tMarch).toMatchObject({ value: 5, ytd: null });
    // hidden months of an earlier year do not matter: S's 2017 year to date is shown
    expect((await indicator('S', '2017-02', 'sick_leave_pct')).ytd).toBeCloseTo((44.4 / 900) * 100, 10);
  });

  it('hides days per FTE while the rolling 12 months cover a hidden month', async () => {
    for (const period of ['2016-03', '2017-01']) {
      expect(await indicator('S', period, 'sick_leave_days_per_fte')).toMatchObject({ value: null, status: 'suppressed' });
    }
    // 2016-03 … 2017-02: 12 × 6 days / mean FTE 6 = 12 days
    expect((await indicator('S', '2017-02', 'sick_leave_days_per_fte')).value).toBeCloseTo(12, 10);
    const series = await get('/api/v1/kpis/sick_leave_days_per_fte/series?org=S&from=2016-12&to=2017-02');
    expect(series.points.map((p: { status: string }) => p.status === 'suppressed')).toEqual([true, true, false]);
    expect(series.points.map((p: { value: number | null }) => p.value)).toEqual([null, null, expect.closeTo(12, 10)]);
    const breakdown = await get('/api/v1/kpis/sick_leave_days_per_fte/breakdown?org=F1&period=2016-03');
    const byOrg = Object.fromEntries(breakdown.items.map((i: { org: { id: string } }) => [i.org.id, i]));
    expect(byOrg.S).toMatchObject({ value: null, status: 'suppressed', n: null });
    expect(byOrg.T).toMatchObject({ value: null, status: 'suppressed', n: null });
    // U: 2015-04 … 2016-03 = 9 × 30 + 20 + 30 + 40 = 360 days / 25 FTE
    expect(byOrg.U.value).toBeCloseTo(14.4, 10);
  });

  it('keeps the year to date of a unit never hidden, and of the parent', async () => {
    // U 2016-03: (148 + 222 + 296) / (3 × 4.440) = 5 %
    const u = await indicator('U', '2016-03', 'sick_leave_pct');
    expect(u.value).toBeCloseTo((296 / 4440) * 100, 10);
    expect(u.ytd).toBeCloseTo(5, 10);
    // F1 = S + T + U: (60 + 90 + 44,4 + 3 × 135 + 666) / (600 + 600 + 900 + 3 × 2.700 + 3 × 4.440)
    expect((await indicator('F1', '2016-03', 'sick_leave_pct')).ytd).toBeCloseTo((1265.4 / 23520) * 100, 10);
    expect((await indicator('U', '2016-03', 'sick_leave_days_per_fte')).value).toBeCloseTo(14.4, 10);
  });

  it('compares a year to date with the same period last year, unless that period had a hidden month', async () => {
    // U 2017-02: (222 + 222) / (2 × 4.440) = 5 %; a year before (148 + 222) / (2 × 4.440) = 4,167 %
    const u = await indicator('U', '2017-02', 'sick_leave_pct');
    expect(u.ytd).toBeCloseTo(5, 10);
    expect(u.ytdLastYear).toBeCloseTo((370 / 8880) * 100, 10);
    // S was hidden in 2016-01…02: its year to date then is not shown, so not compared with either
    const s = await indicator('S', '2017-02', 'sick_leave_pct');
    expect(s.ytd).toBeCloseTo((88.8 / 1800) * 100, 10);
    expect(s.ytdLastYear).toBeNull();
  });

  it('leaves the year to date out of the exports as well', async () => {
    const csv = await get('/api/v1/dashboard?org=S&period=2016-03&format=csv');
    const line = (kpiName: string) => csv.split('\r\n').find((l: string) => l.startsWith(kpiName)) ?? '';
    // Nøgletal;KPI-id;Enhed;Periode;Værdi;Måleenhed;Mål;Status;Forrige måned;Samme måned sidste år;År til dato;…
    expect(line('Sygefravær;').split(';')[10]).toBe('');
    expect(line('Sygefravær;').split(';')[4]).toBe('4,93');
    expect(line('Sygedage pr. årsværk').split(';')).toMatchObject({ 4: '', 7: 'diskretioneret' });
    const uCsv = await get('/api/v1/dashboard?org=U&period=2016-03&format=csv');
    expect(uCsv).toMatch(/\r\nSygefravær;sick_leave_pct;Stor enhed;2016-03;6,67;%;;[^;]*;5,00;[^;]*;5,00;/);
    const series = await get('/api/v1/kpis/sick_leave_days_per_fte/series?org=S&from=2017-01&to=2017-02&format=csv');
    expect(series).toMatch(/Lille enhed;2017-01;;;diskretioneret;/);
    expect(series).toMatch(/Lille enhed;2017-02;12,0;/);
    const breakdown = await get('/api/v1/kpis/sick_leave_days_per_fte/breakdown?org=F1&period=2016-03&format=csv');
    expect(breakdown).toMatch(/Lille enhed;S;enhed;;;diskretioneret;/);
    expect(breakdown).toMatch(/Mellem enhed;T;enhed;;;diskretioneret;/);
    expect(breakdown).toMatch(/Stor enhed;U;enhed;14,4;/);
  });

  it('shows the year to date again once a restated month is no longer hidden, and not before', async () => {
    // February restated with 6 employees: January still hides the year to date; a refresh from 2016-02 must know it
    const feb = `period;org_id;headcount;fte;planned_hours;own_sickness_hours;work_injury_hours;long_term_hours\n2016-02;S;6;6;900;90;0;0\n`;
    expect((await postFeed(t.app, 'sickleave', feb)).statusCode).toBe(200);
    expect(await indicator('S', '2016-03', 'sick_leave_pct')).toMatchObject({ ytd: null });
    expect(await indicator('S', '2016-02', 'sick_leave_pct')).toMatchObject({ ytd: null });
    const jan = `period;org_id;headcount;fte;planned_hours;own_sickness_hours;work_injury_hours;long_term_hours\n2016-01;S;6;6;600;60;0;0\n`;
    expect((await postFeed(t.app, 'sickleave', jan)).statusCode).toBe(200);
    // (60 + 90 + 44,4) / (600 + 900 + 900)
    expect((await indicator('S', '2016-03', 'sick_leave_pct')).ytd).toBeCloseTo((194.4 / 2400) * 100, 10);
  });
});

describe('a survey carried forward', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const response = await postFeed(t.app, 'organisation', ORG);
    if (response.statusCode !== 200) throw new Error(response.body);
  });
  afterAll(() => t.done());

  it('stays hidden in the months after it while it was hidden in its own month', async () => {
    // November: S 3 answers (small), T 10 (its complement), U 20. December: only U answers again, 4 people.
    // Judged per December, T's November score would be the one shown (S and U hidden), and
    // F1's November total − T − U (both shown) = S.
    const kpi = `period;org_id;kpi_id;numerator;denominator
2016-11;S;wellbeing_score;210;3
2016-11;T;wellbeing_score;800;10
2016-11;U;wellbeing_score;1500;20
2016-12;U;wellbeing_score;300;4
`;
    expect((await postFeed(t.app, 'kpi', kpi)).statusCode).toBe(200);
    const reader = bearer(await t.token('direktion'));
    const breakdown = async (period: string) => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/kpis/wellbeing_score/breakdown?org=F1&period=${period}`,
        headers: reader,
      });
      if (response.statusCode !== 200) throw new Error(response.body);
      return Object.fromEntries(
        response.json().items.map((i: { org: { id: string }; value: number | null }) => [i.org.id, i.value]),
      );
    };
    expect(await breakdown('2016-11')).toEqual({ S: null, T: null, U: 75 });
    expect(await breakdown('2016-12')).toEqual({ S: null, T: null, U: null });
    expect(await breakdown('2017-01')).toEqual({ S: null, T: null, U: null });
  });
});

// The review's attack, run against the demo data: wherever a figure over several months is
// shown, every month it covers must be shown too, else the hidden months can be computed.
describe('the differencing attack on the demo data', () => {
  let t: TestApp;
  let dir: string;
  type Row = {
    org_id: string;
    period: string;
    kpi_id: string;
    suppressed: boolean;
    numerator: number | null;
    ytd_numerator: number | null;
    value: number | null;
    data_period: string | null;
  };
  let rows: Row[];
  const at = new Map<string, Row>();
  const key = (kpi: string, org: string, period: string) => `${kpi}|${org}|${period}`;
  const hiddenIn = (kpi: string, org: string, period: string) => at.get(key(kpi, org, period))?.suppressed ?? false;

  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'lis-suppression-'));
    const files = await generateDemoFeeds(dir);
    for (const file of files.filter((f) => ['organisation', 'sickleave', 'kpi'].includes(f.feed))) {
      const response = await postFeed(t.app, file.feed, readFileSync(file.path));
      if (response.statusCode !== 200) throw new Error(`${file.feed}: ${response.body}`);
    }
    rows = (
      await sql<Row>`
        select org_id, to_char(period, 'YYYY-MM') as period, kpi_id, suppressed, numerator::float8 as numerator,
               ytd_numerator::float8 as ytd_numerator, value::float8 as value, to_char(data_period, 'YYYY-MM') as data_period
        from kpi_rollup where kpi_id in ('sick_leave_pct', 'long_term_share', 'sick_leave_days_per_fte', 'wellbeing_score',
          'development_talks_pct')`.execute(t.store.db)
    ).rows;
    for (const r of rows) at.set(key(r.kpi_id, r.org_id, r.period), r);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.done();
  });

  it('has targets: units hidden in some months and shown later in the same year', () => {
    const targets = rows.filter(
      (r) => r.kpi_id === 'sick_leave_pct' && !r.suppressed && ytdPeriods(r.period).some((p) => hiddenIn(r.kpi_id, r.org_id, p)),
    );
    expect(targets.length).toBeGreaterThan(0);
  });

  it('recovers no hidden month from a year to date (months × YTD − the shown months)', async () => {
    const recovered: string[] = [];
    for (const r of rows.filter((r) => r.kpi_id === 'sick_leave_pct' || r.kpi_id === 'long_term_share')) {
      const hidden = ytdPeriods(r.period).filter((p) => hiddenIn(r.kpi_id, r.org_id, p));
      if (hidden.length > 0 && r.ytd_numerator !== null)
        recovered.push(`${r.kpi_id} ${r.org_id} ${hidden.join(',')} via ${r.period}`);
    }
    expect(recovered).toEqual([]);
    // and through the API as the review asked it: every target month's dashboard has no year to date
    const reader = bearer(await t.token('direktion'));
    const targets = rows.filter(
      (r) => r.kpi_id === 'sick_leave_pct' && !r.suppressed && ytdPeriods(r.period).some((p) => hiddenIn(r.kpi_id, r.org_id, p)),
    );
    for (const target of targets) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/dashboard?org=${target.org_id}&period=${target.period}`,
        headers: reader,
      });
      const pct = response.json().indicators.find((i: { kpiId: string }) => i.kpiId === 'sick_leave_pct');
      expect({ org: target.org_id, period: target.period, ytd: pct.ytd }).toEqual({
        org: target.org_id,
        period: target.period,
        ytd: null,
      });
    }
  });

  it('recovers no hidden month from days per FTE over the rolling 12 months', () => {
    const shownOverHidden = rows
      .filter((r) => r.kpi_id === 'sick_leave_days_per_fte' && r.value !== null)
      .filter((r) => rolling12(r.period).some((p) => hiddenIn('sick_leave_pct', r.org_id, p)));
    expect(shownOverHidden.map((r) => `${r.org_id} ${r.period}`)).toEqual([]);
  });

  it('shows a carried-forward survey only where it was shown in its own month', () => {
    const carried = rows.filter((r) => r.data_period !== null && !r.suppressed);
    expect(carried.length).toBeGreaterThan(0);
    const leaks = carried.filter((r) => hiddenIn(r.kpi_id, r.org_id, r.data_period as string));
    expect(leaks.map((r) => `${r.kpi_id} ${r.org_id} ${r.data_period} via ${r.period}`)).toEqual([]);
  });

  it('leaves no sibling group with exactly one hidden year to date under a shown parent', async () => {
    const { rows: tree } = await sql<{ id: string; parent_id: string }>`
      select descendant_id as id, ancestor_id as parent_id from org_closure where depth = 1`.execute(t.store.db);
    const children = new Map<string, string[]>();
    for (const u of tree) children.set(u.parent_id, [...(children.get(u.parent_id) ?? []), u.id]);
    const lonely: string[] = [];
    for (const r of rows.filter((r) => r.kpi_id === 'sick_leave_pct' && r.ytd_numerator !== null)) {
      const staffed = (children.get(r.org_id) ?? []).filter((c) => at.has(key('sick_leave_pct', c, r.period)));
      const ytdHidden = staffed.filter((c) => at.get(key('sick_leave_pct', c, r.period))?.ytd_numerator === null);
      if (staffed.length > 1 && ytdHidden.length === 1) lonely.push(`${r.org_id} ${r.period}: ${ytdHidden[0]}`);
    }
    expect(lonely).toEqual([]);
  });
});
