import type { Database, Role } from '@lis/db';
import type { Kysely } from 'kysely';
import { usernames } from './modules/auth/auth.repository.ts';
import { createUser } from './modules/auth/auth.service.ts';
import { markDemoUsers } from './modules/demo-store/demo-store.repository.ts';
import { listOrgUnits } from './modules/org/org.service.ts';

export const DEMO_PASSWORD = 'demo-lis-2016';

/**
 * One user per role for trying the product on the embedded demo store (never on PostgreSQL, never
 * beside real data: see demo-store.service.ts). The chef may read one forvaltning. Creates the
 * ones missing, marked as the demo's; returns lines describing them.
 */
export async function ensureDemoUsers(ctx: { db: Kysely<Database>; municipality: string }): Promise<string[]> {
  const existing = await usernames(ctx.db, ctx.municipality);
  // the units come sorted by name: the chef gets the first forvaltning
  const forvaltning = (await listOrgUnits(ctx.db, ctx.municipality)).find((u) => u.level === 'forvaltning');
  const users: { username: string; role: Role; displayName: string; orgIds: string[] }[] = [
    { username: 'admin', role: 'admin', displayName: 'Administrator (demo)', orgIds: [] },
    { username: 'direktion', role: 'direktion', displayName: 'Direktionen (demo)', orgIds: [] },
    { username: 'oekonom', role: 'oekonom', displayName: 'Økonom (demo)', orgIds: [] },
    { username: 'feeder', role: 'feeder', displayName: 'Dataleverance (demo)', orgIds: [] },
  ];
  if (forvaltning)
    users.push({ username: 'chef', role: 'chef', displayName: `Chef, ${forvaltning.name} (demo)`, orgIds: [forvaltning.id] });
  const missing = users.filter((user) => !existing.has(user.username));
  for (const user of missing) await createUser(ctx, { ...user, password: DEMO_PASSWORD });
  await markDemoUsers(
    ctx.db,
    ctx.municipality,
    missing.map((u) => u.username),
  );
  return users.map((u) => `  ${u.username.padEnd(10)} ${u.role}${u.orgIds.length ? ` (${forvaltning?.name})` : ''}`);
}
