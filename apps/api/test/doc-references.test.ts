/**
 * Every document a source file cites ("docs/feeds.md", "domain.md §4", "bench/README.md") is in
 * the repository, and docs/architecture.md names every ADR. A citation resolves from the
 * repository root, from the citing file's folder, or by its name in docs/ or docs/adr/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const SKIP = new Set(['node_modules', 'dist', 'data', 'out', 'test-results', 'fixtures', '.git']);
const SOURCE = /\.(ts|tsx|mts|mjs|js|css|jsonc|yml|yaml)$|^Dockerfile$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) && !entry.name.includes('.gen.') ? [path] : [];
  });
}

const resolves = (cited: string, from: string) =>
  [join(root, cited), join(dirname(from), cited), join(root, 'docs', cited), join(root, 'docs/adr', cited)].some(existsSync);

describe('documents cited in the code', () => {
  const files = sourceFiles(root);

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(200);
  });

  it('cites only documents that are in the repository', () => {
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [cited] of text.matchAll(/[\w./-]*[\w-]\.md\b/g)) {
        if (!resolves(cited, file)) missing.push(`${relative(root, file)}: ${cited}`);
      }
      // the team's shared folder next to the repository is not part of it
      for (const [cited] of text.matchAll(/(?:\.\.\/)+shared\/[\w./-]+/g)) missing.push(`${relative(root, file)}: ${cited}`);
    }
    expect(missing).toEqual([]);
  });

  it('docs/architecture.md lists every ADR', () => {
    const architecture = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
    const decisions = architecture.slice(architecture.indexOf('## Decisions'));
    const adrs = readdirSync(join(root, 'docs/adr')).filter((name) => /^\d{4}-.*\.md$/.test(name));
    expect(adrs.length).toBeGreaterThanOrEqual(10);
    const unlisted = adrs.filter((name) => !decisions.includes(`(${name.slice(0, 4)})`));
    expect(unlisted).toEqual([]);
  });
});
