import * as client from 'openid-client';
import type { OidcConfig } from '../../config.ts';
import type { Principal } from './access.ts';
import { listAccessRules } from './access-rules.repository.ts';
import { accessFromClaims, claimValues } from './access-rules.ts';
import { endSessionsOf, findUserByName } from './auth.repository.ts';
import { type AuthContext, openSession } from './auth.service.ts';
import * as repo from './oidc.repository.ts';

/** A sign-in begun at the provider must come back within this time. */
export const OIDC_LOGIN_TTL_MS = 10 * 60 * 1000;
const DISCOVERY_TIMEOUT_S = 10;
/** Claim values kept in the audit row of a person without access (enough to write a rule, not a whole directory). */
const AUDITED_VALUES = 50;
/** Claims shown to the admin when no rule exists yet: Entra ID's groups and app roles. */
const USUAL_CLAIMS = ['groups', 'roles'];
/** The claims a username comes from, best first (Entra ID's preferred_username is the UPN). */
const NAME_CLAIMS = ['preferred_username', 'email'];

/**
 * The identity provider, its metadata discovered on first need and again after a failure: a
 * provider that is down stops sign-ins through it, never LIS's start.
 */
export class OidcProvider {
  private discovered: Promise<client.Configuration> | null = null;

  constructor(readonly settings: OidcConfig) {}

  configuration(): Promise<client.Configuration> {
    if (!this.discovered) {
      const pending = this.discover();
      this.discovered = pending;
      pending.catch(() => {
        if (this.discovered === pending) this.discovered = null;
      });
    }
    return this.discovered;
  }

  private async discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret, allowHttp } = this.settings;
    const execute = allowHttp ? [client.allowInsecureRequests] : [];
    const found = await client.discovery(new URL(issuer), clientId, clientSecret, undefined, {
      execute,
      timeout: DISCOVERY_TIMEOUT_S,
    });
    // the secret in the request body where the provider offers that (as Entra ID's documentation
    // sends it), else HTTP Basic, the standard's default
    const methods = found.serverMetadata().token_endpoint_auth_methods_supported;
    const post = methods?.includes('client_secret_post') ?? false;
    const auth = post ? client.ClientSecretPost(clientSecret) : client.ClientSecretBasic(clientSecret);
    const configuration = new client.Configuration(found.serverMetadata(), clientId, clientSecret, auth);
    for (const step of execute) step(configuration);
    configuration.timeout = DISCOVERY_TIMEOUT_S;
    return configuration;
  }
}

/** Where to go after sign-in: a path on this site, never another site ("//evil.example" is one). */
export function localPath(returnTo: string | undefined): string {
  return returnTo && /^\/(?![/\\])/.test(returnTo) ? returnTo : '/';
}

/**
 * Begins a sign-in (authorization code with PKCE, state and nonce): the verifier and nonce stay
 * on the server; the browser gets the provider's address and the state for its cookie.
 */
export async function beginSignIn(ctx: AuthContext, provider: OidcProvider, returnTo: string) {
  const configuration = await provider.configuration();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: provider.settings.redirectUri,
    scope: provider.settings.scopes,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  await repo.deleteOidcLoginsBefore(ctx.db, ctx.municipality, new Date(Date.now() - OIDC_LOGIN_TTL_MS));
  await repo.insertOidcLogin(ctx.db, { state, municipality: ctx.municipality, codeVerifier, nonce, returnTo });
  return { state, url: url.href };
}

export type OidcSignIn =
  | { outcome: 'ok'; sessionId: string; principal: Principal; returnTo: string; ruleIds: number[]; subject: string }
  | {
      outcome: 'no_access';
      username: string;
      subject: string;
      claims: Record<string, string[]>;
      /** Entra ID left the groups out (over 200): no group rule can match */
      groupsOverage: boolean;
      sessionsEnded: number;
    }
  | { outcome: 'disabled'; username: string; subject: string }
  | { outcome: 'failed'; reason: string; username?: string; subject?: string };

const failed = (reason: string, who: { username?: string; subject?: string } = {}): OidcSignIn => ({
  outcome: 'failed',
  reason: reason.slice(0, 300),
  ...who,
});
/**
 * An error of openid-client in words for the audit log: its message, the one it wraps (which
 * names the claim, e.g. the nonce), and the provider's error code.
 */
function message(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { cause, error: code } = error as { cause?: unknown; error?: unknown };
  const inner = cause instanceof Error ? `: ${cause.message}` : '';
  return `${error.message}${inner}${typeof code === 'string' ? `: ${code}` : ''}`;
}

/**
 * Finishes a sign-in when the provider sends the browser back: the state must be the one this
 * browser began with and unused, the ID token must carry the nonce. The person is known by
 * issuer and subject only; their role and units come from the admin's rules at every sign-in.
 */
export async function finishSignIn(
  ctx: AuthContext,
  provider: OidcProvider,
  callback: OidcCallback,
): Promise<OidcSignIn & { municipality: string }> {
  const asDefault = (reason: string) => ({ ...failed(reason), municipality: ctx.municipality });
  if (!callback.state || callback.state !== callback.stateCookie)
    return asDefault("the state does not match the one this browser's sign-in began with");
  const pending = await repo.takeOidcLogin(ctx.db, ctx.municipalities ?? [ctx.municipality], callback.state);
  if (!pending) return asDefault('unknown or already used state');
  // the municipality the sign-in began for (a shared install): its users and access rules
  const own = { ...ctx, municipality: pending.municipality };
  return { ...(await completeSignIn(own, provider, callback, pending)), municipality: own.municipality };
}

