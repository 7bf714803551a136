import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, bearer, createTestApp, example, factFingerprint, loadExamples, postFeed, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await loadExamples(t.app, ['organisation', 'case_types']);
});
afterAll(() => t.done());

const rowsOf = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(t.store.db)).rows;

describe('loading every feed', () => {
  it('stores the example files with the values they hold', async () => {
    await loadExamples(t.app, ['economy', 'budget_plan', 'sickleave', 'cases', 'benchmark', 'kpi', 'targets']);

    const economy = await rowsOf(sql<{ amount_type: string; amount: number; dranst: number }>`
      select amount_type, amount, dranst from economy where active and org_id = '311020' order by dranst, amount_type`);
    // Danish aliases map to the contract's names; '3.254.876,25' is 3254876.25 and '-12.500' is -12500.
    expect(economy).toEqual([
      { amount_type: 'actual', amount: 3254876.25, dranst: 1 },
      { amount_type: 'corrected_budget', amount: 3100000, dranst: 1 },
      { amount_type: 'original_budget', amount: 3100000, dranst: 1 },
      { amount_type: 'actual', amount: -12500, dranst: 2 },
    ]);
    const forecast = await rowsOf(sql<{ period: string; amount: number }>`
      select period, amount from economy where amount_type = 'forecast'`);
    expect(forecast).toEqual([{ period: '2016-03-01', amount: 29950000 }]);

    const [sick] = await rowsOf(sql<Record<string, unknown>>`
      select period, headcount, fte, planned_hours, own_sickness_hours, long_term_hours, child_sickness_hours, spells_started
      from sickleave where org_id = '221010'`);
    expect(sick).toEqual({
      period: '2016-01-01', // DST style 2016M01
      headcount: 42,
      fte: 38.6,
      planned_hours: 6188.7,
      own_sickness_hours: 340.2,
      long_term_hours: 148,
      child_sickness_hours: 22.2,
      spells_started: 11,
    });
    const [small] = await rowsOf(sql<{ child_sickness_hours: number | null }>`
      select child_sickness_hours from sickleave where org_id = '241040'`);
    expect(small?.child_sickness_hours).toBeNull();

    const cases = await rowsOf(sql<{ case_id: string; received: string; complete: string | null; decided: string | null }>`
      select case_id, received, complete, decided from cases order by case_id`);
    expect(cases[0]).toEqual({ case_id: 'S-000001', received: '2016-01-04', complete: null, decided: '2016-01-22' });
    expect(cases[2]?.decided).toBeNull();
    expect(cases[3]).toMatchObject({ complete: '2016-01-19', decided: '2016-02-24' });

    const caseTypes = await rowsOf(sql<{ deadline_days: number; valid_from: string | null }>`
      select deadline_days, valid_from from case_types where case_type = 'SEL112' order by valid_from nulls first`);
    expect(caseTypes).toEqual([
      { deadline_days: 56, valid_from: null },
      { deadline_days: 42, valid_from: '2016-07-01' },
    ]);

    const [plan] = await rowsOf(sql<{ amount: number }>`select amount from budget_plan where line = 'taxes'`);
    expect(plan?.amount).toBe(-1962000000);
    const [bench] = await rowsOf(sql<{ net_expenditure: number; target_population: number; need_index: number }>`
      select net_expenditure, target_population, need_index from benchmark where subject_municipality = '849'`);
    expect(bench).toEqual({ net_expenditure: 151200000, target_population: 2010, need_index: 0.98 });
    const [kpi] = await rowsOf(sql<{ numerator: number; denominator: number }>`
      select numerator, denominator from kpi_values where kpi_id = 'wellbeing_score' and org_id = '221010'`);
    expect(kpi).toEqual({ numerator: 2905, denominator: 38 });
    const targets = await rowsOf(sql<{ org_id: string; target: number; tolerance: number | null }>`
      select org_id, target, tolerance from targets where kpi_id = 'sick_leave_pct' order by org_id`);
    expect(targets).toEqual([
      { org_id: '3100', target: 5.5, tolerance: 0.08 },
      { org_id: '849', target: 4.5, tolerance: 0.1 },
    ]);
  });

  it('keeps the organisation dates and builds the closure of the tree', async () => {
    const [closed] = await rowsOf(sql<{ valid_from: string | null; valid_to: string | null }>`
      select valid_from, valid_to from org_units where org_id = '221160'`);
    expect(closed).toEqual({ valid_from: null, valid_to: '2015-07-31' }); // 31.07.2015
    const moved = await rowsOf(sql<{ parent_id: string; valid_from: string | null; valid_to: string | null }>`
      select parent_id, valid_from, valid_to from org_unit_versions where org_id = '2400' order by valid_from nulls first`);
    expect(moved).toEqual([
      { parent_id: '2000', valid_from: null, valid_to: '2015-12-31' }, // 31-12-2015
      { parent_id: '3000', valid_from: '2016-01-01', valid_to: null },
    ]);
    const ancestors = await rowsOf(sql<{ ancestor_id: string; depth: number }>`
      select ancestor_id, depth from org_closure where descendant_id = '221010' order by depth`);
    expect(ancestors).toEqual([
      { ancestor_id: '221010', depth: 0 },
      { ancestor_id: '2200', depth: 1 },
      { ancestor_id: '2000', depth: 2 },
      { ancestor_id: '849', depth: 3 },
    ]);
  });

  it('reads Windows-1252 with æøå, a BOM, comma separators and quoted fields', async () => {
    const cp1252 = iconv.encode('org_id;parent_id;name;level\nE-ÅBO;3100;Ældrecenter Åbo, Brøndum;enhed\n', 'win1252');
    expect(cp1252.includes(0xc6)).toBe(true); // Æ as one Windows-1252 byte, not UTF-8
    expect((await postFeed(t.app, 'organisation', cp1252)).statusCode).toBe(200);
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('ORG_ID , Parent_Id,Name,LEVEL\r\nE-SØ,3100,"Sø, Strand og ""Fjord""",enhed\r\n'),
    ]);
    expect((await postFeed(t.app, 'organisation', bom)).statusCode).toBe(200);
    const names = await rowsOf(sql<{ org_id: string; name: string }>`
      select org_id, name from org_units where org_id in ('E-ÅBO', 'E-SØ') and active order by org_id`);
    expect(names).toEqual([
      { org_id: 'E-SØ', name: 'Sø, Strand og "Fjord"' },
      { org_id: 'E-ÅBO', name: 'Ældrecenter Åbo, Brøndum' },
    ]);
  });

  it('accepts a JSON array and a multipart upload', async () => {
    const json = await postFeed(t.app, 'kpi', example('kpi.json'), 'application/json');
    expect(json.json()).toMatchObject({ feed: 'kpi', rows: 3 });
    const boundary = '----lis';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="mål.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.from('kpi_id;org_id;year;target\nwellbeing_score;2000;2016;78\n'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const multipart = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feeds/targets',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...bearer(await t.token('admin')) },
      payload: body,
    });
    expect(multipart.statusCode).toBe(200);
    const batches = (await asAdmin(t.app, 'GET', '/api/v1/batches?feed=targets&limit=1')).json();
    expect(batches[0]).toMatchObject({ fileName: 'mål.csv', rows: 1, status: 'loaded' });
  });
});

