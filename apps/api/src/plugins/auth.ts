import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { LIS_REQUEST_HEADER, type Permission } from '@lis/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, type Principal } from '../modules/auth/access.ts';
import { type AuditEvent, insertAudit } from '../modules/auth/auth.repository.ts';
import { type AuthContext, principalFromSession, principalFromToken } from '../modules/auth/auth.service.ts';
import { rootOrgId, visibleUnits } from '../modules/org/org.service.ts';
import { HttpError } from './errors.ts';
import { changesState, fromOwnPages } from './request-origin.ts';

export const SESSION_COOKIE = 'lis_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** whose data the request reads and writes: the caller's municipality, else the install's first (LIS_MUNICIPALITY) */
    municipality: string;
  }
  interface FastifyContextConfig {
    /** what the route needs; 'public' routes need nobody. Every /api route must say. */
    permission?: Permission | 'public';
  }
  interface FastifyInstance {
    auth: AuthContext;
    /** The auth context acting for the request's municipality (its users, tokens and access rules). */
    authFor(request: FastifyRequest): AuthContext;
    /** every route with its access rule (HEAD and OPTIONS left out), e.g. for the authorization matrix test */
    routeList: RouteEntry[];
    audit(
      request: FastifyRequest,
      event: Pick<AuditEvent, 'action' | 'target' | 'outcome'> & { details?: Record<string, unknown> },
    ): Promise<void>;
    /** Throws 403 (and logs it) unless the caller may read the unit. */
    assertCanRead(request: FastifyRequest, orgId: string): Promise<void>;
    /** The units the caller may read; null = all. Looked up once per request, however many checks ask. */
    visibleOrgs(request: FastifyRequest): Promise<ReadonlySet<string> | null>;
    /** The kommune's root unit, read where the request reads (plugins/read-replica.ts). */
    rootOrgId(request: FastifyRequest): Promise<string | null>;
  }
}

interface RouteEntry {
  method: string;
  url: string;
  permission: Permission | 'public' | undefined;
}

/** Keeps `app.routeList`; call it before any route is added. */
export function recordRoutes(app: FastifyInstance): void {
  const routeList: RouteEntry[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD' && method !== 'OPTIONS')
        routeList.push({ method, url: route.url, permission: route.config?.permission });
  });
}

/**
 * Who asks, and may they: a session cookie (people) or a bearer token (machines, the local CLI).
 * Every /api route declares a permission in its config; a route that forgets is refused.
 * Both are decided when the request arrives, before its body is read or its input validated,
 * so an anonymous caller learns nothing about a route but 401.
 */
export async function registerAuth(
  app: FastifyInstance,
  auth: AuthContext,
  options: { allowedOrigins: readonly string[] },
): Promise<void> {
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  app.decorate('auth', auth);
  app.decorate('authFor', (request: FastifyRequest) =>
    request.municipality === auth.municipality ? auth : { ...auth, municipality: request.municipality },
  );
  app.decorateRequest('principal', null);
  app.decorateRequest('municipality', auth.municipality);

  app.decorate(
    'audit',
    async (
      request: FastifyRequest,
      event: Pick<AuditEvent, 'action' | 'target' | 'outcome'> & { details?: Record<string, unknown> },
    ) => {
      await insertAudit(auth.db, {
        municipality: request.municipality,
        actor: request.principal?.name ?? 'anonymous',
        role: request.principal?.role ?? null,
        ip: request.ip,
        details: event.details ?? null,
        ...event,
      });
    },
  );

  app.decorate('rootOrgId', (request: FastifyRequest) => rootOrgId(app.readContext(request).db, request.municipality));

  const visibleByRequest = new WeakMap<FastifyRequest, Promise<ReadonlySet<string> | null>>();
  app.decorate('visibleOrgs', (request: FastifyRequest) => {
    const principal = request.principal;
    if (!principal) return Promise.resolve(new Set<string>());
    let visible = visibleByRequest.get(request);
    if (!visible) {
      visible = visibleUnits(app.readContext(request), principal.orgIds);
      visibleByRequest.set(request, visible);
    }
    return visible;
  });

  app.decorate('assertCanRead', async (request: FastifyRequest, orgId: string) => {
    const visible = await app.visibleOrgs(request);
    if (visible === null || visible.has(orgId)) return;
    await app.audit(request, { action: 'read', target: `org:${orgId}`, outcome: 'denied' });
    throw new HttpError(403, `You may not see org unit ${orgId}`, 'org', 'org_forbidden');
  });

  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    // While the primary is down, sessions and tokens are checked on the replica (plugins/read-replica.ts).
    const who = request.readOnly && request.readDb ? { ...auth, db: request.readDb, readOnly: true } : auth;
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      request.principal = await principalFromToken(who, header.slice(7).trim());
      if (request.principal) request.municipality = request.principal.municipality;
      return authorize(request);
    }
    const session = request.cookies[SESSION_COOKIE];
    if (session) request.principal = await principalFromSession(who, session);
    if (request.principal) request.municipality = request.principal.municipality;
    // A cookie travels with requests other sites make: a change needs proof that LIS's pages sent it.
    if (request.principal && changesState(request) && !fromOwnPages(request, options.allowedOrigins)) {
      await app.audit(request, {
        action: 'cross_site_request',
        target: `${request.method} ${request.url.slice(0, 200)}`,
        outcome: 'denied',
      });
      throw new HttpError(
        403,
        `A signed-in change must come from LIS's own pages (send the header ${LIS_REQUEST_HEADER}: 1)`,
        undefined,
        'cross_site_request',
      );
    }
    return authorize(request);
  });

  async function authorize(request: FastifyRequest) {
    const permission = request.routeOptions.config.permission;
    const url = request.routeOptions.url ?? '';
    if (permission === 'public' || (permission === undefined && !url.startsWith('/api/v1'))) return;
    if (permission === undefined) throw new HttpError(403, 'This route has no access rule and is closed');
    if (!request.principal) throw new HttpError(401, 'Sign in first (or send an API token as Authorization: Bearer …)');
    if (!can(request.principal, permission)) {
      await app.audit(request, { action: permission, target: `${request.method} ${url}`, outcome: 'denied' });
      throw new HttpError(403, `The role ${request.principal.role} may not do this (${permission})`, undefined, 'role_forbidden');
    }
  }
}
