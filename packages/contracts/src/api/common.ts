import { type Static, type TSchema, Type } from 'typebox';

export const ErrorResponse = Type.Object(
  {
    error: Type.String({ description: 'what went wrong, in words' }),
    statusCode: Type.Optional(Type.Integer()),
    /** the failing parameter, for 400 */
    parameter: Type.Optional(Type.String()),
    /**
     * what happened, for programs: invalid_parameter, unauthenticated, role_forbidden,
     * org_forbidden, not_found, conflict, too_large, unsupported_media_type, too_many_requests, internal,
     * load_in_progress and store_unavailable (503, with Retry-After)
     */
    code: Type.Optional(Type.String()),
  },
  { $id: 'ErrorResponse' },
);

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
