import {
  ACCESS_RULE_CLAIM_PATTERN,
  ACCESS_RULE_VALUE_MAX_LENGTH,
  type AccessRuleBody,
  hasUnits,
  type UserSummary,
} from '@lis/contracts';
import { deleteAccessRule, insertAccessRule, listAccessRules } from './access-rules.repository.ts';
import type { AccessRule } from './access-rules.ts';
import * as repo from './auth.repository.ts';
import {
  AccessSetupError,
  type Actor,
  type AuthContext,
  checkScope,
  disableUser,
  enableUser,
  endUserSessions,
  resetPassword,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
} from './auth.service.ts';
import { passwordProblem } from './password-policy.ts';
import { listUserRows, openSessionCounts, userScopes } from './users.repository.ts';

/** Why an admin's change is refused: bad input, no such user or rule, or a change that may not be made. */
export class UserAdminError extends AccessSetupError {
  constructor(
    readonly kind: 'invalid' | 'not_found' | 'conflict',
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

/** Every user with role, units, source, last sign-in and the sessions still open, by username. */
export async function listUsers(ctx: AuthContext, now = Date.now()): Promise<UserSummary[]> {
  const users = await listUserRows(ctx.db, ctx.municipality);
  // the limits principalFromSession applies: an idle or too old session no longer opens anything
  const open = await openSessionCounts(
    ctx.db,
    ctx.municipality,
    new Date(now - SESSION_IDLE_MS),
    new Date(now - SESSION_ABSOLUTE_MS),
  );
  const units = await userScopes(ctx.db, ctx.municipality);
  return users
    .map((u) => ({
      username: u.username,
      displayName: u.display_name,
      role: u.role,
      orgIds: hasUnits(u.role) ? (units.get(u.id) ?? []) : null,
      source: u.source,
      disabled: u.disabled,
      lastSignInAt: u.last_sign_in_at ? new Date(u.last_sign_in_at).toISOString() : null,
      activeSessions: open.get(u.id) ?? 0,
      createdAt: new Date(u.created_at).toISOString(),
    }))
    .sort((a, b) => a.username.localeCompare(b.username, 'da'));
}

async function knownUser(ctx: AuthContext, username: string) {
  const user = await repo.findUserByName(ctx.db, ctx.municipality, username);
  if (!user) throw new UserAdminError('not_found', `There is no user named ${username}`, 'username');
  return user;
}

/** An admin locking themselves out by a click would leave the municipality to the CLI. */
function refuseSelf(actor: Actor, username: string, what: string) {
  if (actor.name.toLowerCase() === username.toLowerCase())
    throw new UserAdminError('conflict', `You cannot ${what} yourself here: ask another admin, or use the lis command`);
}

export async function disableUserAsAdmin(ctx: AuthContext, username: string, actor: Actor): Promise<number> {
  const user = await knownUser(ctx, username);
  refuseSelf(actor, user.username, 'disable');
  return disableUser(ctx, user.username, actor);
}

export async function enableUserAsAdmin(ctx: AuthContext, username: string, actor: Actor): Promise<void> {
  const user = await knownUser(ctx, username);
  await enableUser(ctx, user.username, actor);
}

export async function endSessionsAsAdmin(ctx: AuthContext, username: string, actor: Actor): Promise<number> {
  const user = await knownUser(ctx, username);
  refuseSelf(actor, user.username, 'end the sessions of');
  return endUserSessions(ctx, user.username, actor);
}

/** Only a local user has a LIS password; an OIDC user's is the municipality's business. */
export async function resetPasswordAsAdmin(ctx: AuthContext, username: string, password: string, actor: Actor) {
  const user = await knownUser(ctx, username);
  if (user.source !== 'local')
    throw new UserAdminError(
      'conflict',
      `${user.username} signs in through the municipality's identity provider: adgangskoden styres af kommunens login`,
    );
  const problem = passwordProblem(password, user.username);
  if (problem) throw new UserAdminError('invalid', problem, 'password');
  return resetPassword(ctx, user.username, password, actor);
}

const CLAIM = new RegExp(ACCESS_RULE_CLAIM_PATTERN);

/** Checks a new rule as the API's schema does (the CLI has no schema) and that its units exist. */
async function checkRule(ctx: AuthContext, rule: AccessRuleBody) {
  if (!CLAIM.test(rule.claim))
    throw new UserAdminError('invalid', 'A claim is a claim name: 1–100 letters, digits, "_", ".", ":", "/" or "-"', 'claim');
  if (rule.value.trim() === '' || rule.value.length > ACCESS_RULE_VALUE_MAX_LENGTH)
    throw new UserAdminError('invalid', `A value is 1–${ACCESS_RULE_VALUE_MAX_LENGTH} characters, not only spaces`, 'value');
  try {
    await checkScope(ctx, rule.role, rule.orgIds);
  } catch (error) {
    if (error instanceof AccessSetupError) throw new UserAdminError('invalid', error.message, 'orgIds');
    throw error;
  }
}

export const listRules = (ctx: AuthContext): Promise<AccessRule[]> => listAccessRules(ctx.db, ctx.municipality);

const auditRule = (ctx: AuthContext, actor: Actor, action: string, rule: AccessRule) =>
  repo.insertAudit(ctx.db, {
    municipality: ctx.municipality,
    actor: actor.name,
    role: actor.role ?? null,
    action,
    target: `access_rule:${rule.id}`,
    outcome: 'ok',
    ip: actor.ip ?? null,
    details: { claim: rule.claim, value: rule.value, role: rule.role, orgIds: rule.orgIds },
  });

export async function addAccessRule(ctx: AuthContext, body: AccessRuleBody, actor: Actor): Promise<AccessRule> {
  await checkRule(ctx, body);
  const existing = await listRules(ctx);
  if (existing.some((r) => r.claim === body.claim && r.value === body.value))
    throw new UserAdminError('conflict', `There is already a rule for ${body.claim} = ${body.value}`, 'value');
  const orgIds = [...new Set(body.orgIds)].sort();
  const rule = { claim: body.claim, value: body.value, role: body.role, orgIds, note: body.note?.trim() || null };
  const id = await insertAccessRule(ctx.db, ctx.municipality, { ...rule, createdBy: actor.name });
  await auditRule(ctx, actor, 'access_rule_add', { id, ...rule });
  return { id, ...rule };
}

export async function removeAccessRule(ctx: AuthContext, id: number, actor: Actor): Promise<AccessRule> {
  const removed = await deleteAccessRule(ctx.db, ctx.municipality, id);
  if (!removed) throw new UserAdminError('not_found', `There is no access rule ${id}`, 'id');
  await auditRule(ctx, actor, 'access_rule_remove', removed);
  return removed;
}
