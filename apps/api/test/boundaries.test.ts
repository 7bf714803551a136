/**
 * The import boundaries in biome.jsonc, shown failing: each case lints a small file placed at its
 * path in a scratch copy of the workspace layout, with the repository's own Biome configuration.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const biome = join(root, 'node_modules/.bin/biome');
const scratch = mkdtempSync(join(tmpdir(), 'lis-boundaries-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const config = readFileSync(join(root, 'biome.jsonc'), 'utf8').replace(
  './node_modules/@biomejs/biome/configuration_schema.json',
  join(root, 'node_modules/@biomejs/biome/configuration_schema.json'),
);

let n = 0;
/** The restricted-import diagnostics Biome reports for `source` at `path`. */
function restrictedImports(path: string, source: string): string[] {
  const dir = join(scratch, `case-${n++}`);
  mkdirSync(join(dir, dirname(path)), { recursive: true });
  writeFileSync(join(dir, 'biome.jsonc'), config);
  writeFileSync(join(dir, path), `${source}\n`);
  const run = spawnSync(biome, ['lint', '--reporter=github', '--only=style/noRestrictedImports', '.'], {
    cwd: dir,
    encoding: 'utf8',
  });
  const lines = `${run.stdout}${run.stderr}`.split('\n').filter((line) => line.includes('noRestrictedImports'));
  if (run.status !== 0 && lines.length === 0) throw new Error(`biome failed: ${run.stderr}`);
  return lines;
}

const use = (specifier: string) => `import { x } from '${specifier}';\nexport const y = x;`;

describe('import boundaries (biome.jsonc)', () => {
  it('a route may not import a repository, only a service', () => {
    const [error] = restrictedImports('apps/api/src/routes/r.ts', use('../modules/kpi/indicators.repository.ts'));
    expect(error).toContain('A route calls a service, never a repository');
    expect(restrictedImports('apps/api/src/routes/r.ts', use('../modules/kpi/indicators.service.ts'))).toEqual([]);
  });

  it("a module may not read another module's repository, only its own", () => {
    const [error] = restrictedImports('apps/api/src/modules/budget/budget.service.ts', use('../kpi/rollup.repository.ts'));
    expect(error).toContain('A module reads only its own repositories');
    expect(restrictedImports('apps/api/src/modules/budget/deep/a.ts', use('../../org/org.repository.ts'))).toHaveLength(1);
    expect(restrictedImports('apps/api/src/modules/budget/budget.service.ts', use('./budget.repository.ts'))).toEqual([]);
    expect(restrictedImports('apps/api/src/modules/budget/deep/a.ts', use('../budget.repository.ts'))).toEqual([]);
    expect(restrictedImports('apps/api/src/modules/budget/budget.service.ts', use('../org/org.service.ts'))).toEqual([]);
  });

  it('a web feature may not import another feature; src/lib and its own files are fine', () => {
    const [error] = restrictedImports('apps/web/src/features/users/components/p.tsx', use('../../org/components/org-picker'));
    expect(error).toContain('A feature does not import another feature');
    expect(restrictedImports('apps/web/src/features/users/p.ts', use('../org/lib/org-tree'))).toHaveLength(1);
    expect(restrictedImports('apps/web/src/features/users/components/p.tsx', use('../../../lib/org-tree'))).toEqual([]);
    expect(restrictedImports('apps/web/src/features/users/components/p.tsx', use('../lib/user-words'))).toEqual([]);
  });

  it('packages may not import from the apps', () => {
    const [error] = restrictedImports('packages/domain/src/d.ts', use('../../../apps/api/src/config.ts'));
    expect(error).toContain('Packages are shared by the apps');
    expect(restrictedImports('packages/domain/src/d.ts', use('@lis/web'))).toHaveLength(1);
    expect(restrictedImports('packages/domain/src/d.ts', use('@lis/contracts'))).toEqual([]);
  });
});
