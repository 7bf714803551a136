import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** Errors reach the client as `{ error, statusCode, parameter? }`: never a stack trace. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.validation) {
    const first = error.validation[0];
    const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
    const parameter =
      missing ?? first?.instancePath.replace(/^\//, '').replace(/\//g, '.') ?? error.validationContext ?? 'request';
    return reply.status(400).send({
      statusCode: 400,
      parameter: parameter || String(error.validationContext ?? 'request'),
      error: `Invalid ${error.validationContext ?? 'request'} parameter "${parameter}": ${first?.message ?? 'invalid'}`,
    });
  }
  const statusCode = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
  if (statusCode >= 500) {
    request.log.error({ err: error }, 'request failed');
    return reply.status(statusCode).send({ statusCode, error: 'Internal error; the event is logged on the server' });
  }
  const parameter = (error as { parameter?: string }).parameter;
  return reply.status(statusCode).send({ statusCode, error: error.message, ...(parameter ? { parameter } : {}) });
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return reply.status(404).send({ statusCode: 404, error: `No route ${request.method} ${request.url.split('?')[0]}` });
}

/** An error with an HTTP status, thrown by routes and caught by the error handler. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}