describe('all or nothing', () => {
  it('rejects a file with errors, naming line, column and value, and changes nothing', async () => {
    const before = await factFingerprint(t.store);
    const file = [
      'period;org_id;function;dranst;amount_type;amount',
      '2016-05;221010;3.22.01;1;actual;1.000,00', // valid
      '2016-13;221010;3.22.01;1;actual;5', // line 3: no month 13
      '2016-05;E-NOWHERE;3.22.01;1;actual;5', // line 4: unknown unit
      '2016-05;221010;32201;1;actual;5', // line 5: not h.hf.ff
      '2016-05;221010;3.22.01;9;actual;5', // line 6: dranst 1–7
      '2016-05;221010;3.22.01;1;spent;5', // line 7: unknown amount type
      '2016-05;221010;3.22.01;1;actual;12x', // line 8: not a number
      '2016-05;221010;3.22.01;1;forbrug;7', // line 9: same key as line 2
      '2016-05;221010;3.22.01;1', // line 10: too few cells
    ].join('\n');
    const response = await postFeed(t.app, 'economy', file);
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.errorCount).toBe(8);
    expect(body.errors.map((e: { line: number; column: string | null }) => [e.line, e.column])).toEqual([
      [3, 'period'],
      [4, 'org_id'],
      [5, 'function'],
      [6, 'dranst'],
      [7, 'amount_type'],
      [8, 'amount'],
      [9, 'period'],
      [10, null],
    ]);
    expect(body.errors[5]).toMatchObject({ value: '12x', message: expect.stringContaining('ikke et tal') });
    expect(body.errors[6].message).toContain('linje 2');
    expect(await factFingerprint(t.store)).toEqual(before);
    const [ledger] = (await asAdmin(t.app, 'GET', '/api/v1/batches?limit=1')).json();
    expect(ledger).toMatchObject({ status: 'rejected', errorCount: 8, rows: 9, activeRows: 0 });
  });

  it('reports the first 100 errors and the total count', async () => {
    const lines = ['period;org_id;function;dranst;amount_type;amount'];
    for (let i = 0; i < 250; i++) lines.push(`2016-05;221010;3.22.01;1;actual;x${i}`);
    const body = (await postFeed(t.app, 'economy', lines.join('\n'))).json();
    expect(body.errorCount).toBe(250);
    expect(body.errors).toHaveLength(100);
    expect(body.errors[0]).toMatchObject({ line: 2, column: 'amount', value: 'x0' });
    expect(body.errors[99].line).toBe(101);
  });

  it('rejects a header without a required column on line 1', async () => {
    const body = (await postFeed(t.app, 'economy', 'period;org_id;function;dranst;amount\n2016-05;221010;3.22.01;1;5\n')).json();
    expect(body.errors).toEqual([{ line: 1, column: 'amount_type', value: null, message: expect.stringContaining('mangler') }]);
  });

  it.each([
    [
      'sickleave',
      'period;org_id;headcount;fte;planned_hours;own_sickness_hours;work_injury_hours;long_term_hours\n2016-02;221010;40;36;5.800;100;10;111\n',
      2,
      'long_term_hours',
      'større end',
    ],
    [
      'sickleave',
      'period;org_id;headcount;fte;planned_hours;own_sickness_hours;work_injury_hours;long_term_hours\n2016-02;221010;40;36;5.800;-1;0;0\n',
      2,
      'own_sickness_hours',
      'negativ',
    ],
    [
      'sickleave',
      'period;org_id;headcount;fte;planned_hours;own_sickness_hours;work_injury_hours;long_term_hours\n2016-02;221010;0;0;0;7,4;0;0\n',
      2,
      'headcount',
      'timer',
    ],
    [
      'cases',
      'case_id;org_id;case_type;received;decided\nX1;311020;SEL112;10-02-2016;09-02-2016\n',
      2,
      'decided',
      'før received',
    ],
    ['cases', 'case_id;org_id;case_type;received\nX2;311020;SEL999;10-02-2016\n', 2, 'case_type', 'ukendt sagstype'],
    ['budget_plan', 'budget_year;year;line;amount\n2017;2021;taxes;-1\n', 2, 'year', 'budgetåret'],
    ['kpi', 'period;org_id;kpi_id;numerator;denominator\n2016-02;221010;happiness;1;2\n', 2, 'kpi_id', 'ikke et nøgletal'],
    ['kpi', 'period;org_id;kpi_id;numerator;denominator\n2016-02;221010;sick_leave_pct;1;2\n', 2, 'kpi_id', 'beregnes ud fra'],
    ['targets', 'kpi_id;org_id;year;target\nsick_leave_pct;E-NOWHERE;2016;4\n', 2, 'org_id', 'ukendt enhed'],
    [
      'benchmark',
      'year;municipality;area;net_expenditure;target_population\n2015;999;dagtilbud;1;1\n',
      2,
      'municipality',
      'kommunekode',
    ],
    ['organisation', 'org_id;parent_id;name;level\nE-X;E-NOPE;X;enhed\n', 2, 'parent_id', 'ukendt overordnet'],
    ['organisation', 'org_id;parent_id;name;level\nK2;;Anden kommune;kommune\n', 2, 'parent_id', 'endnu en rod'],
    ['organisation', 'org_id;parent_id;name;level\nA-X;221010;X;afdeling\n', 2, 'parent_id', 'ikke ligger over'],
    ['organisation', 'org_id;parent_id;name;level\nA-1;A-2;En;afdeling\nA-2;A-1;To;afdeling\n', 2, 'parent_id', ''],
    [
      'case_types',
      'case_type;name;deadline_days\nSEL112;Hjælpemidler;56\nSEL112;Hjælpemidler;42\n',
      3,
      'case_type',
      'dobbelt nøgle',
    ],
  ])('%s: reports %s', async (feed, file, line, column, message) => {
    const before = await factFingerprint(t.store);
    const response = await postFeed(t.app, feed, file);
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0]).toMatchObject({ line, column, message: expect.stringContaining(message) });
    expect(await factFingerprint(t.store)).toEqual(before);
  });
});

