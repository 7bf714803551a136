import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hasUnits } from '@lis/contracts';
import type { Database, Role } from '@lis/db';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { subtreeOf } from '../org/org.service.ts';
import type { Principal } from './access.ts';
import * as repo from './auth.repository.ts';
import { passwordProblem } from './password-policy.ts';

export interface AuthContext {
  db: Kysely<Database>;
  /** the municipality acted for: whose users are created, signed in or changed */
  municipality: string;
  /** every municipality served here, whose sessions and tokens are accepted; default [municipality] */
  municipalities?: readonly string[];
  /** the local `lis` command's credential from the data-dir lock file, when a server owns the store */
  cliToken?: string | null;
  /** db is the read replica while the primary is down: sessions are checked but not touched or ended */
  readOnly?: boolean;
}

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 10 * 60 * 60 * 1000;
const TOUCH_AFTER_MS = 60 * 1000;
/** Per account name: after this many failed sign-ins within the window, it waits until the window has passed. */
export const LOGIN_FAILURE_LIMIT = 5;
const LOGIN_WINDOW_MS = 15 * 60 * 1000;
const USERNAME = /^[\p{L}\d._-]{2,50}$/u;

export class AccessSetupError extends Error {}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function createUser(
  ctx: AuthContext,
  user: { username: string; displayName?: string; role: Role; password: string; orgIds: readonly string[] },
): Promise<number> {
  if (!USERNAME.test(user.username)) throw new AccessSetupError('A username is 2–50 letters, digits, ".", "_" or "-"');
  const problem = passwordProblem(user.password, user.username);
  if (problem) throw new AccessSetupError(problem);
  await checkScope(ctx, user.role, user.orgIds);
  if (await repo.findUserByName(ctx.db, ctx.municipality, user.username))
    throw new AccessSetupError(`The user ${user.username} exists`);
  const id = await repo.insertUser(ctx.db, {
    municipality: ctx.municipality,
    username: user.username,
    displayName: user.displayName ?? user.username,
    role: user.role,
    passwordHash: await hash(user.password), // argon2id
  });
  await repo.insertScopes(ctx.db, ctx.municipality, 'user', id, user.orgIds);
  return id;
}

/** Creates a machine token and returns it; only its hash is stored, so it is shown once. */
export async function createToken(
  ctx: AuthContext,
  token: { name: string; role: Role; orgIds: readonly string[] },
): Promise<string> {
  await checkScope(ctx, token.role, token.orgIds);
  const secret = `lis_${randomBytes(32).toString('base64url')}`;
  const id = await repo.insertToken(ctx.db, {
    municipality: ctx.municipality,
    name: token.name,
    role: token.role,
    tokenHash: sha256(secret),
  });
  await repo.insertScopes(ctx.db, ctx.municipality, 'token', id, token.orgIds);
  return secret;
}

export async function revokeToken(ctx: AuthContext, name: string): Promise<void> {
  if (!(await repo.revokeToken(ctx.db, ctx.municipality, name)))
    throw new AccessSetupError(`There is no active token named ${name}`);
  for (const [key, entry] of tokenCache)
    if (entry.principal?.municipality === ctx.municipality && entry.principal.name === `token:${name}`) tokenCache.delete(key);
}

/**
 * Machine tokens, once verified, are remembered for a few seconds: a polling client then costs no
 * query per request. A token revoked in this process stops at once; one revoked by another process
 * (the `lis` command on PostgreSQL) stops within TOKEN_CACHE_MS. People's sessions are not cached.
 */
const TOKEN_CACHE_MS = 5_000;
const TOKEN_CACHE_SIZE = 1_000;
const tokenCache = new Map<string, { principal: Principal | null; until: number }>();
/** By the municipalities served too: a token checked for one server says nothing about another's in the same process. */
const cacheKey = (ctx: AuthContext, hash: string) => `${served(ctx).join(',')}|${hash}`;
const served = (ctx: AuthContext) => ctx.municipalities ?? [ctx.municipality];

/** A chef has one or more known units; every other role none (they read everything, or nothing). */
export async function checkScope(ctx: AuthContext, role: Role, orgIds: readonly string[]) {
  if (hasUnits(role) && orgIds.length === 0) throw new AccessSetupError('A chef needs at least one org unit (--org)');
  if (!hasUnits(role) && orgIds.length > 0)
    throw new AccessSetupError(`Only a chef is limited to org units; a ${role} reads everything`);
  const known = await subtreeOf(ctx.db, ctx.municipality, orgIds);
  const unknown = orgIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new AccessSetupError(`Unknown org unit(s): ${unknown.join(', ')}`);
}

