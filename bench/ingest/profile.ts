// Where the time of `lis ingest economy` on PostgreSQL goes: one run under `node --cpu-prof`
// while pg_stat_activity is sampled. Profiling slows the run down; take the rates from run.mjs.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createBenchDatabase } from './bench-database.ts';
import { type FunctionTime, largestProfile, summariseProfile } from './cpu-profile.ts';
import { lisIngest, measureLisIngest, OUT_DIR, REPO_ROOT } from './lis-cli.ts';
import { sampleServerStatements, transactionPhases } from './server-timeline.ts';
import { writeFeeds } from './write-feeds.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    top: { type: 'string', default: '20' },
    // profile a restatement of the same keys, into the store a first load (unprofiled) filled
    restatement: { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);
const top = Number(values.top);

const files = await writeFeeds(join(OUT_DIR, 'ingest'), rows);
const profileDir = join(OUT_DIR, 'cpu-profile');
rmSync(profileDir, { recursive: true, force: true });
mkdirSync(profileDir, { recursive: true });
const database = await createBenchDatabase();
try {
  const target = { databaseUrl: database.url };
  lisIngest(target, 'organisation', files.organisation);
  if (values.restatement) lisIngest(target, 'economy', files.economy);
  const profiled = values.restatement ? files.economyRestated : files.economy;
  const sampler = await sampleServerStatements(database.url);
  const spawnedAt = Date.now();
  const measured = await measureLisIngest(target, profiled, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
  const exitedAt = Date.now();
  const phases = transactionPhases(await sampler.stop());

  const seconds = (s: number) => s.toFixed(2).padStart(7);
  const share = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1).padStart(5)} %`;
  const wall = measured.wallSeconds;
  const what = values.restatement ? 'a restatement of the same keys' : 'a first load';
  console.log(`\nlis ingest economy, ${rows.toLocaleString('en-US')} rows, ${what}, profiled: ${wall.toFixed(1)} s wall`);
  console.log(`${measured.stdout.trim()}\n`);
  console.log('Wall time from the server side (pg_stat_activity sampled every 5 ms):');
  const line = (s: number, what: string, count = '') =>
    console.log(`${seconds(s)} s ${share(s, wall)}  ${count.padStart(4)}  ${what}`);
  line(
    (phases.begin - spawnedAt) / 1000,
    'before the loading transaction: process start-up, module loading, migrations check, file hash',
  );
  for (const p of phases.server) line(p.seconds, `server: ${p.phase}`, `${p.count}×`);
  for (const p of phases.node) line(p.seconds, `Node, server idle in transaction ${p.phase}`, `${p.count}×`);
  line((exitedAt - phases.end) / 1000, 'after commit: closing the pool, printing, exit (and writing the CPU profile)');

  const profile = summariseProfile(largestProfile(profileDir), REPO_ROOT);
  const ms = (n: number) => `${(n / 1000).toFixed(2).padStart(7)} s ${share(n, profile.totalMs)}`;
  const fn = (f: FunctionTime) => `${f.name}  ${f.where}`;
  console.log(
    `\nNode main thread (--cpu-prof), ${(profile.totalMs / 1000).toFixed(1)} s profiled. Self time by package or file:`,
  );
  for (const a of profile.areas.slice(0, top)) console.log(`${ms(a.selfMs)}  ${a.area}`);
  console.log('\nTop functions by self time:');
  for (const f of [...profile.functions].sort((a, b) => b.selfMs - a.selfMs).slice(0, top))
    console.log(`${ms(f.selfMs)}  ${fn(f)}`);
  console.log('\nFunctions of the repository by inclusive time (async continuations are counted where they resume):');
  const ours = profile.functions.filter((f) => /^(apps|packages)\//.test(f.where));
  for (const f of ours.sort((a, b) => b.totalMs - a.totalMs).slice(0, top)) console.log(`${ms(f.totalMs)}  ${fn(f)}`);
  console.log(`\nProfile: ${largestProfile(profileDir)} (open in Chrome DevTools or speedscope for the full tree).`);
} finally {
  await database.drop();
}
