import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Health, Readiness } from '@lis/contracts';
import { ping } from '@lis/db';

/** Liveness and readiness for load balancers and compose; no authentication. */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health', { schema: { hide: true, response: { 200: Health } } }, async () => ({ status: 'ok' as const }));

  app.get('/health/ready', { schema: { hide: true, response: { 200: Readiness, 503: Readiness } } }, async (_request, reply) => {
    const { store } = app.lis;
    try {
      await ping(store.db);
      return { status: 'ready' as const, store: store.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable' as const, store: store.kind });
    }
  });
};