describe('history: unchanged, restatement, restore', () => {
  const first =
    'period;org_id;function;dranst;amount_type;amount\n2016-06;221040;3.22.01;1;actual;100\n2016-06;221040;3.22.05;1;actual;200\n';
  const second = 'period;org_id;function;dranst;amount_type;amount\n2016-06;221040;3.22.01;1;actual;150\n';
  const amounts = () =>
    rowsOf(sql<{ function: string; amount: number }>`
      select function, amount from economy where active and org_id = '221040' and period = '2016-06-01' order by function`);

  it('answers the same bytes as unchanged, replaces restated keys and restores the old delivery', async () => {
    const loaded = (await postFeed(t.app, 'economy', first)).json();
    expect(loaded.status).toBe('loaded');
    expect((await postFeed(t.app, 'economy', first)).json()).toEqual({ ...loaded, status: 'unchanged' });

    const restated = (await postFeed(t.app, 'economy', second)).json();
    expect(restated.status).toBe('loaded');
    expect(await amounts()).toEqual([
      { function: '3.22.01', amount: 150 },
      { function: '3.22.05', amount: 200 },
    ]);
    const ledger = (await asAdmin(t.app, 'GET', '/api/v1/batches?feed=economy')).json();
    expect(ledger.find((b: { id: number }) => b.id === loaded.batchId)).toMatchObject({ status: 'loaded', activeRows: 1 });

    const restore = await asAdmin(t.app, 'POST', `/api/v1/batches/${loaded.batchId}/restore`);
    expect(restore.json()).toMatchObject({ id: loaded.batchId, status: 'restored', activeRows: 2 });
    expect(await amounts()).toEqual([
      { function: '3.22.01', amount: 100 },
      { function: '3.22.05', amount: 200 },
    ]);
    const after = (await asAdmin(t.app, 'GET', '/api/v1/batches?feed=economy')).json();
    expect(after.find((b: { id: number }) => b.id === restated.batchId)).toMatchObject({ status: 'replaced', activeRows: 0 });
    // The replaced delivery is kept: restoring it brings 150 back.
    await asAdmin(t.app, 'POST', `/api/v1/batches/${restated.batchId}/restore`);
    expect((await amounts())[0]).toEqual({ function: '3.22.01', amount: 150 });
  });

  it('refuses to restore a rejected or unknown batch', async () => {
    const rejected = (
      await postFeed(t.app, 'economy', 'period;org_id;function;dranst;amount_type;amount\nx;y;z;1;actual;1\n')
    ).json();
    expect((await asAdmin(t.app, 'POST', `/api/v1/batches/${rejected.batchId}/restore`)).statusCode).toBe(409);
    expect((await asAdmin(t.app, 'POST', '/api/v1/batches/999999/restore')).statusCode).toBe(404);
  });
});

