import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from './helpers.ts';

// K ─ F1 ─ A1 ─ E1 (40 employees), E2 (4: suppressed), E3 (10)
//   └ F2 ─ A2 ─ E4 (100)
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
const SICK = `period;org_id;headcount;fte;planned_hours;own_sickness_hours;work_injury_hours;long_term_hours
2016-01;E1;40;36;6000;300;0;120
2016-01;E2;4;4;600;60;0;0
2016-01;E3;10;9;1500;15;0;0
2016-01;E4;100;100;15000;1500;150;0
`;
// F2's own target makes its sick leave (11 %) red against 10 %, F1 against the kommune's 5 % is yellow or red.
const TARGETS = `kpi_id;org_id;year;target;tolerance
sick_leave_pct;K;2016;5,0;0,10
sick_leave_pct;F2;2016;10;
`;

interface Cell {
  kpiId: string;
  value: number | null;
  target: number | null;
  status: string;
  suppressedReason: string | null;
  explained: boolean;
}
interface Row {
  org: { id: string };
  own: boolean;
  worstStatus: string;
  cells: Cell[];
}

let t: TestApp;
let direktion: Record<string, string>;
let chef: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  for (const [feed, file] of [
    ['organisation', ORG],
    ['sickleave', SICK],
    ['targets', TARGETS],
  ] as const) {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/feeds/${feed}`,
      headers: { ...bearer(await t.token('admin')), 'content-type': 'text/csv' },
      payload: file,
    });
    if (response.statusCode !== 200) throw new Error(`${feed}: ${response.body}`);
  }
  direktion = bearer(await t.token('direktion'));
  chef = bearer(await t.token('chef', ['F1']));
});
afterAll(() => t.done());

const get = (url: string, headers = direktion) => t.app.inject({ method: 'GET', url, headers });
const json = async (url: string, headers = direktion) => {
  const response = await get(url, headers);
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response.json();
};
const cell = (row: Row | undefined, kpiId: string) => row?.cells.find((c) => c.kpiId === kpiId);

describe('GET /api/v1/matrix', () => {
  it("answers the unit's own row first, then its children, each cell as the dashboard and the breakdown give it", async () => {
    const matrix = await json('/api/v1/matrix?org=K&period=2016-01');
    const rows: Row[] = matrix.rows;
    expect(rows.map((r) => [r.org.id, r.own])).toEqual([
      ['K', true],
      ['F1', false],
      ['F2', false],
    ]);
    const kpiIds: string[] = matrix.themes.flatMap((theme: { kpiIds: string[] }) => theme.kpiIds);
    expect(rows.every((r) => r.cells.map((c) => c.kpiId).join() === kpiIds.join())).toBe(true);
    // only KPIs every row has: the kommune-only ones are left out
    expect(kpiIds).toContain('sick_leave_pct');
    expect(kpiIds).not.toContain('benchmark_potential');

    const dashboard = await json('/api/v1/dashboard?org=K&period=2016-01');
    for (const kpiId of kpiIds) {
      const own = dashboard.indicators.find((i: Cell) => i.kpiId === kpiId);
      expect(cell(rows[0], kpiId)).toEqual({
        kpiId,
        value: own.value,
        target: own.target,
        status: own.status,
        suppressedReason: own.suppressedReason,
        explained: false,
      });
      const breakdown = await json(`/api/v1/kpis/${kpiId}/breakdown?org=K&period=2016-01`);
      for (const item of breakdown.items) {
        const row = rows.find((r) => r.org.id === item.org.id);
        expect(cell(row, kpiId)).toEqual({
          kpiId,
          value: item.value,
          target: item.target,
          status: item.status,
          suppressedReason: item.suppressedReason,
          explained: false,
        });
      }
    }
    // the figures themselves: F2 = 1650 / 15000 = 11 % against its own 10 % (tolerance 10 %: up to 11 % is yellow)
    expect(cell(rows[2], 'sick_leave_pct')).toMatchObject({ value: 11, target: 10, status: 'yellow' });
    expect(rows[2]?.worstStatus).toBe('yellow');
  });

  it('says which cells are suppressed and gives them no value', async () => {
    const rows: Row[] = (await json('/api/v1/matrix?org=A1&period=2016-01')).rows;
    expect(rows.map((r) => r.org.id)).toEqual(['A1', 'E1', 'E2', 'E3']);
    const small = cell(
      rows.find((r) => r.org.id === 'E2'),
      'sick_leave_pct',
    );
    expect(small).toMatchObject({ value: null, status: 'suppressed' });
    expect(small?.suppressedReason).toMatch(/Diskretioneret/);
    const breakdown = await json('/api/v1/kpis/sick_leave_pct/breakdown?org=A1&period=2016-01');
    expect(breakdown.items.find((i: { org: { id: string } }) => i.org.id === 'E2').status).toBe('suppressed');
  });

  it('lets a chef read their subtree only, and lists only the children they may see', async () => {
    expect((await get('/api/v1/matrix?org=F2&period=2016-01', chef)).statusCode).toBe(403);
    expect((await get('/api/v1/matrix?org=A2&period=2016-01', chef)).statusCode).toBe(403);
    expect((await get('/api/v1/matrix?org=F1&period=2016-01', chef)).statusCode).toBe(200);
    // the kommune's totals are visible to every chef for context; of its children only their own
    const rows: Row[] = (await json('/api/v1/matrix?org=K&period=2016-01', chef)).rows;
    expect(rows.map((r) => r.org.id)).toEqual(['K', 'F1']);
  });

  it('marks the cells a forklaring has been written for, on screen and in the export', async () => {
    const written = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/explanations/sick_leave_pct/F2/2016-01',
      headers: { ...direktion, 'content-type': 'application/json' },
      payload: JSON.stringify({ text: 'Influenza i januar' }),
    });
    expect(written.statusCode).toBe(200);
    const rows: Row[] = (await json('/api/v1/matrix?org=K&period=2016-01')).rows;
    expect(cell(rows[2], 'sick_leave_pct')).toMatchObject({ explained: true });
    expect(cell(rows[1], 'sick_leave_pct')).toMatchObject({ explained: false });
    expect(rows.flatMap((r) => r.cells).filter((c) => c.explained)).toHaveLength(1);
    const csv = (await get('/api/v1/matrix?org=K&period=2016-01&format=csv')).body;
    expect(csv.split('\r\n').find((line) => line.startsWith('Forvaltning 2;'))).toContain('gul (forklaret)');
  });

  it('refuses unknown units and months that are not months', async () => {
    expect((await get('/api/v1/matrix?org=NOPE&period=2016-01')).statusCode).toBe(404);
    const bad = await get('/api/v1/matrix?org=K&period=2016-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().parameter ?? bad.json().error).toMatch(/period/);
  });

  it('exports the same rows as CSV, suppressed cells empty and marked diskretioneret', async () => {
    const response = await get('/api/v1/matrix?org=A1&period=2016-01&format=csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('lis-matrix-A1-2016-01.csv');
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(5);
    const header = (lines[0] ?? '').split(';');
    const column = header.indexOf('Sygefravær (%)');
    expect(column).toBeGreaterThan(0);
    const e2 = (lines.find((l) => l.startsWith('Enhed 2;')) ?? '').split(';');
    expect(e2[column]).toBe('');
    expect(e2[column + 1]).toBe('diskretioneret');
    const xlsx = await get('/api/v1/matrix?org=A1&period=2016-01&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});
