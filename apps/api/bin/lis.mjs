#!/usr/bin/env node
// The `lis` command. It runs the bundle (dist/cli.js) when that is newer than every source it was
// built from — half the start-up time and memory — and otherwise the TypeScript sources through
// tsx, so it always matches the code, also on a fresh clone without a build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const api = new URL('..', import.meta.url).pathname;
const bundle = join(api, 'dist', 'cli.js');

function newestSource(dirs) {
  let newest = 0;
  const visit = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) visit(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(dir)) visit(dir);
  return newest;
}

const sources = [join(api, 'src'), ...['db', 'domain', 'contracts'].map((p) => join(api, '..', '..', 'packages', p, 'src'))];
if (existsSync(bundle) && statSync(bundle).mtimeMs > newestSource(sources)) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
