import { isStoreUnavailable } from '@lis/db';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

const CODES: Record<number, string> = {
  400: 'invalid_parameter',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  500: 'internal',
};

/** Errors reach the client as `{ error, statusCode, code, parameter? }`: never a stack trace. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.validation) {
    const first = error.validation[0];
    const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
    const parameter =
      missing ?? first?.instancePath.replace(/^\//, '').replace(/\//g, '.') ?? error.validationContext ?? 'request';
    return reply.status(400).send({
      statusCode: 400,
      code: CODES[400],
      parameter: parameter || String(error.validationContext ?? 'request'),
      error: `Invalid ${error.validationContext ?? 'request'} parameter "${parameter}": ${first?.message ?? 'invalid'}`,
    });
  }
  if (isStoreUnavailable(error)) {
    request.log.warn({ err: error }, 'the database cannot be reached');
    return reply.status(503).header('retry-after', '10').send({
      statusCode: 503,
      code: 'store_unavailable',
      error: 'The database cannot be reached right now; try again in a moment',
    });
  }
  const statusCode = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
  if (statusCode >= 500) {
    request.log.error({ err: error }, 'request failed');
    return reply
      .status(statusCode)
      .send({ statusCode, code: CODES[500], error: 'Internal error; the event is logged on the server' });
  }
  const { parameter, code } = error as { parameter?: string; code?: string };
  // Fastify's own errors carry codes like FST_ERR_…; clients get the documented ones
  const documented = code && !code.startsWith('FST_') ? code : (CODES[statusCode] ?? 'error');
  return reply
    .status(statusCode)
    .send({ statusCode, code: documented, error: error.message, ...(parameter ? { parameter } : {}) });
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return reply
    .status(404)
    .send({ statusCode: 404, code: 'not_found', error: `No route ${request.method} ${request.url.split('?')[0]}` });
}

/** An error with an HTTP status, thrown by routes and caught by the error handler. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly parameter?: string,
    readonly code?: string,
  ) {
    super(message);
  }
}
