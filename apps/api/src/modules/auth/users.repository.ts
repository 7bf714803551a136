import type { Database } from '@lis/db';
import type { Kysely } from 'kysely';

type Db = Kysely<Database>;

export async function listUserRows(db: Db, municipality: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'source', 'disabled', 'last_sign_in_at', 'created_at'])
    .where('municipality', '=', municipality)
    .execute();
}

/** Per user, the sessions not ended that were seen after `seenAfter` and opened after `openedAfter`. */
export async function openSessionCounts(
  db: Db,
  municipality: string,
  seenAfter: Date,
  openedAfter: Date,
): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('sessions')
    .select(['user_id', (eb) => eb.fn.countAll<number | string>().as('open')])
    .where('municipality', '=', municipality)
    .where('ended_at', 'is', null)
    .where('last_seen_at', '>', seenAfter)
    .where('created_at', '>', openedAfter)
    .groupBy('user_id')
    .execute();
  return new Map(rows.map((r) => [r.user_id, Number(r.open)]));
}

/** Every user's units (access scopes), sorted. */
export async function userScopes(db: Db, municipality: string): Promise<Map<number, string[]>> {
  const rows = await db
    .selectFrom('access_scopes')
    .select(['principal_id', 'org_id'])
    .where('municipality', '=', municipality)
    .where('principal_kind', '=', 'user')
    .orderBy('org_id')
    .execute();
  const units = new Map<number, string[]>();
  for (const r of rows) units.set(r.principal_id, [...(units.get(r.principal_id) ?? []), r.org_id]);
  return units;
}
