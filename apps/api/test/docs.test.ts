import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { renderFeedsDoc } from '../../../scripts/feeds-doc.ts';
import { renderKpisDoc } from '../../../scripts/kpis-doc.ts';

it('docs/feeds.md matches the contract in code and the example files (regenerate with pnpm docs:feeds)', () => {
  expect(readFileSync(new URL('../../../docs/feeds.md', import.meta.url), 'utf8')).toBe(renderFeedsDoc());
});

it('docs/kpis.md matches the KPI catalogue (regenerate with pnpm docs:kpis)', () => {
  expect(readFileSync(new URL('../../../docs/kpis.md', import.meta.url), 'utf8')).toBe(renderKpisDoc());
});
