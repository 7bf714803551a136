import { type Static, type TSchema, Type } from 'typebox';

/** The `code` of the API's error answers; load_in_progress, store_unavailable and read_only are 503 with Retry-After. */
export const API_ERROR_CODES = [
  'invalid_parameter',
  'unauthenticated',
  'role_forbidden',
  'org_forbidden',
  'cross_site_request',
  'not_found',
  'conflict',
  'too_large',
  'unsupported_media_type',
  'too_many_requests',
  'internal',
  'load_in_progress',
  'store_unavailable',
  // a change while the primary database is down and the read replica answers reads (docs/deployment.md)
  'read_only',
  'peer_group_not_owner',
  'peer_group_limit',
  'local_login_disabled',
] as const;
export type ApiErrorCodeName = (typeof API_ERROR_CODES)[number];

/**
 * One of a closed list of strings, as `{ type: 'string', enum }`: documented as an enum, and
 * serialised as a plain string (a union of literals would be tried branch by branch).
 */
export function StringEnum<const T extends string>(values: readonly T[], options: { description?: string } = {}) {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });
}

export const ErrorResponse = Type.Object(
  {
    error: Type.String({ description: 'what went wrong, in words' }),
    statusCode: Type.Optional(Type.Integer()),
    /** the failing parameter, for 400 */
    parameter: Type.Optional(Type.String()),
    /** what happened, for programs: one of API_ERROR_CODES */
    code: Type.Optional(StringEnum(API_ERROR_CODES)),
  },
  { $id: 'ErrorResponse' },
);

/**
 * Sent as `X-LIS-Request: 1` by LIS's own pages with every request: a change signed by the
 * session cookie is accepted only with it (or a same-origin Origin), which another site's page
 * cannot send without a CORS preflight (ADR 0003).
 */
export const LIS_REQUEST_HEADER = 'x-lis-request';

/**
 * A value or null. Primitives become `type: [t, 'null']` rather than `anyOf`: the response
 * serialiser (fast-json-stringify) writes a type list directly but validates every value against
 * each branch of an anyOf, which made serialising a dashboard the largest cost of a request.
 */
export function Nullable<T extends TSchema>(schema: T) {
  const type = (schema as { type?: unknown }).type;
  if (typeof type === 'string' && type !== 'object' && type !== 'array') {
    return Type.Unsafe<Static<T> | null>({ ...schema, type: [type, 'null'] });
  }
  return Type.Union([schema, Type.Null()]);
}
