import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { MUNICIPALITY } from './economy-data.ts';
import { type Measured, measureNode } from './measure-process.ts';

export const REPO_ROOT = new URL('../..', import.meta.url).pathname;
export const OUT_DIR = join(REPO_ROOT, 'bench', 'out');
// The bin itself, not `pnpm lis`: pnpm would be the measured process and node its child.
const LIS_BIN = join(REPO_ROOT, 'apps', 'api', 'bin', 'lis.mjs');

export type StoreTarget = { databaseUrl: string } | { dataDir: string };

/** The environment of a `lis` run against one store only, whatever the caller's shell has set. */
function lisEnv(target: StoreTarget): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, LIS_DATA_DIR: _dir, ...env } = process.env;
  return {
    ...env,
    LIS_MUNICIPALITY: MUNICIPALITY,
    ...('databaseUrl' in target ? { DATABASE_URL: target.databaseUrl } : { LIS_DATA_DIR: target.dataDir }),
  };
}

/** `lis ingest <feed> <file>`, untimed (the organisation file the economy rows refer to). */
export function lisIngest(target: StoreTarget, feed: string, file: string): void {
  const run = spawnSync(process.execPath, [LIS_BIN, 'ingest', feed, file], {
    cwd: REPO_ROOT,
    env: lisEnv(target),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`lis ingest ${feed} failed (exit ${run.status}):\n${run.stdout}${run.stderr}`);
}

/** `lis ingest economy <file>` as a child process, with its wall time and peak RSS. */
export async function measureLisIngest(target: StoreTarget, file: string, nodeOptions: string[] = []): Promise<Measured> {
  const measured = await measureNode([...nodeOptions, LIS_BIN, 'ingest', 'economy', file], {
    cwd: REPO_ROOT,
    env: lisEnv(target),
    scratchDir: OUT_DIR,
  });
  if (measured.exitCode !== 0) {
    throw new Error(`lis ingest economy failed (exit ${measured.exitCode}):\n${measured.stdout}${measured.stderr}`);
  }
  return measured;
}
