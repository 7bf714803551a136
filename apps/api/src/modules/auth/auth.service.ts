import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database, Role } from '@lis/db';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { Principal } from './access.ts';
import * as repo from './auth.repository.ts';

export interface AuthContext {
  db: Kysely<Database>;
  municipality: string;
  /** the local `lis` command's credential from the data-dir lock file, when a server owns the store */
  cliToken?: string | null;
}

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 10 * 60 * 60 * 1000;
const TOUCH_AFTER_MS = 60 * 1000;
export const MIN_PASSWORD_LENGTH = 10;

export class AccessSetupError extends Error {}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function createUser(
  ctx: AuthContext,
  user: { username: string; displayName?: string; role: Role; password: string; orgIds: readonly string[] },
): Promise<number> {
  if (!/^[\p{L}\d._-]{2,50}$/u.test(user.username))
    throw new AccessSetupError('A username is 2–50 letters, digits, ".", "_" or "-"');
  if (user.password.length < MIN_PASSWORD_LENGTH)
    throw new AccessSetupError(`A password needs at least ${MIN_PASSWORD_LENGTH} characters`);
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
  for (const [hash, entry] of tokenCache) if (entry.principal?.name === `token:${name}`) tokenCache.delete(hash);
}

/**
 * Machine tokens, once verified, are remembered for a few seconds: a polling client then costs no
 * query per request. A token revoked in this process stops at once; one revoked by another process
 * (the `lis` command on PostgreSQL) stops within TOKEN_CACHE_MS. People's sessions are not cached.
 */
export const TOKEN_CACHE_MS = 5_000;
const TOKEN_CACHE_SIZE = 1_000;
const tokenCache = new Map<string, { principal: Principal | null; until: number }>();

async function checkScope(ctx: AuthContext, role: Role, orgIds: readonly string[]) {
  if (role === 'chef' && orgIds.length === 0) throw new AccessSetupError('A chef needs at least one org unit (--org)');
  if (role !== 'chef' && orgIds.length > 0)
    throw new AccessSetupError(`Only a chef is limited to org units; a ${role} reads everything`);
  const known = await repo.subtreeOf(ctx.db, ctx.municipality, orgIds);
  const unknown = orgIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new AccessSetupError(`Unknown org unit(s): ${unknown.join(', ')}`);
}

// Verifying against a fixed hash when the user does not exist keeps both answers equally slow.
let dummyHash: Promise<string> | null = null;

export async function login(
  ctx: AuthContext,
  username: string,
  password: string,
): Promise<{ sessionId: string; principal: Principal } | null> {
  const user = await repo.findUserByName(ctx.db, ctx.municipality, username);
  dummyHash ??= hash('not a password of anyone');
  const valid = await verify(user?.password_hash ?? (await dummyHash), password);
  if (!user || !valid || user.disabled) return null;
  const sessionId = randomBytes(32).toString('base64url');
  await repo.insertSession(ctx.db, ctx.municipality, sha256(sessionId), user.id);
  const orgIds = user.role === 'chef' ? await repo.scopesOf(ctx.db, ctx.municipality, 'user', user.id) : null;
  return {
    sessionId,
    principal: {
      kind: 'user',
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
  const session = await repo.findSession(ctx.db, idHash);
  if (!session || session.ended_at || session.disabled) return null;
  if (now - session.last_seen_at.getTime() > SESSION_IDLE_MS || now - session.created_at.getTime() > SESSION_ABSOLUTE_MS) {
    await repo.endSession(ctx.db, idHash);
    return null;
  }
  if (now - session.last_seen_at.getTime() > TOUCH_AFTER_MS) await repo.touchSession(ctx.db, idHash);
  const orgIds = session.role === 'chef' ? await repo.scopesOf(ctx.db, ctx.municipality, 'user', session.user_id) : null;
  return {
    kind: 'user',
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
      id: null,
      name: 'lis-cli',
      displayName: 'lis (kommandolinje)',
      role: 'admin',
      orgIds: null,
      sessionId: null,
    };
  }
  const hash = sha256(secret);
  const cached = tokenCache.get(hash);
  if (cached && cached.until > Date.now()) return cached.principal;
  const principal = await tokenPrincipal(ctx, hash);
  if (tokenCache.size >= TOKEN_CACHE_SIZE) tokenCache.delete(tokenCache.keys().next().value as string);
  tokenCache.set(hash, { principal, until: Date.now() + TOKEN_CACHE_MS });
  return principal;
}

async function tokenPrincipal(ctx: AuthContext, hash: string): Promise<Principal | null> {
  const token = await repo.findActiveToken(ctx.db, hash);
  if (!token || token.municipality !== ctx.municipality) return null;
  const orgIds = token.role === 'chef' ? await repo.scopesOf(ctx.db, ctx.municipality, 'token', token.id) : null;
  return {
    kind: 'token',
    id: token.id,
    name: `token:${token.name}`,
    displayName: token.name,
    role: token.role,
    orgIds,
    sessionId: null,
  };
}

export async function logout(ctx: AuthContext, sessionId: string): Promise<void> {
  await repo.endSession(ctx.db, sha256(sessionId));
}

function equalSecrets(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}
