import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ErrorResponse, GRANTS, type Permission } from '@lis/contracts';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { SESSION_COOKIE } from './auth.ts';
import { extractComponents, markShared, mergeEnums } from './openapi-schemas.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The request body by media type, for a route that reads its body itself (a stream, a
     * multipart upload): documented only, Fastify does not validate it.
     */
    documentedBody?: Record<string, object>;
  }
}

const SECURITY_SCHEMES = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      'The session of a signed-in person (POST /api/v1/auth/login). A change (POST, PUT, PATCH, DELETE) ' +
      'signed by the cookie must also send the header X-LIS-Request: 1.',
  },
  bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token of a machine (`lis token create`).' },
} as const;

/** Either scheme will do; the permission decides what the caller may then do. */
const PROTECTED_SECURITY: Record<string, string[]>[] = [{ sessionCookie: [] }, { bearerToken: [] }];

export const EXPORT_MEDIA_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The document at /api/docs/json (UI at /api/docs), made from the routes' schemas and access rules. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0', // nullable values are JSON Schema type lists, which 3.1 allows
      info: {
        title: 'LIS API',
        version: '1',
        description: 'Ledelsesinformation: feeds, indicators, budget and benchmark',
      },
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform: ({ schema, url, route }) => ({ schema: documentRoute(schema, url, route), url }),
    transformObject: (document) =>
      finishDocument(('openapiObject' in document ? document.openapiObject : {}) as Record<string, unknown>),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
}

type DocSchema = FastifySchema & Record<string, unknown>;

/** The operation of one route: id, security from its permission, and the answers every route can give. */
function documentRoute(schema: FastifySchema | undefined, url: string, route: RouteOptions): FastifySchema {
  if (!url.startsWith('/api/v1')) return schema ?? {};
  const source = (schema ?? {}) as DocSchema;
  const permission = route.config?.permission;
  const method = [route.method].flat()[0] as string;
  const doc: DocSchema = markShared({ ...source });
  doc.operationId ??= operationIdOf(method, url);
  doc.security = permission === 'public' ? [] : PROTECTED_SECURITY;
  doc['x-permission'] = permission ?? 'closed';
  if (permission && permission !== 'public') doc['x-roles'] = [...GRANTS[permission]];
  doc.description = [source.description, accessText(permission)].filter(Boolean).join('\n\n');

  const response: Record<string, unknown> = { ...((doc.response as object) ?? {}) };
  const add = (status: number, extra: object = {}) => {
    response[status] ??= { ...markShared(ErrorResponse), ...extra };
  };
  if (source.body || source.querystring || source.params || route.config?.documentedBody) add(400);
  if (permission !== 'public') {
    add(401);
    add(403);
  }
  if (route.config?.rateLimit) add(429);
  // every /api/v1 route: the embedded store answers load_in_progress during a load, any store store_unavailable, a change read_only
  add(503, { headers: { 'retry-after': { type: 'integer', description: 'seconds to wait' } } });
  for (const [status, answer] of Object.entries(response)) response[status] = documentAnswer(Number(status), answer, source);
  doc.response = response;

  if (route.config?.documentedBody) doc.body = { content: mediaTypes(markShared(route.config.documentedBody)) };
  return doc;
}

/** A 2xx answer of an export route gets its CSV and XLSX media types; a redirect its Location. */
function documentAnswer(status: number, answer: unknown, source: DocSchema): unknown {
  if (status >= 300 && status < 400)
    return {
      type: 'null',
      description: (answer as { description?: string }).description ?? 'Redirect',
      headers: { location: { type: 'string', description: 'where to go' } },
    };
  const described = answer as { description?: string; 'x-response-description'?: string };
  if (status >= 400 && !described.description && !described['x-response-description'])
    return { ...described, 'x-response-description': ERROR_MEANINGS[status] ?? 'An error' };
  if (status < 200 || status >= 300 || !exportsFiles(source) || (answer as { type?: unknown }).type === 'null') return answer;
  return {
    description: 'JSON, or with ?format=csv|xlsx the same as a file to download',
    content: {
      'application/json': { schema: answer },
      [EXPORT_MEDIA_TYPES.csv]: { schema: { type: 'string', description: 'semicolon-separated, with a header row' } },
      [EXPORT_MEDIA_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } },
    },
  };
}

const ERROR_MEANINGS: Readonly<Record<number, string>> = {
  400: 'A parameter or the body is invalid (code invalid_parameter; `parameter` names it)',
  401: 'Not signed in, or the token is unknown (code unauthenticated)',
  403: 'The role may not do this (role_forbidden), the unit is not yours (org_forbidden), or another site sent the change (cross_site_request)',
  404: 'Not found (code not_found; `parameter` names what)',
  409: 'In conflict with the current state (code conflict)',
  413: 'The body is too large (code too_large)',
  415: 'The body has a media type the route does not read (code unsupported_media_type)',
  422: 'The file was read and refused',
  429: 'Too many at once or too many attempts; see Retry-After (code too_many_requests)',
  503: 'A delivery is being loaded (load_in_progress), the database is unreachable (store_unavailable), or only the read replica answers and a change must wait (read_only); see Retry-After',
};

const exportsFiles = (schema: DocSchema) =>
  JSON.stringify((schema.querystring as { properties?: { format?: unknown } } | undefined)?.properties?.format ?? null).includes(
    '"xlsx"',
  );

const mediaTypes = (bodies: Record<string, object>) =>
  Object.fromEntries(Object.entries(bodies).map(([type, schema]) => [type, { schema }]));

function accessText(permission: Permission | 'public' | undefined): string {
  if (permission === 'public') return 'Access: public, no sign-in.';
  if (permission === undefined) return 'Access: closed (the route declares no permission).';
  const who = permission === 'session' ? 'any signed-in user' : `permission ${permission}`;
  return `Access: ${who}; roles ${GRANTS[permission].join(', ')}. Session cookie or bearer token.`;
}

/** `GET /api/v1/kpis/:kpiId/series` → getKpisByKpiIdSeries: stable, as long as the route is. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/v1\/?/, '')
    .split(/[/\-_.]+/)
    .filter(Boolean)
    .flatMap((part) => (part.startsWith(':') ? ['by', part.slice(1)] : [part]));
  return [method.toLowerCase(), ...words.map((w) => w[0]?.toUpperCase() + w.slice(1))].join('');
}

function finishDocument(document: Record<string, unknown>) {
  extractComponents(document);
  const merged = mergeEnums(document) as Record<string, unknown>;
  return { ...merged, servers: [{ url: '/', description: 'the server that serves this document' }] };
}
