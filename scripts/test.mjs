// `pnpm test`: runs every package's vitest suite one after another (2 cores: PGlite suites are
// memory- and CPU-hungry) and ends with one summary line. With TEST_DATABASE_URL set, the store
// tests run against that PostgreSQL server (each suite creates and drops its own database).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
const engine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
// The browser tests run the product as `pnpm start` does: on the embedded store with demo data
// (demo data is never loaded into PostgreSQL), so they belong to the embedded run only.
const packages = ['packages/domain', 'packages/contracts', 'packages/db', 'apps/api', 'apps/web', 'bench', 'e2e']
  .filter((dir) => !(engine === 'postgres' && dir === 'e2e'))
  .filter((dir) => existsSync(join(root, dir, 'package.json')))
  .filter((dir) => only.length === 0 || only.some((o) => dir.includes(o)));
const outDir = join(root, 'test-results', engine);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
const broken = [];
for (const dir of packages) {
  const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  if (!pkg.scripts?.test) continue;
  const report = join(outDir, `${dir.replace('/', '-')}.json`);
  console.log(`\n▶ ${pkg.name} (${engine})`);
  const run = spawnSync(
    'pnpm',
    ['exec', 'vitest', 'run', '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { cwd: join(root, dir), stdio: 'inherit' },
  );
  if (!existsSync(report)) {
    failed++;
    broken.push(`${pkg.name} (no report, exit ${run.status})`);
    continue;
  }
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  skipped += result.numPendingTests + (result.numTodoTests ?? 0);
  // A suite that fails to load has no failed tests but a failed file.
  const brokenFiles = result.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0);
  if (brokenFiles.length > 0) {
    failed += brokenFiles.length;
    broken.push(...brokenFiles.map((f) => `${f.name}: ${f.message.split('\n')[0]}`));
  }
}
if (broken.length > 0) console.log(`\nSuites that did not run:\n${broken.map((b) => `  ${b}`).join('\n')}`);
console.log(`\n${engine}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
