import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { renderFeedsDoc } from '../../../scripts/feeds-doc.ts';

it('docs/feeds.md matches the contract in code and the example files (regenerate with pnpm docs:feeds)', () => {
  expect(readFileSync(new URL('../../../docs/feeds.md', import.meta.url), 'utf8')).toBe(renderFeedsDoc());
});