describe('HTTP contract', () => {
  it('answers 404 for an unknown feed and 400 for a bad batch id', async () => {
    const unknown = await postFeed(t.app, 'salaries', 'a;b\n1;2\n');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toContain('Unknown feed');
    const bad = await asAdmin(t.app, 'POST', '/api/v1/batches/abc/restore');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().parameter).toBe('batchId');
  });

  it('has health and readiness without authentication', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/health/ready' })).json()).toMatchObject({ status: 'ready' });
  });
});

describe('size limit', () => {
  it('answers 413 above LIS_MAX_UPLOAD_MB and stores nothing', async () => {
    const small = await createTestApp({ LIS_MAX_UPLOAD_MB: '1' });
    try {
      const big = `org_id;parent_id;name;level\n${'E-1;849;x;enhed\n'.repeat(80_000)}`;
      const response = await postFeed(small.app, 'organisation', big);
      expect(response.statusCode).toBe(413);
      expect(response.json().error).toContain('1 MB');
      expect((await asAdmin(small.app, 'GET', '/api/v1/batches')).json()).toEqual([]);
    } finally {
      await small.done();
    }
  });
});

describe('XLSX', () => {
  it('loads the first worksheet of an Excel file, numbers as numbers and dates as dates, errors by row', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sygefravær');
    sheet.addRow([
      'Period',
      'ORG_ID',
      'headcount',
      'fte',
      'planned_hours',
      'own_sickness_hours',
      'work_injury_hours',
      'long_term_hours',
    ]);
    sheet.addRow([new Date(Date.UTC(2016, 8, 1)), '221040', 35, 31.9, 5114.5, 200.25, 0, 0]); // a month typed as an Excel date
    sheet.addRow(['2016M10', '221040', 35, '31,9', '5.114,5', 190, 7.4, 0]); // text cells in Danish notation
    workbook.addWorksheet('Noter').addRow(['ignored']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await postFeed(t.app, 'sickleave', xlsx, 'application/octet-stream');
    expect(response.json()).toMatchObject({ status: 'loaded', rows: 2 });
    const rows = await rowsOf(sql<{ period: string; fte: number; planned_hours: number; own_sickness_hours: number }>`
      select period, fte, planned_hours, own_sickness_hours from sickleave where active and org_id = '221040' and period >= '2016-09-01' order by period`);
    expect(rows).toEqual([
      { period: '2016-09-01', fte: 31.9, planned_hours: 5114.5, own_sickness_hours: 200.25 },
      { period: '2016-10-01', fte: 31.9, planned_hours: 5114.5, own_sickness_hours: 190 },
    ]);

    sheet.getRow(3).getCell(8).value = 999; // long-term hours above sickness + injury, on row 3
    const bad = await postFeed(t.app, 'sickleave', Buffer.from(await workbook.xlsx.writeBuffer()), 'application/octet-stream');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([expect.objectContaining({ line: 3, column: 'long_term_hours', value: '999' })]);
  });
});
