import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, createTestApp, factFingerprint, postFeed, type TestApp } from './helpers.ts';

// An organisation that changes over time (docs/adr/0011): versions of units, checked per month,
// facts located in their unit's months.

// On 2016-01-01 afdeling A2 moves from F1 to F2; A3 ends (merged into A4): its enhed E3 moves to
// A4, its enhed E5 ends with it.
const ORG = `org_id;parent_id;name;level;valid_from;valid_to
849;;Kommunen;kommune;;
F1;849;Forvaltning 1;forvaltning;;
F2;849;Forvaltning 2;forvaltning;;
A1;F1;Afdeling 1;afdeling;;
A2;F1;Afdeling 2;afdeling;;2015-12-31
A2;F2;Afdeling 2;afdeling;2016-01-01;
A3;F2;Afdeling 3;afdeling;;2015-12-31
A4;F2;Afdeling 4;afdeling;;
E1;A1;Enhed 1;enhed;;
E2;A2;Enhed 2;enhed;;
E3;A3;Enhed 3;enhed;;2015-12-31
E3;A4;Enhed 3;enhed;2016-01-01;
E4;A4;Enhed 4;enhed;;
E5;A3;Enhed 5;enhed;;2015-12-31
`;

type Errors = { line: number; column: string | null; value: string | null; message: string }[];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const response = await postFeed(t.app, 'organisation', ORG);
  expect(response.statusCode, response.body).toBe(200);
});
afterAll(() => t.done());

async function rejected(feed: string, body: string): Promise<Errors> {
  const before = await factFingerprint(t.store);
  const response = await postFeed(t.app, feed, body);
  expect(response.statusCode, response.body).toBe(422);
  expect(await factFingerprint(t.store)).toEqual(before);
  return response.json().errors;
}

describe('versions of units', () => {
  it('keeps every version and one row per unit, its newest, in org_units and today’s tree', async () => {
    const { rows: versions } = await sql<{ n: number }>`
      select count(*)::int as n from org_unit_versions where active`.execute(t.store.db);
    expect(versions[0]?.n).toBe(14);
    const { rows: units } = await sql<{ org_id: string; parent_id: string | null }>`
      select org_id, parent_id from org_units where org_id in ('A2', 'E3', 'A3') order by org_id`.execute(t.store.db);
    expect(units).toEqual([
      { org_id: 'A2', parent_id: 'F2' },
      { org_id: 'A3', parent_id: 'F2' },
      { org_id: 'E3', parent_id: 'A4' },
    ]);
    const { rows: under } = await sql<{ descendant_id: string }>`
      select descendant_id from org_closure where ancestor_id = 'F1' order by 1`.execute(t.store.db);
    expect(under.map((r) => r.descendant_id)).toEqual(['A1', 'E1', 'F1']);
  });

  it('refuses two versions of a unit that overlap, on the later line', async () => {
    const body = `org_id;parent_id;name;level;valid_from;valid_to
E3;A3;Enhed 3;enhed;;2015-12-31
E3;A4;Enhed 3;enhed;2015-06-01;
`;
    expect(await rejected('organisation', body)).toEqual([
      {
        line: 3,
        column: 'valid_from',
        value: '2015-06-01',
        message: 'overlapper enhedens version på linje 2 (gyldig altid – 2015-12-31); en enheds versioner må ikke overlappe',
      },
    ]);
  });

  it('refuses a version whose parent does not exist in one of its months', async () => {
    // A2 is gone in January 2016, but E2 stays under it.
    const body = `org_id;parent_id;name;level;valid_from;valid_to
A2;F1;Afdeling 2;afdeling;;2015-12-31
A2;F2;Afdeling 2;afdeling;2016-02-01;
`;
    expect(await rejected('organisation', body)).toEqual([
      {
        line: 2,
        column: 'parent_id',
        value: 'A2',
        message: 'den overordnede enhed findes ikke i 2016-01 (versionen gælder altid – fremover)',
      },
    ]);
  });

  it('refuses facts for a unit in a month it does not exist in, naming line, column and months', async () => {
    const economy = `period;org_id;function;dranst;amount_type;amount
2015-12;E5;3.22.01;1;actual;100
2016-01;E5;3.22.01;1;actual;100
`;
    expect(await rejected('economy', economy)).toEqual([
      {
        line: 3,
        column: 'period',
        value: '2016-01-01',
        message: 'enheden E5 findes ikke i 2016-01 (den gælder altid – 2015-12)',
      },
    ]);
    const cases = `case_id;org_id;case_type;received;complete;decided
C1;E5;X;2015-11-02;;2016-01-05
`;
    const errors = await rejected('cases', cases);
    expect(errors).toContainEqual({
      line: 2,
      column: 'decided',
      value: '2016-01-05',
      message: 'enheden E5 findes ikke i 2016-01 (den gælder altid – 2015-12)',
    });
  });
});

