import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../modules/auth/auth.service.ts';
import { UserAdminError } from '../modules/auth/users.service.ts';
import { HttpError } from '../plugins/errors.ts';

const STATUS = { invalid: 400, not_found: 404, conflict: 409 } as const;
const CODE = { invalid: 'invalid_parameter', not_found: 'not_found', conflict: 'conflict' } as const;

/** The admin behind the request, for the audit log. */
export const adminActor = (request: FastifyRequest): Actor => ({
  name: request.principal?.name ?? 'anonymous',
  role: request.principal?.role ?? null,
  ip: request.ip,
});

/** A refused change as the HTTP answer its kind means; anything else goes on as it was. */
export function asHttp(error: unknown): never {
  if (error instanceof UserAdminError) throw new HttpError(STATUS[error.kind], error.message, error.parameter, CODE[error.kind]);
  throw error;
}

/** 204 with no body at all (a documented 204 has no content; `send(null)` would write "null"). */
export const noContent = (reply: FastifyReply) => reply.code(204).send();
