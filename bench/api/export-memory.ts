// `pnpm exec tsx bench/api/export-memory.ts`: memory and time of the worst export request of issue 8,
// GET /api/v1/kpis/sick_leave_pct/series?org=K&from=1000-01&to=9999-12&format=xlsx, on the real app
// (app.inject, in-memory PGlite) with ten years of sick leave. Each scenario runs in a fresh child
// process so the peak resident set size (getrusage maxRSS) belongs to that scenario alone.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bearer, createTestApp, postFeed } from '../../apps/api/test/helpers.ts';

const WORST = '/api/v1/kpis/sick_leave_pct/series?org=K&from=1000-01&to=9999-12';
const SCENARIOS = {
  'xlsx, 1 request': { format: 'xlsx', parallel: 1 },
  'csv, 1 request': { format: 'csv', parallel: 1 },
  'json, 1 request': { format: 'json', parallel: 1 },
  'xlsx, 14 parallel, one reader': { format: 'xlsx', parallel: 14 },
} as const;
type Scenario = keyof typeof SCENARIOS;

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
