// `node bench/api/run.mjs`: the read benchmark of issue 3 (see bench/README.md and docs/performance.md).
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createBenchDatabase } from '../ingest/bench-database.ts';
import { type Dataset, writeChangedCaseTypes, writeDataset, writeNextMonthCases } from './dataset.ts';
import { measureEconomyReads } from './economy-reads.ts';
import { load, resultRow } from './load.ts';
import { measureManyMunicipalities } from './many-municipalities.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const OUT = join(ROOT, 'bench', 'out', 'api');
const LIS = join(ROOT, 'apps', 'api', 'bin', 'lis.mjs');
const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const REQUESTS = 500;

const children: ChildProcess[] = [];
const db = await createBenchDatabase();
try {
  console.log('Generating the dataset…');
  const dataset = await writeDataset(OUT);
  const factRows = dataset.files
    .filter((f) => !['organisation', 'case_types', 'targets', 'budget_plan'].includes(f.feed))
    .reduce((s, f) => s + f.rows, 0);
  console.log(
    `${dataset.orgIds.length} org units, ${dataset.periods.length} months, ${factRows.toLocaleString('da-DK')} fact rows`,
  );

  execFileSync('pnpm', ['--filter', '@lis/api', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const env = { ...process.env, DATABASE_URL: db.url, LIS_MUNICIPALITY: '849', LOG_LEVEL: 'warn' };
  /** Seconds `lis ingest` takes, its start-up and the indicator refresh included. */
  const ingest = (feed: string, path: string) => {
    const started = performance.now();
    const run = spawnSync(process.execPath, [LIS, 'ingest', feed, path], { cwd: ROOT, env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${feed}: ${run.stdout}${run.stderr}`);
    return (performance.now() - started) / 1000;
  };
  for (const file of dataset.files) {
    const seconds = ingest(file.feed, file.path);
    console.log(
      `loaded ${file.feed.padEnd(12)} ${String(file.rows).padStart(9)} rows in ${seconds.toFixed(1)} s (with the indicator refresh)`,
    );
  }
  // Fresh bulk loads leave work for autovacuum; do it now so it does not run during the measurement.
  spawnSync('psql', [db.url, '-qc', 'vacuum analyze'], { stdio: 'inherit' });
  const token = spawnSync(process.execPath, [LIS, 'token', 'create', '--name', 'bench', '--role', 'direktion'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  }).stdout.trim();

  const servingAll = (codes: string[]) => ({ ...env, PORT: '3913', HOST: '127.0.0.1', LIS_MUNICIPALITIES: codes.join(',') });
  const api = await start(
    children,
    [join(ROOT, 'apps', 'api', 'dist', 'server.js')],
    { ...env, PORT: '3911', HOST: '127.0.0.1' },
    /LIS is running/,
  );
  const adhoc = await start(
    children,
    ['--import', 'tsx', join(ROOT, 'bench', 'api', 'adhoc-server.ts')],
    { ...env, PORT: '3912' },
    /listening/,
  );
  void api;
  void adhoc;

  // The same random (unit, month) requests for both, from a fixed seed.
  let state = 42;
  const pick = <T>(list: readonly T[]) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return list[state % list.length] as T;
  };
  const pairs = Array.from({ length: REQUESTS }, () => ({ org: pick(dataset.orgIds), period: pick(dataset.periods.slice(12)) }));
  const headers = { authorization: `Bearer ${token}` };

  const sample = pairs[0] as { org: string; period: string };
  const check = (await (
    await fetch(`http://127.0.0.1:3911/api/v1/dashboard?org=${sample.org}&period=${sample.period}`, { headers })
  ).json()) as {
    indicators: { kpiId: string; value: number | null }[];
  };
  const baseline = (await (await fetch(`http://127.0.0.1:3912/adhoc?org=${sample.org}&period=${sample.period}`)).json()) as {
    sickLeave: { value: number };
  };
  const fromApi = check.indicators.find((i) => i.kpiId === 'sick_leave_pct')?.value;
  console.log(
    `sanity: sick leave of ${sample.org} ${sample.period}: API ${fromApi?.toFixed(4)} %, ad hoc ${baseline.sickLeave.value.toFixed(4)} %`,
  );

  console.log(`\nWarming up, then ${SECONDS} s each at ${CONNECTIONS} connections…`);
  const dashboardPaths = pairs.map((p) => `/api/v1/dashboard?org=${p.org}&period=${p.period}`);
  /** The dashboard after a warm-up; the many-municipality stage measures it again the same way. */
  const measureDashboard = async () => {
    await load('http://127.0.0.1:3911', dashboardPaths, { connections: CONNECTIONS, seconds: 5, headers });
    return load('http://127.0.0.1:3911', dashboardPaths, { connections: CONNECTIONS, seconds: SECONDS, headers });
  };
  const dashboard = await measureDashboard();
  await load(
    'http://127.0.0.1:3912',
    pairs.map((p) => `/adhoc?org=${p.org}&period=${p.period}`),
    { connections: CONNECTIONS, seconds: 5 },
  );
  const adhocResult = await load(
    'http://127.0.0.1:3912',
    pairs.map((p) => `/adhoc?org=${p.org}&period=${p.period}`),
    { connections: CONNECTIONS, seconds: SECONDS },
  );

  console.log(
    `\n${'GET, 32 connections'.padEnd(28)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'req/s'.padStart(8)} ${'errors'.padStart(7)}`,
  );
  console.log(resultRow('/api/v1/dashboard (rollups)', dashboard));
  console.log(resultRow('ad hoc over the raw facts', adhocResult));
  console.log(
    `\nratio: ${(adhocResult.p95 / dashboard.p95).toFixed(1)}× lower p95, ${(dashboard.perSecond / adhocResult.perSecond).toFixed(1)}× the requests per second`,
  );
  console.log(
    `goals: dashboard p95 < 50 ms: ${dashboard.p95 < 50 ? 'met' : 'missed'}; ≥ 10× faster than ad hoc: ${adhocResult.p95 / dashboard.p95 >= 10 ? 'met' : 'missed'}`,
  );

  await measureEconomyReads('http://127.0.0.1:3911', dataset, { connections: CONNECTIONS, seconds: SECONDS, headers }, dashboard);
  // BENCH_MUNICIPALITIES (issue 13): after the other reads, so that they are measured on one municipality
  // (the case refresh below then runs beside the others).
  await measureManyMunicipalities(db.url, measureDashboard, dashboard, async (codes, tokenOf) => {
    await start(children, [join(ROOT, 'apps', 'api', 'dist', 'server.js')], servingAll(codes), /LIS is running/);
    const spread = (i: number) => ({ authorization: `Bearer ${tokenOf(codes[i % codes.length] as string)}` });
    await load('http://127.0.0.1:3913', dashboardPaths, { connections: CONNECTIONS, seconds: 5, headersOf: spread });
    return load('http://127.0.0.1:3913', dashboardPaths, { connections: CONNECTIONS, seconds: SECONDS, headersOf: spread });
  });

  // After the reads, so that they are measured on the dataset as generated.
  await measureCaseRefresh(dataset, ingest);

  if (process.env.BENCH_KEEP) {
    console.log(`BENCH_KEEP: database ${db.url}, API http://127.0.0.1:3911 with token ${token}; press Ctrl-C to stop`);
    await new Promise(() => {});
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await db.drop();
}

/**
 * A month's cases refresh the case indicators from the first month received in the delivery on; a
 * changed deadline recomputes every month, as every cases load did before the refresh was partial.
 */
async function measureCaseRefresh(dataset: Dataset, ingest: (feed: string, path: string) => number) {
  const monthly = await writeNextMonthCases(dataset);
  const partial = ingest('cases', monthly.path);
  const full = ingest('case_types', await writeChangedCaseTypes(dataset));
  console.log(
    `\ncases of the next month (${monthly.rows.toLocaleString('da-DK')} rows, received from ${monthly.firstReceived}): ${partial.toFixed(1)} s`,
  );
  console.log(`a changed deadline (every month of the cases recomputed): ${full.toFixed(1)} s`);
  console.log(`ratio: the monthly delivery takes ${(partial / full).toFixed(2)} of a full recompute`);
}

async function start(list: ChildProcess[], args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<ChildProcess> {
  // from bench/, where `--import tsx` resolves
  const child = spawn(process.execPath, args, { cwd: join(ROOT, 'bench'), env, stdio: ['ignore', 'pipe', 'inherit'] });
  list.push(child);
  let output = '';
  child.stdout?.setEncoding('utf8');
  while (!ready.test(output)) {
    const [chunk] = (await Promise.race([once(child.stdout as NodeJS.ReadableStream, 'data'), once(child, 'exit')])) as [string];
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} stopped: ${output}`);
    output += chunk;
  }
  return child;
}
