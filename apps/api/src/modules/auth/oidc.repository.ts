import type { Database, Role } from '@lis/db';
import type { Kysely } from 'kysely';
import { insertScopes } from './auth.repository.ts';

type Db = Kysely<Database>;

export async function insertOidcLogin(
  db: Db,
  login: { state: string; municipality: string; codeVerifier: string; nonce: string; returnTo: string },
) {
  await db
    .insertInto('oidc_logins')
    .values({
      state: login.state,
      municipality: login.municipality,
      code_verifier: login.codeVerifier,
      nonce: login.nonce,
      return_to: login.returnTo,
    })
    .execute();
}

/** Takes the pending sign-in of a state: removed as it is read, so a state works once. */
/** The sign-in begun with this state for one of the municipalities served here, taken so it is used once. */
export async function takeOidcLogin(db: Db, municipalities: readonly string[], state: string) {
  return (
    (await db
      .deleteFrom('oidc_logins')
      .where('municipality', 'in', municipalities)
      .where('state', '=', state)
      .returning(['municipality', 'code_verifier', 'nonce', 'return_to', 'created_at'])
      .executeTakeFirst()) ?? null
  );
}

/** Sign-ins begun before `before` and never finished (the person closed the provider's page). */
export async function deleteOidcLoginsBefore(db: Db, municipality: string, before: Date) {
  await db.deleteFrom('oidc_logins').where('municipality', '=', municipality).where('created_at', '<', before).execute();
}

export async function findOidcUser(db: Db, municipality: string, issuer: string, subject: string) {
  return (
    (await db
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'role', 'disabled'])
      .where('municipality', '=', municipality)
      .where('source', '=', 'oidc')
      .where('oidc_issuer', '=', issuer)
      .where('oidc_subject', '=', subject)
      .executeTakeFirst()) ?? null
  );
}

export async function insertOidcUser(
  db: Db,
  user: {
    municipality: string;
    username: string;
    displayName: string;
    role: Role;
    issuer: string;
    subject: string;
    email: string | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      municipality: user.municipality,
      username: user.username,
      display_name: user.displayName,
      role: user.role,
      password_hash: null,
      source: 'oidc',
      oidc_issuer: user.issuer,
      oidc_subject: user.subject,
      email: user.email,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateOidcUser(db: Db, userId: number, user: { displayName: string; role: Role; email: string | null }) {
  await db
    .updateTable('users')
    // an address set by an admin stays when the provider sends none
    .set({ display_name: user.displayName, role: user.role, ...(user.email ? { email: user.email } : {}) })
    .where('id', '=', userId)
    .execute();
}

/** The user's units become exactly these (a chef's; none for the other roles). */
export async function replaceUserScopes(db: Db, municipality: string, userId: number, orgIds: readonly string[]) {
  await db
    .deleteFrom('access_scopes')
    .where('municipality', '=', municipality)
    .where('principal_kind', '=', 'user')
    .where('principal_id', '=', userId)
    .execute();
  await insertScopes(db, municipality, 'user', userId, orgIds);
}
