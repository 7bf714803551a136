// `pnpm start`: builds what is missing or out of date, then runs the server from the build.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** Newest modification time of the files under the given folders (node_modules and dist excluded). */
function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
    } else latest = Math.max(latest, stat.mtimeMs);
  };
  for (const p of paths) visit(join(root, p));
  return latest;
}

function buildIfStale(name, output, sources) {
  const built = existsSync(join(root, output)) ? statSync(join(root, output)).mtimeMs : 0;
  if (built >= newest(sources)) return;
  console.log(`Building ${name}…`);
  execFileSync('pnpm', ['--filter', name, 'build'], { cwd: root, stdio: 'inherit' });
}

const shared = ['packages/domain/src', 'packages/contracts/src'];
buildIfStale('@lis/web', 'apps/web/dist/index.html', ['apps/web/src', 'apps/web/index.html', ...shared]);
buildIfStale('@lis/api', 'apps/api/dist/server.js', ['apps/api/src', 'packages/db/src', ...shared]);

const server = spawn(process.execPath, ['--enable-source-maps', join(root, 'apps/api/dist/server.js')], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
