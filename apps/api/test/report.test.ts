import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dashboard } from '@lis/contracts';
import { addMonths, formatKpiValue, getKpi, periodRange, STATUS_WORDS } from '@lis/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_LIMITS, exportSlots, principalKey } from '../src/routes/export-reply.ts';
import { bearer, createTestApp, postFeed, type TestApp } from './helpers.ts';

const ORG = `org_id;parent_id;name;level
K;;Testkommune;kommune
F1;K;Børne- og Familieforvaltningen;forvaltning
F2;K;Social- og Sundhedsforvaltningen;forvaltning
A1;F1;Dagtilbud Øst;afdeling
A2;F1;Skoler og Fritid;afdeling
A3;F2;Ældreplejen;afdeling
E1;A1;Børnehuset Ærtebjerg;enhed
E2;A2;Åbyskolen;enhed
E3;A2;Klubben;enhed
E4;A2;Ungdomsskolen;enhed
E5;A3;Hjemmeplejen;enhed
`;
const PERIOD = '2015-12';
const MONTHS = periodRange(addMonths(PERIOD, -12), PERIOD);
/** [unit, headcount, sick hours of 1.000 planned]: E1 far above the target of 5 %, E3 too small to be shown. */
const UNITS: [string, number, number][] = [
  ['E1', 40, 75],
  ['E2', 60, 52],
  ['E3', 3, 40],
  ['E4', 30, 50],
  ['E5', 50, 45],
];
const SICK = [
  'period;org_id;headcount;fte;planned_hours;own_sickness_hours;work_injury_hours;long_term_hours',
  ...MONTHS.flatMap((period, m) =>
    UNITS.map(
      ([org, headcount, sick]) =>
        `${period};${org};${headcount};${headcount};${headcount * 100};${(sick + (m % 3)) * headcount * 0.1};0;0`,
    ),
  ),
].join('\n');
const TARGETS = 'kpi_id;org_id;year;target;tolerance\nsick_leave_pct;K;2015;5;0,1\n';

let t: TestApp;
let dir: string;
beforeAll(async () => {
  t = await createTestApp();
  for (const [feed, file] of [
    ['organisation', ORG],
    ['sickleave', SICK],
    ['targets', TARGETS],
  ] as const) {
    const response = await postFeed(t.app, feed, file);
    expect(response.statusCode, response.body).toBe(200);
  }
  dir = mkdtempSync(join(tmpdir(), 'lis-report-'));
});
afterAll(() => t?.done());

const get = async (url: string, token: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });

/** The report as a file, its text (pdftotext keeps the layout) and its page count (pdfinfo). */
async function report(org: string, token: string) {
  const response = await get(`/api/v1/report?org=${org}&period=${PERIOD}`, token);
  expect(response.statusCode, response.body).toBe(200);
  const file = join(dir, `${org}.pdf`);
  writeFileSync(file, response.rawPayload);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  return { response, file, text, pages };
}