// Verifying against a fixed hash when the user does not exist keeps both answers equally slow.
let dummyHash: Promise<string> | null = null;

export type SignIn =
  | { outcome: 'ok'; sessionId: string; principal: Principal }
  | { outcome: 'wrong' }
  | { outcome: 'wait'; seconds: number };

/**
 * Signs a person in. An account name with LOGIN_FAILURE_LIMIT failures in its window waits until
 * the window has passed, from any address and with any password; a success forgets the failures.
 * The count is kept in the store, so it holds across processes. A name no user can have (a NUL
 * byte, 200 characters) is simply wrong.
 */
export async function signIn(ctx: AuthContext, username: string, password: string, now = new Date()): Promise<SignIn> {
  if (!USERNAME.test(username)) return { outcome: 'wrong' };
  const name = username.toLowerCase();
  const throttle = await repo.findLoginThrottle(ctx.db, ctx.municipality, name);
  const until = throttle ? throttle.window_start.getTime() + LOGIN_WINDOW_MS : 0;
  if (throttle && throttle.failures >= LOGIN_FAILURE_LIMIT && until > now.getTime())
    return { outcome: 'wait', seconds: Math.ceil((until - now.getTime()) / 1000) };
  const result = await login(ctx, username, password);
  if (!result) {
    await repo.countLoginFailure(ctx.db, ctx.municipality, name, now, new Date(now.getTime() - LOGIN_WINDOW_MS));
    return { outcome: 'wrong' };
  }
  if (throttle) await repo.clearLoginFailures(ctx.db, ctx.municipality, name);
  return { outcome: 'ok', ...result };
}

async function login(
  ctx: AuthContext,
  username: string,
  password: string,
): Promise<{ sessionId: string; principal: Principal } | null> {
  const user = await repo.findUserByName(ctx.db, ctx.municipality, username);
  dummyHash ??= hash('not a password of anyone');
  const valid = await verify(user?.password_hash ?? (await dummyHash), password);
  // a user of the identity provider has no password here: the dummy's must not open their account
  if (!user?.password_hash || !valid || user.disabled) return null;
  return openSession(ctx, user);
}

/** A new session for a user who has proved who they are (password or identity provider); their last sign-in is now. */
export async function openSession(
  ctx: AuthContext,
  user: { id: number; username: string; display_name: string; role: Role },
  idToken: string | null = null,
): Promise<{ sessionId: string; principal: Principal }> {
  const sessionId = randomBytes(32).toString('base64url');
  await repo.insertSession(ctx.db, ctx.municipality, sha256(sessionId), user.id, idToken);
  await repo.markSignedIn(ctx.db, user.id, new Date());
  const orgIds = hasUnits(user.role) ? await repo.scopesOf(ctx.db, ctx.municipality, 'user', user.id) : null;
  return {
    sessionId,
    principal: {
      kind: 'user',
      municipality: ctx.municipality,
      id: user.id,
      name: user.username,
      displayName: user.display_name,
      role: user.role,
      orgIds,
      sessionId,
    },
  };
}

/** The person behind a session cookie, or null when it is unknown, ended, idle too long or too old. */
export async function principalFromSession(ctx: AuthContext, sessionId: string, now = Date.now()): Promise<Principal | null> {
  const idHash = sha256(sessionId);
  const session = await repo.findSession(ctx.db, served(ctx), idHash);
  if (!session || session.ended_at || session.disabled) return null;
  if (now - session.last_seen_at.getTime() > SESSION_IDLE_MS || now - session.created_at.getTime() > SESSION_ABSOLUTE_MS) {
    if (!ctx.readOnly) await repo.endSession(ctx.db, idHash);
    return null;
  }
  if (now - session.last_seen_at.getTime() > TOUCH_AFTER_MS && !ctx.readOnly) await repo.touchSession(ctx.db, idHash);
  const orgIds = hasUnits(session.role) ? await repo.scopesOf(ctx.db, session.municipality, 'user', session.user_id) : null;
  return {
    kind: 'user',
    municipality: session.municipality,
    id: session.user_id,
    name: session.username,
    displayName: session.display_name,
    role: session.role,
    orgIds,
    sessionId,
  };
}