interface OidcCallback {
  search: string;
  state: string | undefined;
  stateCookie: string | undefined;
}

async function completeSignIn(
  ctx: AuthContext,
  provider: OidcProvider,
  callback: OidcCallback,
  pending: NonNullable<Awaited<ReturnType<typeof repo.takeOidcLogin>>>,
): Promise<OidcSignIn> {
  if (Date.now() - pending.created_at.getTime() > OIDC_LOGIN_TTL_MS) return failed('the sign-in took more than 10 minutes');

  let configuration: client.Configuration;
  try {
    configuration = await provider.configuration();
  } catch (error) {
    return failed(`the identity provider cannot be reached: ${message(error)}`);
  }
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(configuration, new URL(`${provider.settings.redirectUri}${callback.search}`), {
      pkceCodeVerifier: pending.code_verifier,
      expectedState: callback.state,
      expectedNonce: pending.nonce,
    });
  } catch (error) {
    return failed(`the identity provider's answer was refused: ${message(error)}`);
  }
  const idClaims = tokens.claims();
  if (!idClaims || !tokens.id_token) return failed('the identity provider sent no ID token');

  const rules = await listAccessRules(ctx.db, ctx.municipality);
  let claims: Record<string, unknown> = idClaims;
  // Many providers put only the subject in the ID token of a code flow and the rest in userinfo
  const wanted = [...new Set(rules.map((r) => r.claim))];
  const lacking = wanted.some((claim) => !(claim in idClaims)) || !NAME_CLAIMS.some((claim) => claim in idClaims);
  if (lacking && configuration.serverMetadata().userinfo_endpoint) {
    try {
      const userinfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      claims = { ...userinfo, ...idClaims };
    } catch (error) {
      return failed(`the identity provider's userinfo failed: ${message(error)}`, { subject: idClaims.sub });
    }
  }

  const username = usernameFrom(claims);
  const who = { username, subject: idClaims.sub };
  const issuer = idClaims.iss;
  const access = accessFromClaims(rules, claims);
  const user = await repo.findOidcUser(ctx.db, ctx.municipality, issuer, idClaims.sub);
  if (user?.disabled) return { outcome: 'disabled', ...who, username: user.username };
  if (!access) {
    const sessionsEnded = user ? await endSessionsOf(ctx.db, user.id) : 0;
    const shown = rules.length > 0 ? [...new Set(rules.map((r) => r.claim))] : USUAL_CLAIMS;
    const values = Object.fromEntries(shown.map((claim) => [claim, claimValues(claims, claim).slice(0, AUDITED_VALUES)]));
    const groupsOverage =
      typeof claims._claim_names === 'object' && claims._claim_names !== null && 'groups' in claims._claim_names;
    return { outcome: 'no_access', ...who, claims: values, groupsOverage, sessionsEnded };
  }

  const displayName = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : username;
  // where notifications go: the provider's address, kept up to date at each sign-in
  const email = typeof claims.email === 'string' && claims.email.includes('@') ? claims.email.trim().slice(0, 254) : null;
  let userId: number;
  if (user) {
    userId = user.id;
    await repo.updateOidcUser(ctx.db, userId, { displayName, role: access.role, email });
  } else {
    // never take over an account by its name: a local (or another subject's) user keeps theirs
    const namesake = await findUserByName(ctx.db, ctx.municipality, username);
    if (namesake)
      return failed(`the username ${username} belongs to another ${namesake.source === 'local' ? 'local ' : ''}user`, who);
    userId = await repo.insertOidcUser(ctx.db, {
      municipality: ctx.municipality,
      username,
      displayName,
      role: access.role,
      issuer,
      subject: idClaims.sub,
      email,
    });
  }
  await repo.replaceUserScopes(ctx.db, ctx.municipality, userId, access.orgIds ?? []);
  const session = await openSession(
    ctx,
    { id: userId, username: user?.username ?? username, display_name: displayName, role: access.role },
    tokens.id_token,
  );
  return { outcome: 'ok', ...session, returnTo: pending.return_to, ruleIds: access.ruleIds, subject: idClaims.sub };
}

/** The name shown and audited: preferred_username, else email, else the subject. */
function usernameFrom(claims: Record<string, unknown>): string {
  for (const claim of [...NAME_CLAIMS, 'sub']) {
    const value = claims[claim];
    if (typeof value === 'string' && value.trim()) return value.trim().slice(0, 200);
  }
  return String(claims.sub);
}

/** The provider's logout page for an OIDC session, which returns to LIS; null when it has none or cannot be reached. */
export async function providerLogoutUrl(provider: OidcProvider, idToken: string): Promise<string | null> {
  try {
    const configuration = await provider.configuration();
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(configuration, {
      id_token_hint: idToken,
      post_logout_redirect_uri: `${provider.settings.publicUrl}/`,
    }).href;
  } catch {
    return null;
  }
}
