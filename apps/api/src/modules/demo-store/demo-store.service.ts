import type { Database } from '@lis/db';
import type { Kysely } from 'kysely';
import { disableUser } from '../auth/auth.service.ts';
import { activeDemoUsers, countDeliveries, isDemoUser, markDemoBatches } from './demo-store.repository.ts';

interface Ctx {
  db: Kysely<Database>;
  municipality: string;
}

/**
 * What a store holds: nothing yet, only what the demo loaded, or at least one delivery of real
 * data. Demo data and demo users belong in an empty or a demo store only, never beside real data.
 */
export type StoreContents = 'empty' | 'demo' | 'real';

export async function storeContents(ctx: Ctx): Promise<StoreContents> {
  const { all, demo } = await countDeliveries(ctx.db, ctx.municipality);
  if (all === 0) return 'empty';
  return demo === all ? 'demo' : 'real';
}

export class NotADemoStoreError extends Error {
  constructor() {
    super(
      'This store holds deliveries that did not come from the demo: demo data is loaded only into an empty store ' +
        'or one the demo made. Use an empty data directory (LIS_DATA_DIR) or database for the demo.',
    );
  }
}

/**
 * Loads the demo through `load` (the normal ingestion) and marks what it stored as the demo's.
 * Refuses a store that holds real data.
 */
export async function loadDemoInto(ctx: Ctx, load: () => Promise<{ batchId: number }[]>): Promise<void> {
  if ((await storeContents(ctx)) === 'real') throw new NotADemoStoreError();
  const results = await load();
  await markDemoBatches(
    ctx.db,
    results.map((r) => r.batchId),
  );
}

/**
 * A store holding real data has no demo users: they are disabled (their published password
 * would open the real figures) and their sessions end. Returns the users disabled now.
 */
export async function retireDemoUsersIfReal(ctx: Ctx): Promise<string[]> {
  if ((await storeContents(ctx)) !== 'real') return [];
  const names = await activeDemoUsers(ctx.db, ctx.municipality);
  for (const name of names) await disableUser(ctx, name, { name: 'lis: real data in a demo store' }); // audited there
  return names;
}

/**
 * After a delivery: someone other than a demo user loading data means a real setup, so the demo
 * users go at once. A demo user trying the upload keeps their session; the next start retires them.
 */
export async function retireDemoUsersAfterLoad(ctx: Ctx, loader: { kind: string; id: number | null } | null): Promise<string[]> {
  if (loader?.kind === 'user' && loader.id !== null && (await isDemoUser(ctx.db, loader.id))) return [];
  return retireDemoUsersIfReal(ctx);
}
