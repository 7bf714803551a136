import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditList, AuditQuery, ErrorResponse, LoginBody, LogoutResult, Me } from '@lis/contracts';
import type { FastifyRequest } from 'fastify';
import { servedMunicipality } from '../lib/served-municipality.ts';
import type { Principal } from '../modules/auth/access.ts';
import { auditLog } from '../modules/auth/audit.service.ts';
import { logout, signIn } from '../modules/auth/auth.service.ts';
import { providerLogoutUrl } from '../modules/auth/oidc.service.ts';
import { SESSION_COOKIE } from '../plugins/auth.ts';
import { HttpError } from '../plugins/errors.ts';

/** The caller; home is a chef's first unit, else the kommune. */
const toMe = (p: Principal, root: string | null) => ({
  username: p.name,
  displayName: p.displayName,
  role: p.role,
  orgIds: p.orgIds,
  homeOrgId: p.orgIds?.[0] ?? root,
  municipality: servedMunicipality(p.municipality),
});

/** A name as typed, fit for the audit log: control characters (a NUL byte, which PostgreSQL refuses) replaced. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const printable = (name: string) => name.replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');

/**
 * Sign-in attempts from one address a minute. Guessing at one account is stopped by the
 * per-account back-off; this stops spraying many accounts. Not lower: a town hall's leaders often
 * reach LIS from one NAT address, and they sign in around the same morning hour.
 */
export const SIGN_INS_PER_ADDRESS_PER_MINUTE = 30;

/** Sign-in with username and password (a server-side session in an httpOnly cookie), sign-out, who am I, audit. */
export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/auth/login',
    {
      config: {
        permission: 'public',
        rateLimit: {
          max: SIGN_INS_PER_ADDRESS_PER_MINUTE,
          timeWindow: '1 minute',
          keyGenerator: (request: FastifyRequest) => request.ip,
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in',
        body: LoginBody,
        response: { 200: Me, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { username, password, municipality = app.lis.config.municipality } = request.body;
      if (!app.lis.config.municipalities.includes(municipality))
        throw new HttpError(400, `LIS does not serve municipality ${municipality} here`, 'municipality');
      request.municipality = municipality;
      const target = `user:${printable(username)}`;
      if (!app.lis.config.localLogin) {
        await app.audit(request, { action: 'sign_in', target, outcome: 'denied', details: { reason: 'local sign-in is off' } });
        throw new HttpError(
          403,
          'Sign-in with a LIS password is turned off here (LIS_LOCAL_LOGIN=0): sign in through the identity provider',
          undefined,
          'local_login_disabled',
        );
      }
      const result = await signIn(app.authFor(request), username, password);
      if (result.outcome === 'wait') {
        await app.audit(request, { action: 'sign_in', target, outcome: 'denied', details: { retryAfter: result.seconds } });
        const minutes = Math.ceil(result.seconds / 60);
        return reply
          .status(429)
          .header('retry-after', String(result.seconds))
          .send({
            statusCode: 429,
            code: 'too_many_requests',
            error: `Too many failed sign-ins for this user; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
          });
      }
      if (result.outcome === 'wrong') {
        await app.audit(request, { action: 'sign_in', target, outcome: 'failed' });
        throw new HttpError(401, 'Wrong username or password');
      }
      request.principal = result.principal;
      await app.audit(request, { action: 'sign_in', target: `user:${result.principal.name}`, outcome: 'ok' });
      reply.setCookie(SESSION_COOKIE, result.sessionId, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        // over TLS, directly or through a trusted proxy (LIS_TRUST_PROXY)
        secure: request.protocol === 'https',
      });
      return toMe(result.principal, await app.rootOrgId(request));
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['auth'],
        summary: "Sign out of LIS; for a session through the identity provider, also the address of the provider's logout",
        response: { 200: LogoutResult, 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      const sessionId = request.principal?.sessionId;
      const idToken = sessionId ? await logout(app.authFor(request), sessionId) : null;
      await app.audit(request, { action: 'sign_out', target: null, outcome: 'ok' });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      const oidc = app.lis.oidc;
      return { providerLogoutUrl: idToken && oidc ? await providerLogoutUrl(oidc, idToken) : null };
    },
  );

  app.get(
    '/auth/me',
    {
      config: { permission: 'session' },
      schema: { tags: ['auth'], summary: 'The caller', response: { 200: Me, 401: ErrorResponse } },
    },
    async (request) => toMe(request.principal as Principal, await app.rootOrgId(request)),
  );

  app.get(
    '/audit',
    {
      config: { permission: 'audit:read' },
      schema: { tags: ['auth'], summary: 'The audit log, newest first', querystring: AuditQuery, response: { 200: AuditList } },
    },
    async (request) => {
      const rows = await auditLog(
        app.lis.store.db,
        request.municipality,
        request.query.limit ?? 200,
        request.query.action ?? null,
      );
      return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
    },
  );
};