export async function principalFromToken(ctx: AuthContext, secret: string): Promise<Principal | null> {
  if (ctx.cliToken && equalSecrets(secret, ctx.cliToken)) {
    return {
      kind: 'cli',
      municipality: ctx.municipality,
      id: null,
      name: 'lis-cli',
      displayName: 'lis (kommandolinje)',
      role: 'admin',
      orgIds: null,
      sessionId: null,
    };
  }
  const hash = sha256(secret);
  const key = cacheKey(ctx, hash);
  const cached = tokenCache.get(key);
  if (cached && cached.until > Date.now()) return cached.principal;
  const principal = await tokenPrincipal(ctx, hash);
  if (tokenCache.size >= TOKEN_CACHE_SIZE) tokenCache.delete(tokenCache.keys().next().value as string);
  tokenCache.set(key, { principal, until: Date.now() + TOKEN_CACHE_MS });
  return principal;
}

async function tokenPrincipal(ctx: AuthContext, hash: string): Promise<Principal | null> {
  const token = await repo.findActiveToken(ctx.db, hash);
  if (!token || !served(ctx).includes(token.municipality)) return null;
  const orgIds = hasUnits(token.role) ? await repo.scopesOf(ctx.db, token.municipality, 'token', token.id) : null;
  return {
    kind: 'token',
    municipality: token.municipality,
    id: token.id,
    name: `token:${token.name}`,
    displayName: token.name,
    role: token.role,
    orgIds,
    sessionId: null,
  };
}

/** Ends the session; returns the identity provider's ID token of an OIDC session (the hint its logout asks for). */
export async function logout(ctx: AuthContext, sessionId: string): Promise<string | null> {
  return repo.endSession(ctx.db, sha256(sessionId));
}

function equalSecrets(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Who changes a user (the `lis` command, or an admin in the browser), for the audit log. */
export interface Actor {
  name: string;
  role?: string | null;
  ip?: string | null;
}

async function existingUser(ctx: AuthContext, username: string) {
  const user = await repo.findUserByName(ctx.db, ctx.municipality, username);
  if (!user) throw new AccessSetupError(`There is no user named ${username}`);
  return user;
}

const auditUserChange = (ctx: AuthContext, actor: Actor, action: string, username: string, details?: Record<string, unknown>) =>
  repo.insertAudit(ctx.db, {
    municipality: ctx.municipality,
    actor: actor.name,
    role: actor.role ?? null,
    action,
    target: `user:${username}`,
    outcome: 'ok',
    ip: actor.ip ?? null,
    details: details ?? null,
  });

/** A disabled user cannot sign in, and their open sessions end now; returns how many ended. */
export async function disableUser(ctx: AuthContext, username: string, actor: Actor): Promise<number> {
  const user = await existingUser(ctx, username);
  await repo.setUserDisabled(ctx.db, user.id, true);
  const ended = await repo.endSessionsOf(ctx.db, user.id);
  await auditUserChange(ctx, actor, 'user_disable', user.username, { sessionsEnded: ended });
  return ended;
}

export async function enableUser(ctx: AuthContext, username: string, actor: Actor): Promise<void> {
  const user = await existingUser(ctx, username);
  await repo.setUserDisabled(ctx.db, user.id, false);
  await auditUserChange(ctx, actor, 'user_enable', user.username);
}

/** A new password (the same policy as a new user's); the old one's sessions and failed sign-ins end with it. */
export async function resetPassword(ctx: AuthContext, username: string, password: string, actor: Actor): Promise<number> {
  const user = await existingUser(ctx, username);
  const problem = passwordProblem(password, user.username);
  if (problem) throw new AccessSetupError(problem);
  await repo.setPasswordHash(ctx.db, user.id, await hash(password));
  const ended = await repo.endSessionsOf(ctx.db, user.id);
  await repo.clearLoginFailures(ctx.db, ctx.municipality, user.username.toLowerCase());
  await auditUserChange(ctx, actor, 'user_password_reset', user.username, { sessionsEnded: ended });
  return ended;
}

/** Signs the user out everywhere; returns how many sessions ended. */
export async function endUserSessions(ctx: AuthContext, username: string, actor: Actor): Promise<number> {
  const user = await existingUser(ctx, username);
  const ended = await repo.endSessionsOf(ctx.db, user.id);
  await auditUserChange(ctx, actor, 'user_sessions_end', user.username, { sessionsEnded: ended });
  return ended;
}
