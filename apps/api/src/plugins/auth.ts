import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, type Permission, type Principal } from '../modules/auth/access.ts';
import { type AuditEvent, insertAudit, subtreeOf } from '../modules/auth/auth.repository.ts';
import { type AuthContext, principalFromSession, principalFromToken } from '../modules/auth/auth.service.ts';
import { rootOrgId } from '../modules/kpi/indicators.repository.ts';
import { HttpError } from './errors.ts';

export const SESSION_COOKIE = 'lis_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** what the route needs; 'public' routes need nobody. Every /api route must say. */
    permission?: Permission | 'public';
  }
  interface FastifyInstance {
    auth: AuthContext;
    audit(
      request: FastifyRequest,
      event: Pick<AuditEvent, 'action' | 'target' | 'outcome'> & { details?: Record<string, unknown> },
    ): Promise<void>;
    /** Throws 403 (and logs it) unless the caller may read the unit. */
    assertCanRead(request: FastifyRequest, orgId: string): Promise<void>;
    /** The units the caller may read; null = all. */
    visibleOrgs(request: FastifyRequest): Promise<Set<string> | null>;
    rootOrgId(): Promise<string | null>;
  }
}

/**
 * Who asks, and may they: a session cookie (people) or a bearer token (machines, the local CLI).
 * Every /api route declares a permission in its config; a route that forgets is refused.
 */
export async function registerAuth(app: FastifyInstance, auth: AuthContext): Promise<void> {
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  app.decorate('auth', auth);
  app.decorateRequest('principal', null);

  app.decorate(
    'audit',
    async (
      request: FastifyRequest,
      event: Pick<AuditEvent, 'action' | 'target' | 'outcome'> & { details?: Record<string, unknown> },
    ) => {
      await insertAudit(auth.db, {
        municipality: auth.municipality,
        actor: request.principal?.name ?? 'anonymous',
        role: request.principal?.role ?? null,
        ip: request.ip,
        details: event.details ?? null,
        ...event,
      });
    },
  );

  app.decorate('rootOrgId', () => rootOrgId(auth.db, auth.municipality));

  app.decorate('visibleOrgs', async (request: FastifyRequest) => {
    const principal = request.principal;
    if (!principal) return new Set<string>();
    if (principal.orgIds === null) return null;
    // A chef reads the subtrees of their units and, for context, the kommune's totals.
    const visible = await subtreeOf(auth.db, auth.municipality, principal.orgIds);
    const root = await app.rootOrgId();
    if (root) visible.add(root);
    return visible;
  });

  app.decorate('assertCanRead', async (request: FastifyRequest, orgId: string) => {
    const visible = await app.visibleOrgs(request);
    if (visible === null || visible.has(orgId)) return;
    await app.audit(request, { action: 'read', target: `org:${orgId}`, outcome: 'denied' });
    throw new HttpError(403, `You may not see org unit ${orgId}`, 'org', 'org_forbidden');
  });

  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) request.principal = await principalFromToken(auth, header.slice(7).trim());
    else {
      const session = request.cookies[SESSION_COOKIE];
      if (session) request.principal = await principalFromSession(auth, session);
    }
  });

  app.addHook('preHandler', async (request: FastifyRequest, _reply: FastifyReply) => {
    const permission = request.routeOptions.config.permission;
    const url = request.routeOptions.url ?? '';
    if (permission === 'public' || (permission === undefined && !url.startsWith('/api/v1'))) return;
    if (permission === undefined) throw new HttpError(403, 'This route has no access rule and is closed');
    if (!request.principal) throw new HttpError(401, 'Sign in first (or send an API token as Authorization: Bearer …)');
    if (!can(request.principal, permission)) {
      await app.audit(request, { action: permission, target: `${request.method} ${url}`, outcome: 'denied' });
      throw new HttpError(403, `The role ${request.principal.role} may not do this (${permission})`, undefined, 'role_forbidden');
    }
  });
}
