import type { Database } from '@lis/db';
import type { Kysely } from 'kysely';

type Db = Kysely<Database>;

/** How many stored deliveries there are, and how many of them the demo made (rejected files store nothing). */
export async function countDeliveries(db: Db, municipality: string): Promise<{ all: number; demo: number }> {
  const row = await db
    .selectFrom('batches')
    .select((eb) => [
      eb.fn.countAll<string>().as('all'),
      eb.fn.count<string>('id').filterWhere('from_demo', '=', true).as('demo'),
    ])
    .where('municipality', '=', municipality)
    .where('status', '!=', 'rejected')
    .executeTakeFirstOrThrow();
  return { all: Number(row.all), demo: Number(row.demo) };
}

export async function markDemoBatches(db: Db, batchIds: readonly number[]): Promise<void> {
  if (batchIds.length > 0) await db.updateTable('batches').set({ from_demo: true }).where('id', 'in', batchIds).execute();
}

export async function markDemoUsers(db: Db, municipality: string, usernames: readonly string[]): Promise<void> {
  if (usernames.length === 0) return;
  await db
    .updateTable('users')
    .set({ from_demo: true })
    .where('municipality', '=', municipality)
    .where('username', 'in', usernames)
    .execute();
}

/** The demo users who can still sign in. */
export async function activeDemoUsers(db: Db, municipality: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('username')
    .where('municipality', '=', municipality)
    .where('from_demo', '=', true)
    .where('disabled', '=', false)
    .orderBy('username')
    .execute();
  return rows.map((r) => r.username);
}

export async function isDemoUser(db: Db, userId: number): Promise<boolean> {
  const row = await db.selectFrom('users').select('from_demo').where('id', '=', userId).executeTakeFirst();
  return row?.from_demo === true;
}
