import { LIS_REQUEST_HEADER } from '@lis/contracts';
import type { FastifyRequest } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const changesState = (request: FastifyRequest) => !SAFE_METHODS.has(request.method);

/**
 * Whether a request that a session cookie signs came from LIS's own pages (ADR 0003), not from a
 * page of another site riding on the cookie. Any one proof is enough:
 * - `X-LIS-Request: 1`: another site's page can only send a custom header after a CORS preflight,
 *   which LIS answers for LIS_CORS_ORIGINS alone;
 * - an Origin that is LIS's own or one of LIS_CORS_ORIGINS;
 * - `Sec-Fetch-Site: same-origin`, set by the browser and not by the page.
 */
export function fromOwnPages(request: FastifyRequest, allowedOrigins: readonly string[]): boolean {
  if (request.headers[LIS_REQUEST_HEADER] === '1') return true;
  const origin = request.headers.origin;
  if (origin) return origin === `${request.protocol}://${request.host}` || allowedOrigins.includes(origin);
  return request.headers['sec-fetch-site'] === 'same-origin';
}
