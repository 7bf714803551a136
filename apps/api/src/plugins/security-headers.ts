import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Helmet's headers with LIS's content security policy, and no caching of API answers (they hold
 * personal data). `upgrade-insecure-requests` only for a request that came over TLS (directly or,
 * with LIS_TRUST_PROXY, through a proxy's X-Forwarded-Proto): sent over plain HTTP it makes the
 * browser fetch the scripts over https, which fails, and the page stays blank.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  // helmet has written its headers to the raw response in its own onRequest hook, registered before this one
  app.addHook('onRequest', async (request, reply) => {
    const policy = reply.raw.getHeader('content-security-policy');
    if (request.protocol === 'https' && typeof policy === 'string')
      reply.raw.setHeader('content-security-policy', `${policy};upgrade-insecure-requests`);
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}
