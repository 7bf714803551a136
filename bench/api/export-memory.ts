// `pnpm exec tsx bench/api/export-memory.ts`: memory and time of the worst export request of issue 8,
// GET /api/v1/kpis/sick_leave_pct/series?org=K&from=1000-01&to=9999-12&format=xlsx, on the real app
// (app.inject, in-memory PGlite) with ten years of sick leave. Each scenario runs in a fresh child
// process so the peak resident set size (getrusage maxRSS) belongs to that scenario alone.
// The last two scenarios write one long table (100,000 rows) without the API: the streaming XLSX
// writer the exports use against exceljs's in-memory workbook the exports used before (the baseline).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { type ExportTable, xlsxStream } from '../../apps/api/src/modules/export/table.ts';
import { bearer, createTestApp, postFeed } from '../../apps/api/test/helpers.ts';

const WORST = '/api/v1/kpis/sick_leave_pct/series?org=K&from=1000-01&to=9999-12';
const SCENARIOS = {
  'xlsx, 1 request': { format: 'xlsx', parallel: 1 },
  'csv, 1 request': { format: 'csv', parallel: 1 },
  'json, 1 request': { format: 'json', parallel: 1 },
  'xlsx, 14 parallel, one reader': { format: 'xlsx', parallel: 14 },
  'writer only: 100,000 rows, streamed': { format: 'stream', parallel: 1 },
  'writer only: 100,000 rows, in memory': { format: 'buffer', parallel: 1 },
} as const;
type Scenario = keyof typeof SCENARIOS;
const WRITER_ROWS = 100_000;
/** exceljs is a dependency of the API, not of the bench package */
const ExcelJS: typeof import('exceljs') = createRequire(new URL('../../apps/api/package.json', import.meta.url))('exceljs');

function longTable(): ExportTable {
  const columns = ['Enhed', 'Periode', 'Værdi', 'Mål', 'Status', 'Sidste år', 'n'].map((header, i) => ({
    header,
    kind: [2, 3, 5, 6].includes(i) ? ('number' as const) : ('text' as const),
  }));
  function* rows() {
    for (let i = 0; i < WRITER_ROWS; i++)
      yield [`Enhed ${i % 500}`, `${1000 + Math.floor(i / 12)}-01`, i / 7, 5, 'grøn', i / 11, i];
  }
  return { title: 'Lang tabel', columns, rows: rows() };
}

/** Bytes of the XLSX, made the way the exports make it now (streamed) or before (a whole workbook in memory). */
async function writeTable(how: 'stream' | 'buffer'): Promise<number> {
  const table = longTable();
  if (how === 'buffer') {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(table.title);
    sheet.columns = table.columns.map((c) => ({ header: c.header, style: c.kind === 'number' ? { numFmt: '#,##0.00' } : {} }));
    for (const row of table.rows) sheet.addRow(row);
    return (await workbook.xlsx.writeBuffer()).byteLength;
  }
  let bytes = 0;
  const count = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  await pipeline(xlsxStream([table]), count);
  return bytes;
}

const ORG =
  'org_id;parent_id;name;level\nK;;Kommune;kommune\nF;K;Forvaltning;forvaltning\nA;F;Afdeling;afdeling\nE1;A;Enhed 1;enhed\nE2;A;Enhed 2;enhed\n';

/** 2007-01 … 2016-12 for two units: 120 months with data. */
function sickLeave(): string {
  const rows = ['period;org_id;headcount;fte;planned_hours;own_sickness_hours;work_injury_hours;long_term_hours'];
  for (let y = 2007; y <= 2016; y++)
    for (let m = 1; m <= 12; m++) {
      const p = `${y}-${String(m).padStart(2, '0')}`;
      rows.push(`${p};E1;40;36;6000;${200 + m};0;0`, `${p};E2;20;18;3000;${100 + m};0;0`);
    }
  return `${rows.join('\n')}\n`;
}

const mb = (bytes: number) => bytes / 2 ** 20;

async function runScenario(name: Scenario) {
  const { format, parallel } = SCENARIOS[name];
  if (format === 'stream' || format === 'buffer') {
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const bytes = await writeTable(format);
    const seconds = (performance.now() - started) / 1000;
    const peakRssDeltaMb = mb(process.resourceUsage().maxRSS * 1024 - rssBefore);
    console.log(JSON.stringify({ name, seconds, peakRssDeltaMb, statuses: '-', kbSent: Math.round(bytes / 1024) }));
    return;
  }
  const t = await createTestApp();
  try {
    for (const [feed, file] of [
      ['organisation', ORG],
      ['sickleave', sickLeave()],
    ] as const) {
      const response = await postFeed(t.app, feed, file);
      if (response.statusCode !== 200) throw new Error(`${feed}: ${response.body}`);
    }
    const headers = bearer(await t.token('direktion'));
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const responses = await Promise.all(
      Array.from({ length: parallel }, () => t.app.inject({ method: 'GET', url: `${WORST}&format=${format}`, headers })),
    );
    const seconds = (performance.now() - started) / 1000;
    const peakRss = process.resourceUsage().maxRSS * 1024; // KiB
    const statuses = responses.map((r) => r.statusCode).join(',');
    const bytes = responses.reduce((s, r) => s + r.rawPayload.length, 0);
    console.log(
      JSON.stringify({ name, seconds, peakRssDeltaMb: mb(peakRss - rssBefore), statuses, kbSent: Math.round(bytes / 1024) }),
    );
  } finally {
    await t.done();
  }
}

const child = process.argv[2] as Scenario | undefined;
if (child) {
  await runScenario(child);
} else {
  console.log(`GET ${WORST}&format=…, 120 months of data`);
  console.log('scenario                              seconds  peak RSS − RSS before (MB)  statuses');
  for (const name of Object.keys(SCENARIOS) as Scenario[]) {
    const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], { encoding: 'utf8' });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    if (run.status !== 0 || !line.startsWith('{')) {
      console.log(`${name.padEnd(38)}failed (exit ${run.status}): ${run.stderr.slice(-500)}`);
      continue;
    }
    const r = JSON.parse(line);
    console.log(
      `${name.padEnd(38)}${r.seconds.toFixed(2).padStart(7)}  ${r.peakRssDeltaMb.toFixed(0).padStart(26)}  ${r.statuses} (${r.kbSent} KB)`,
    );
  }
}
