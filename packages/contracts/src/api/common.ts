import { Type } from 'typebox';

export const ErrorResponse = Type.Object(
  {
    error: Type.String({ description: 'what went wrong, in words' }),
    statusCode: Type.Optional(Type.Integer()),
    /** the failing parameter, for 400 */
    parameter: Type.Optional(Type.String()),
    /**
     * what happened, for programs: invalid_parameter, unauthenticated, role_forbidden,
     * org_forbidden, not_found, conflict, too_large, unsupported_media_type, too_many_requests, internal
     */
    code: Type.Optional(Type.String()),
  },
  { $id: 'ErrorResponse' },
);

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
