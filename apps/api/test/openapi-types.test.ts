import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { API_TYPES_FILE, renderApiTypes } from '../scripts/gen-api-types.ts';
import { createTestApp } from './helpers.ts';

it('has committed API client types that match the served API document (if not: run pnpm gen:api)', async () => {
  const t = await createTestApp();
  try {
    const document = (await t.app.inject({ url: '/api/docs/json' })).json();
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    expect(committed, 'packages/contracts/src/client/api-schema.gen.ts is stale: run pnpm gen:api').toBe(
      await renderApiTypes(document),
    );
  } finally {
    await t.done();
  }
});