describe('the month’s report as PDF', () => {
  it('holds the unit, the month in Danish, the load date, the strip, the matrix and the red figure with its chart', async () => {
    const direktion = await t.token('direktion');
    const written = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/explanations/sick_leave_pct/F1/${PERIOD}`,
      headers: bearer(direktion),
      payload: {
        text: 'Influenza i børnehaverne i hele november og december.',
        action: 'Vikarpulje øges',
        actionDue: '2016-02-01',
      },
    });
    expect(written.statusCode, written.body).toBe(200);
    const { response, text, pages, file } = await report('F1', direktion);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="lis-rapport-F1-${PERIOD}.pdf"`);
    expect(pages).toBeGreaterThanOrEqual(3); // front page, matrix, the red and yellow figures
    expect(pages).toBeLessThanOrEqual(6);
    expect(text).toContain('Børne- og Familieforvaltningen');
    expect(text).toContain('december 2015');
    expect(text).toMatch(/Data pr\. \d{1,2}\. [a-zæøå]+\.? \d{4}/);
    expect(text).toContain(`Side 1 af ${pages}`);
    expect(text).toContain(`Side ${pages} af ${pages}`);
    for (const child of ['Dagtilbud Øst', 'Skoler og Fritid']) expect(text).toContain(child);

    // the figure as the overview prints it, with its status in words
    const dashboard = (await get(`/api/v1/dashboard?org=F1&period=${PERIOD}`, direktion)).json() as Dashboard;
    const sick = dashboard.indicators.find((i) => i.kpiId === 'sick_leave_pct');
    expect(sick?.status).toBe('red');
    const printed = formatKpiValue(sick?.value ?? null, getKpi('sick_leave_pct'));
    expect(printed).toMatch(/^\d+,\d %$/);
    expect(text).toContain(printed);
    expect(text).toContain(STATUS_WORDS.red);
    expect(text).toContain(getKpi('sick_leave_pct').name);
    expect(text).toContain('Forklaring: Influenza i børnehaverne'); // wrapped in its column
    expect(text).toContain('Vikarpulje øges');
    expect(text).toContain('1. feb. 2016');
    // the chart's axis is text in the PDF (vectors, not a picture)
    expect(text).toContain('dec. 2014');

    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    if (process.env.LIS_REPORT_PAGES) execFileSync('pdftoppm', ['-png', '-r', '80', file, process.env.LIS_REPORT_PAGES]);
    const png = readFileSync(join(dir, 'page-1.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('says diskretioneret for a figure too small to show, and when no explanation has been written', async () => {
    const { text } = await report('A2', await t.token('direktion'));
    expect(text).toContain('Klubben');
    expect(text).toContain(STATUS_WORDS.suppressed);
    expect(text).toContain(STATUS_WORDS.yellow);
    expect(text).toContain('Ingen forklaring'); // the yellow figure nobody has explained
  });

  it('is only for units the chef may read, and lists only the children they may read', async () => {
    const chef = await t.token('chef', ['F2']);
    const refused = await get(`/api/v1/report?org=F1&period=${PERIOD}`, chef);
    expect(refused.statusCode).toBe(403);
    const { text } = await report('F2', chef);
    expect(text).toContain('Ældreplejen');
    expect(text).not.toContain('Børne- og Familieforvaltningen');
    const unknown = await get(`/api/v1/report?org=NOPE&period=${PERIOD}`, chef);
    expect(unknown.statusCode).toBe(404);
  });

  it('counts as an export: recorded in the audit log, and refused with 429 while the caller holds every export slot', async () => {
    const audit = (await get('/api/v1/audit?action=export', await t.token('admin'))).json() as { target: string }[];
    expect(audit.map((a) => a.target)).toContain(`pdf:lis-rapport-F1-${PERIOD}.pdf`);
    // the sick leave of F1's afdelinger is personal data: who looked is recorded, as for the matrix
    const looked = (await get('/api/v1/audit?action=view_sick_leave', await t.token('admin'))).json() as { target: string }[];
    expect(looked.map((a) => a.target)).toContain('org:F1');

    const oekonom = await t.token('oekonom');
    const key = principalKey({ kind: 'token', name: 'token:oekonom:' }); // the token's name as test/helpers.ts gives it
    const held = Array.from({ length: EXPORT_LIMITS.perPrincipal }, () => exportSlots.tryAcquire(key));
    try {
      const refused = await get(`/api/v1/report?org=F1&period=${PERIOD}`, oekonom);
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBeDefined();
    } finally {
      for (const release of held) release?.();
    }
    expect((await get(`/api/v1/report?org=F1&period=${PERIOD}`, oekonom)).statusCode).toBe(200);
    expect(exportSlots.active).toBe(0); // the slot is given back when the file is sent
  });

  it('refuses a month that is no month', async () => {
    const response = await get('/api/v1/report?org=F1&period=2015-13', await t.token('direktion'));
    expect(response.statusCode).toBe(400);
  });
});
