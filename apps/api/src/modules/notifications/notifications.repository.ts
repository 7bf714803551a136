import type { NotificationKind } from '@lis/contracts';
import type { Database } from '@lis/db';
import { type Kysely, sql } from 'kysely';

type Db = Kysely<Database>;

export interface Recipient {
  userId: number;
  username: string;
  displayName: string;
  email: string;
}

/** Enabled users of a role with an address who have not turned the kind off. */
function reachable(db: Db, municipality: string, kind: NotificationKind) {
  return db
    .selectFrom('users as u')
    .where('u.municipality', '=', municipality)
    .where('u.disabled', '=', false)
    .where('u.email', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('notification_preferences as p')
            .select('p.user_id')
            .whereRef('p.user_id', '=', 'u.id')
            .where('p.kind', '=', kind)
            .where('p.enabled', '=', false),
        ),
      ),
    );
}

/** Admins to tell, e.g. of a feed that has not arrived. */
export async function reachableAdmins(db: Db, municipality: string, kind: NotificationKind): Promise<Recipient[]> {
  const rows = await reachable(db, municipality, kind)
    .where('u.role', '=', 'admin')
    .select(['u.id', 'u.username', 'u.display_name', 'u.email'])
    .orderBy('u.username')
    .execute();
  return rows.map((r) => ({ userId: Number(r.id), username: r.username, displayName: r.display_name, email: r.email ?? '' }));
}

/** Every chef to tell, with the units of their scope. */
export async function reachableChefs(db: Db, municipality: string, kind: NotificationKind) {
  const rows = await reachable(db, municipality, kind)
    .where('u.role', '=', 'chef')
    .innerJoin('access_scopes as s', (join) =>
      join
        .onRef('s.principal_id', '=', 'u.id')
        .on('s.principal_kind', '=', 'user')
        .onRef('s.municipality', '=', 'u.municipality'),
    )
    .select(['u.id', 'u.username', 'u.display_name', 'u.email', 's.org_id'])
    .orderBy('u.username')
    .execute();
  const chefs = new Map<number, Recipient & { orgIds: string[] }>();
  for (const r of rows) {
    const id = Number(r.id);
    const chef = chefs.get(id) ?? {
      userId: id,
      username: r.username,
      displayName: r.display_name,
      email: r.email ?? '',
      orgIds: [],
    };
    chef.orgIds.push(r.org_id);
    chefs.set(id, chef);
  }
  return [...chefs.values()];
}

/** Chefs to tell with the units (of `orgIds`) their scopes cover: a scope covers its unit's subtree. */
export async function reachableChefsOf(
  db: Db,
  municipality: string,
  kind: NotificationKind,
  orgIds: readonly string[],
): Promise<(Recipient & { orgId: string })[]> {
  if (orgIds.length === 0) return [];
  const rows = await reachable(db, municipality, kind)
    .where('u.role', '=', 'chef')
    .innerJoin('access_scopes as s', (join) =>
      join
        .onRef('s.principal_id', '=', 'u.id')
        .on('s.principal_kind', '=', 'user')
        .onRef('s.municipality', '=', 'u.municipality'),
    )
    .innerJoin('org_closure as c', (join) =>
      join.onRef('c.ancestor_id', '=', 's.org_id').onRef('c.municipality', '=', 'u.municipality'),
    )
    .where('c.descendant_id', 'in', [...orgIds])
    .select(['u.id', 'u.username', 'u.display_name', 'u.email', 'c.descendant_id'])
    .distinct()
    .execute();
  return rows.map((r) => ({
    userId: Number(r.id),
    username: r.username,
    displayName: r.display_name,
    email: r.email ?? '',
    orgId: r.descendant_id,
  }));
}

/** Records that something was sent once; false when it already was (by this or another server). */
export async function claimSending(db: Db, municipality: string, kind: string, subjectKey: string): Promise<boolean> {
  const inserted = await db
    .insertInto('notifications_sent')
    .values({ municipality, kind, subject_key: subjectKey })
    .onConflict((oc) => oc.doNothing())
    .returning('subject_key')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The newest month a loaded delivery of the feed covers ('YYYY-MM-01'), or null. */
export async function latestDeliveredMonth(db: Db, municipality: string, feed: string): Promise<string | null> {
  const row = await db
    .selectFrom('batches')
    .select(sql<string | null>`max(period_to)`.as('latest'))
    .where('municipality', '=', municipality)
    .where('feed', '=', feed)
    .where('status', '!=', 'rejected')
    .executeTakeFirst();
  return row?.latest ?? null;
}

export async function preferencesOf(db: Db, userId: number) {
  return db.selectFrom('notification_preferences').select(['kind', 'enabled']).where('user_id', '=', userId).execute();
}

export async function setPreference(db: Db, userId: number, kind: NotificationKind, enabled: boolean) {
  await db
    .insertInto('notification_preferences')
    .values({ user_id: userId, kind, enabled })
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ enabled }))
    .execute();
}

export async function emailOf(db: Db, userId: number): Promise<string | null> {
  const row = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
  return row?.email ?? null;
}

export async function setEmail(db: Db, municipality: string, username: string, email: string | null): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ email })
    .where('municipality', '=', municipality)
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
