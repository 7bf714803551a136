import type { Database, Role } from '@lis/db';
import { type Kysely, sql } from 'kysely';

type Db = Kysely<Database>;

export async function findUserByName(db: Db, municipality: string, username: string) {
  return (
    (await db
      .selectFrom('users')
      .selectAll()
      .where('municipality', '=', municipality)
      .where(sql`lower(username)`, '=', username.toLowerCase())
      .executeTakeFirst()) ?? null
  );
}

export async function usernames(db: Db, municipality: string): Promise<Set<string>> {
  const rows = await db.selectFrom('users').select('username').where('municipality', '=', municipality).execute();
  return new Set(rows.map((u) => u.username));
}

export async function insertUser(
  db: Db,
  user: { municipality: string; username: string; displayName: string; role: Role; passwordHash: string },
) {
  const row = await db
    .insertInto('users')
    .values({
      municipality: user.municipality,
      username: user.username,
      display_name: user.displayName,
      role: user.role,
      password_hash: user.passwordHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertToken(db: Db, token: { municipality: string; name: string; role: Role; tokenHash: string }) {
  const row = await db
    .insertInto('api_tokens')
    .values({ municipality: token.municipality, name: token.name, role: token.role, token_hash: token.tokenHash })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function revokeToken(db: Db, municipality: string, name: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('municipality', '=', municipality)
    .where('name', '=', name)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findActiveToken(db: Db, tokenHash: string) {
  return (
    (await db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()) ?? null
  );
}

export async function insertScopes(
  db: Db,
  municipality: string,
  kind: 'user' | 'token',
  principalId: number,
  orgIds: readonly string[],
) {
  if (orgIds.length === 0) return;
  await db
    .insertInto('access_scopes')
    .values(orgIds.map((orgId) => ({ municipality, principal_kind: kind, principal_id: principalId, org_id: orgId })))
    .execute();
}

export async function scopesOf(db: Db, municipality: string, kind: 'user' | 'token', principalId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('access_scopes')
    .select('org_id')
    .where('municipality', '=', municipality)
    .where('principal_kind', '=', kind)
    .where('principal_id', '=', principalId)
    .orderBy('org_id')
    .execute();
  return rows.map((r) => r.org_id);
}

export async function insertSession(db: Db, municipality: string, idHash: string, userId: number, idToken: string | null = null) {
  await db.insertInto('sessions').values({ municipality, id_hash: idHash, user_id: userId, id_token: idToken }).execute();
}

export async function markSignedIn(db: Db, userId: number, at: Date) {
  await db.updateTable('users').set({ last_sign_in_at: at }).where('id', '=', userId).execute();
}

/**
 * A session of a user of the municipalities served here (the session's and the user's the same):
 * a session cookie of another municipality in the same store is no one here.
 */
export async function findSession(db: Db, municipalities: readonly string[], idHash: string) {
  return (
    (await db
      .selectFrom('sessions')
      .innerJoin('users', (join) =>
        join.onRef('users.id', '=', 'sessions.user_id').onRef('users.municipality', '=', 'sessions.municipality'),
      )
      .select([
        'sessions.municipality',
        'sessions.id_hash',
        'sessions.created_at',
        'sessions.last_seen_at',
        'sessions.ended_at',
        'users.id as user_id',
        'users.username',
        'users.display_name',
        'users.role',
        'users.disabled',
      ])
      .where('sessions.id_hash', '=', idHash)
      .where('sessions.municipality', 'in', municipalities)
      .executeTakeFirst()) ?? null
  );
}

export async function touchSession(db: Db, idHash: string) {
  await db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id_hash', '=', idHash).execute();
}

/** Ends the session; returns its ID token from the identity provider, if it has one. */
export async function endSession(db: Db, idHash: string): Promise<string | null> {
  const row = await db
    .updateTable('sessions')
    .set({ ended_at: new Date() })
    .where('id_hash', '=', idHash)
    .where('ended_at', 'is', null)
    .returning('id_token')
    .executeTakeFirst();
  return row?.id_token ?? null;
}

export interface AuditEvent {
  municipality: string;
  actor: string;
  role: string | null;
  action: string;
  target: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  ip: string | null;
  details?: Record<string, unknown> | null;
}

export async function insertAudit(db: Db, event: AuditEvent) {
  await db
    .insertInto('audit_log')
    .values({
      municipality: event.municipality,
      actor: event.actor,
      role: event.role,
      action: event.action,
      target: event.target,
      outcome: event.outcome,
      ip: event.ip,
      details: event.details ? JSON.stringify(event.details) : null,
    })
    .execute();
}

export async function listAudit(db: Db, municipality: string, limit: number, action: string | null) {
  let query = db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor', 'role', 'action', 'target', 'outcome', 'ip'])
    .where('municipality', '=', municipality);
  if (action) query = query.where('action', '=', action);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

export async function findLoginThrottle(db: Db, municipality: string, username: string) {
  return (
    (await db
      .selectFrom('login_throttle')
      .select(['failures', 'window_start'])
      .where('municipality', '=', municipality)
      .where('username', '=', username)
      .executeTakeFirst()) ?? null
  );
}

/**
 * Counts a failed sign-in in the name's window, or opens a new window when the last one began
 * before `windowOpenedAfter`; one statement, so processes signing in at once count every failure.
 * Windows that have passed are removed (names tried once by someone guessing).
 */
export async function countLoginFailure(db: Db, municipality: string, username: string, now: Date, windowOpenedAfter: Date) {
  const expired = sql<boolean>`login_throttle.window_start <= ${windowOpenedAfter}`;
  await db
    .insertInto('login_throttle')
    .values({ municipality, username, failures: 1, window_start: now })
    .onConflict((oc) =>
      oc.columns(['municipality', 'username']).doUpdateSet({
        failures: sql`case when ${expired} then 1 else login_throttle.failures + 1 end`,
        window_start: sql`case when ${expired} then ${now} else login_throttle.window_start end`,
      }),
    )
    .execute();
  await db
    .deleteFrom('login_throttle')
    .where('municipality', '=', municipality)
    .where('window_start', '<=', windowOpenedAfter)
    .execute();
}

export async function clearLoginFailures(db: Db, municipality: string, username: string) {
  await db.deleteFrom('login_throttle').where('municipality', '=', municipality).where('username', '=', username).execute();
}

export async function setUserDisabled(db: Db, userId: number, disabled: boolean) {
  await db.updateTable('users').set({ disabled }).where('id', '=', userId).execute();
}

export async function setPasswordHash(db: Db, userId: number, passwordHash: string) {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

/** Ends every open session of the user; returns how many. */
export async function endSessionsOf(db: Db, userId: number): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ ended_at: new Date() })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