// Ten employees and 100 planned hours in each enhed and month; 10, 20, 30 and 40 sick hours in E1–E4.
const SICK = `period;org_id;headcount;fte;planned_hours;own_sickness_hours;work_injury_hours;long_term_hours
${['2015-12', '2016-01']
  .flatMap((month) => [10, 20, 30, 40].map((hours, i) => `${month};E${i + 1};10;10;100;${hours};0;0`))
  .join('\n')}
`;

async function sickLeavePct(): Promise<Record<string, number | null>> {
  const { rows } = await sql<{ key: string; value: number | null }>`
    select to_char(period, 'YYYY-MM') || ' ' || org_id as key, value::float8 as value
    from kpi_rollup where kpi_id = 'sick_leave_pct' order by 1`.execute(t.store.db);
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

describe('rollups across the reorganisation of 2016-01-01', () => {
  it('sums each month over the tree valid in it (som organiseret dengang)', async () => {
    const response = await postFeed(t.app, 'sickleave', SICK);
    expect(response.statusCode, response.body).toBe(200);
    // 2015-12: F1 = E1 + E2 = 30/200, F2 = E3 + E4 = 70/200, A3 = E3. 2016-01: F1 = E1 = 10/100,
    // F2 = E2 + E3 + E4 = 90/300, A4 = E3 + E4 = 70/200; A3 has ended.
    expect(await sickLeavePct()).toEqual({
      '2015-12 849': 25,
      '2015-12 F1': 15,
      '2015-12 F2': 35,
      '2015-12 A1': 10,
      '2015-12 A2': 20,
      '2015-12 A3': 30,
      '2015-12 A4': 40,
      '2015-12 E1': 10,
      '2015-12 E2': 20,
      '2015-12 E3': 30,
      '2015-12 E4': 40,
      '2016-01 849': 25,
      '2016-01 F1': 10,
      '2016-01 F2': 30,
      '2016-01 A1': 10,
      '2016-01 A2': 20,
      '2016-01 A4': 35,
      '2016-01 E1': 10,
      '2016-01 E2': 20,
      '2016-01 E3': 30,
      '2016-01 E4': 40,
    });
  });

  it('recomputes what a restatement of the organisation changes', async () => {
    // A2 moved a month later than first delivered: January is F1's again.
    const restated = `org_id;parent_id;name;level;valid_from;valid_to
A2;F1;Afdeling 2;afdeling;;2016-01-31
A2;F2;Afdeling 2;afdeling;2016-02-01;
`;
    const response = await postFeed(t.app, 'organisation', restated);
    expect(response.statusCode, response.body).toBe(200);
    const after = await sickLeavePct();
    expect([after['2016-01 F1'], after['2016-01 F2'], after['2015-12 F1']]).toEqual([15, 35, 15]);
    // and back: the delivery that moved it on 2016-01-01
    expect((await postFeed(t.app, 'organisation', ORG)).statusCode).toBe(200);
    expect((await sickLeavePct())['2016-01 F1']).toBe(10);
  });
});

describe('history recast into today’s tree (som organiseret nu)', () => {
  it('keeps the recast rollups beside the others: F1 is A1, F2 is A2, A4 (with E3) and A3 in every month', async () => {
    const { rows } = await sql<{ key: string; value: number | null }>`
      select to_char(period, 'YYYY-MM') || ' ' || org_id as key, value::float8 as value
      from kpi_rollup_now where kpi_id = 'sick_leave_pct' and org_id in ('F1', 'F2', 'A3', 'A4') order by 1`.execute(t.store.db);
    // Today's tree: F1 = E1 = 10 %; F2 = E2 + E3 + E4 = 90/300 = 30 %; A4 = E3 + E4 = 70/200; A3
    // has no enhed with sick leave left.
    expect(Object.fromEntries(rows.map((r) => [r.key, r.value]))).toEqual({
      '2015-12 F1': 10,
      '2015-12 F2': 30,
      '2015-12 A4': 35,
      '2016-01 F1': 10,
      '2016-01 F2': 30,
      '2016-01 A4': 35,
    });
  });

  it('answers series and breakdown in the view asked for, and says which', async () => {
    const series = async (view: string) => {
      const response = await asAdmin(t.app, 'GET', `/api/v1/kpis/sick_leave_pct/series?org=F2&from=2015-12&to=2016-01${view}`);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      return [body.view, ...body.points.map((p: { value: number | null }) => p.value)];
    };
    expect(await series('')).toEqual(['then', 35, 30]);
    expect(await series('&view=then')).toEqual(['then', 35, 30]);
    expect(await series('&view=now')).toEqual(['now', 30, 30]);

    const breakdown = async (view: string) => {
      const response = await asAdmin(t.app, 'GET', `/api/v1/kpis/sick_leave_pct/breakdown?org=F1&period=2015-12${view}`);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      return [body.view, ...body.items.map((i: { org: { id: string }; value: number | null }) => `${i.org.id} ${i.value}`)];
    };
    // December 2015 under F1: A1 and A2 as organised then; only A1 as organised now.
    expect(await breakdown('')).toEqual(['then', 'A1 10', 'A2 20']);
    expect(await breakdown('&view=now')).toEqual(['now', 'A1 10']);
  });

  it('lets a chef of F2 see the history of A2 (moved in) recast into F2, and not F1', async () => {
    const token = await t.token('chef', ['F2']);
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    const recast = await get('/api/v1/kpis/sick_leave_pct/series?org=A2&from=2015-12&to=2015-12&view=now');
    expect(recast.statusCode, recast.body).toBe(200); // A2 is F2's today, its history with it
    expect(recast.json().points[0].value).toBe(20);
    expect((await get('/api/v1/kpis/sick_leave_pct/series?org=F1&from=2015-12&to=2015-12')).statusCode).toBe(403);
    // F2's breakdown of December 2015 as organised then held A3 and A4; A2 was F1's then but is F2's now
    const breakdown = await get('/api/v1/kpis/sick_leave_pct/breakdown?org=F2&period=2015-12');
    expect(breakdown.json().items.map((i: { org: { id: string } }) => i.org.id)).toEqual(['A3', 'A4']);
  });

  it('keeps no recast rows once the organisation is one tree again', async () => {
    const flat = `org_id;parent_id;name;level;valid_from;valid_to
A2;F2;Afdeling 2;afdeling;;
A3;F2;Afdeling 3;afdeling;;
E3;A4;Enhed 3;enhed;;
E5;A3;Enhed 5;enhed;;
`;
    expect((await postFeed(t.app, 'organisation', flat)).statusCode).toBe(200);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from kpi_rollup_now`.execute(t.store.db);
    expect(rows[0]?.n).toBe(0);
    const response = await asAdmin(t.app, 'GET', '/api/v1/kpis/sick_leave_pct/series?org=F2&from=2015-12&to=2016-01&view=now');
    expect(response.json().points.map((p: { value: number | null }) => p.value)).toEqual([30, 30]);
    expect((await postFeed(t.app, 'organisation', ORG)).statusCode).toBe(200);
  });
});

describe('suppression in each view', () => {
  it('is decided on the tree the view uses', async () => {
    // Three employees in E5 in December 2015. As organised then, E5 sits beside E3 under A3: E5 is
    // hidden, and E3 with it (else A3 − E3 gives E5 away). As organised now, E3 sits under A4 and
    // E5 alone under A3: E5 and A3 (3 employees) are hidden, then A2, A3's smallest sibling under F2,
    // and E2, A2's only child (else A2 gives it away); E3 is shown.
    const body =
      'period;org_id;headcount;fte;planned_hours;own_sickness_hours;work_injury_hours;long_term_hours\n2015-12;E5;3;3;30;3;0;0\n';
    expect((await postFeed(t.app, 'sickleave', body)).statusCode).toBe(200);
    const hidden = async (table: 'kpi_rollup' | 'kpi_rollup_now') => {
      const { rows } = await sql<{ org_id: string }>`
        select org_id from ${sql.table(table)}
        where kpi_id = 'sick_leave_pct' and period = '2015-12-01' and suppressed order by org_id`.execute(t.store.db);
      return rows.map((r) => r.org_id);
    };
    expect(await hidden('kpi_rollup')).toEqual(['E3', 'E5']);
    expect(await hidden('kpi_rollup_now')).toEqual(['A2', 'A3', 'E2', 'E5']);
  });
});

describe('cases across the reorganisation', () => {
  it('count in the month they are decided and while open on the tree of each view', async () => {
    expect((await postFeed(t.app, 'case_types', 'case_type;name;deadline_days;valid_from\nX;Sag;30;\n')).statusCode).toBe(200);
    // C1 of E2 decided in December 2015, C2 of E2 open over New Year, C3 of E1 open over New Year.
    const cases = `case_id;org_id;case_type;received;complete;decided
C1;E2;X;2015-11-02;;2015-12-10
C2;E2;X;2015-12-01;;2016-01-15
C3;E1;X;2015-12-01;;2016-01-20
`;
    expect((await postFeed(t.app, 'cases', cases)).statusCode).toBe(200);
    const counts = async (table: 'kpi_rollup' | 'kpi_rollup_now') => {
      const { rows } = await sql<{ key: string; value: number }>`
        select kpi_id || ' ' || to_char(period, 'YYYY-MM') || ' ' || org_id as key, value::float8 as value
        from ${sql.table(table)}
        where kpi_id in ('case_decided_count', 'case_backlog') and org_id in ('F1', 'F2')
          and period between '2015-12-01' and '2016-01-01' and value <> 0
        order by 1`.execute(t.store.db);
      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    };
    // Then: E2 is F1's in December (C1 decided, C2 open), F2's in January (C2 decided).
    expect(await counts('kpi_rollup')).toEqual({
      'case_backlog 2015-12 F1': 2,
      'case_decided_count 2015-12 F1': 1,
      'case_decided_count 2016-01 F1': 1,
      'case_decided_count 2016-01 F2': 1,
    });
    // Now: E2 is F2's in every month.
    expect(await counts('kpi_rollup_now')).toEqual({
      'case_backlog 2015-12 F1': 1,
      'case_backlog 2015-12 F2': 1,
      'case_decided_count 2015-12 F2': 1,
      'case_decided_count 2016-01 F1': 1,
      'case_decided_count 2016-01 F2': 1,
    });
  });
});

it('names an export of history recast into today’s tree as such', async () => {
  const url = '/api/v1/kpis/sick_leave_pct/series?org=F2&from=2015-12&to=2016-01&format=csv';
  const recast = await asAdmin(t.app, 'GET', `${url}&view=now`);
  expect(recast.statusCode, recast.body).toBe(200);
  expect(recast.headers['content-disposition']).toContain('lis-sick_leave_pct-F2-som-organiseret-nu');
  expect((await asAdmin(t.app, 'GET', url)).headers['content-disposition']).not.toContain('organiseret');
});
