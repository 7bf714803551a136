import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuthMethods, ErrorResponse, OidcCallbackQuery, OidcLoginQuery, type OidcSignInFailure } from '@lis/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OIDC_CALLBACK_PATH } from '../config.ts';
import { servedMunicipality } from '../lib/served-municipality.ts';
import { beginSignIn, finishSignIn, localPath, OIDC_LOGIN_TTL_MS, type OidcProvider } from '../modules/auth/oidc.service.ts';
import { SESSION_COOKIE } from '../plugins/auth.ts';
import { HttpError } from '../plugins/errors.ts';

/** Binds a sign-in under way to the browser that began it; sent only to the callback. */
const STATE_COOKIE = 'lis_oidc_state';

const REDIRECT = { type: 'null', description: 'Found: the Location header says where to go' } as const;
const perAddress = { max: 30, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => request.ip };
const toSignInPage = (reply: FastifyReply, reason: OidcSignInFailure) => reply.redirect(`/?login=${reason}`, 302);

/** How one signs in here, and sign-in through the municipality's identity provider (OpenID Connect). */
export const oidcRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config } = app.lis;
  const provider = (): OidcProvider => {
    if (!app.lis.oidc)
      throw new HttpError(404, 'Sign-in through an identity provider is not configured here (LIS_OIDC_ISSUER …)');
    return app.lis.oidc;
  };
  // a provider that is down is found out now, in the log, but LIS starts anyway
  app.addHook('onReady', async () => {
    app.lis.oidc?.configuration().then(
      () => app.log.info(`Identity provider ${config.oidc?.issuer} found`),
      (error: unknown) =>
        app.log.warn({ err: error }, `Identity provider ${config.oidc?.issuer} cannot be reached yet; sign-ins will retry`),
    );
  });

  app.get(
    '/auth/methods',
    {
      config: { permission: 'public' },
      schema: { tags: ['auth'], summary: 'How one can sign in here', response: { 200: AuthMethods } },
    },
    async () => ({
      local: config.localLogin,
      oidc: config.oidc ? { label: config.oidc.label } : null,
      accessContact: config.accessContact,
      // the install's own first: the sign-in page's choice until the browser remembers another
      municipalities: [config.municipality, ...config.municipalities.filter((code) => code !== config.municipality)].map(
        servedMunicipality,
      ),
    }),
  );

  app.get(
    '/auth/oidc/login',
    {
      config: { permission: 'public', rateLimit: perAddress },
      schema: {
        tags: ['auth'],
        summary: "Sign in through the identity provider: redirects to the provider's sign-in",
        querystring: OidcLoginQuery,
        response: { 302: REDIRECT, 400: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const oidc = provider();
      const { municipality = config.municipality } = request.query;
      if (!config.municipalities.includes(municipality))
        throw new HttpError(400, `LIS does not serve municipality ${municipality} here`, 'municipality');
      request.municipality = municipality;
      let begun: Awaited<ReturnType<typeof beginSignIn>>;
      try {
        begun = await beginSignIn(app.authFor(request), oidc, localPath(request.query.returnTo));
      } catch (error) {
        request.log.warn({ err: error }, 'the identity provider cannot be reached');
        await app.audit(request, {
          action: 'sign_in',
          target: null,
          outcome: 'failed',
          details: { source: 'oidc', reason: 'the identity provider cannot be reached' },
        });
        return toSignInPage(reply, 'failed');
      }
      reply.setCookie(STATE_COOKIE, begun.state, {
        path: OIDC_CALLBACK_PATH,
        httpOnly: true,
        // Lax: the provider's redirect back is a top-level navigation from another site
        sameSite: 'lax',
        secure: request.protocol === 'https',
        maxAge: OIDC_LOGIN_TTL_MS / 1000,
      });
      return reply.redirect(begun.url, 302);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: { permission: 'public', rateLimit: perAddress },
      schema: {
        tags: ['auth'],
        summary:
          'Where the identity provider sends the browser back; redirects into LIS or to the sign-in page with ?login=<reason>',
        querystring: OidcCallbackQuery,
        response: { 302: REDIRECT, 404: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const oidc = provider();
      const query = request.url.indexOf('?');
      const result = await finishSignIn(app.auth, oidc, {
        search: query >= 0 ? request.url.slice(query) : '',
        state: request.query.state,
        stateCookie: request.cookies[STATE_COOKIE],
      });
      request.municipality = result.municipality;
      reply.clearCookie(STATE_COOKIE, { path: OIDC_CALLBACK_PATH });
      const source = 'oidc';
      if (result.outcome === 'ok') {
        request.principal = result.principal;
        await app.audit(request, {
          action: 'sign_in',
          target: `user:${result.principal.name}`,
          outcome: 'ok',
          details: { source, subject: result.subject, ruleIds: result.ruleIds },
        });
        reply.setCookie(SESSION_COOKIE, result.sessionId, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: request.protocol === 'https',
        });
        return reply.redirect(localPath(result.returnTo), 302);
      }
      const target = result.username ? `user:${result.username}` : null;
      if (result.outcome === 'no_access') {
        // the claim values, so the admin can write the rule this person needs
        await app.audit(request, {
          action: 'sign_in',
          target,
          outcome: 'denied',
          details: {
            source,
            reason: result.groupsOverage
              ? 'no access rule matches; the provider left the groups out (too many): use app roles or groups assigned to the application'
              : 'no access rule matches',
            subject: result.subject,
            claims: result.claims,
            sessionsEnded: result.sessionsEnded,
          },
        });
        return toSignInPage(reply, 'no_access');
      }
      if (result.outcome === 'disabled') {
        await app.audit(request, {
          action: 'sign_in',
          target,
          outcome: 'denied',
          details: { source, reason: 'the user is disabled', subject: result.subject },
        });
        return toSignInPage(reply, 'disabled');
      }
      await app.audit(request, {
        action: 'sign_in',
        target,
        outcome: 'failed',
        details: { source, reason: result.reason, ...(result.subject ? { subject: result.subject } : {}) },
      });
      return toSignInPage(reply, 'failed');
    },
  );
};
