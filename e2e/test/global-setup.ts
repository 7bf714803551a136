import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

const root = new URL('../../', import.meta.url).pathname;
let server: ChildProcess | null = null;
let dataDir = '';

/** Builds the product as `pnpm start` does and starts it on a fresh embedded store with the demo data. */
export async function setup(project: TestProject) {
  // NODE_ENV would be 'test' from vitest: build exactly what `pnpm start` serves (React's production build)
  execFileSync('pnpm', ['--filter', '@lis/web', '--filter', '@lis/api', 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  dataDir = mkdtempSync(join(tmpdir(), 'lis-e2e-'));
  const started = Date.now();
  server = spawn(process.execPath, [join(root, 'apps/api/dist/server.js')], {
    cwd: root,
    env: { ...process.env, LIS_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LIS_DEMO: '1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let url: string | null = null;
  while (!url) {
    if (server.exitCode !== null) throw new Error(`The server stopped with exit code ${server.exitCode}`);
    if (Date.now() - started > 200_000) throw new Error('The server did not start within 200 s');
    await new Promise((r) => setTimeout(r, 250));
    url = serverUrl(dataDir);
  }
  console.log(`e2e: the product with demo data is up at ${url} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('baseUrl', url);
}

/** The URL the server writes into its data directory's lock file once it listens. */
function serverUrl(dir: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(dir, 'lis.lock.json'), 'utf8')) as { url: string | null }).url;
  } catch {
    return null;
  }
}

export async function teardown() {
  server?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  if (server && server.exitCode === null) server.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
