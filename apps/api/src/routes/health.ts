import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Health, Readiness } from '@lis/contracts';
import { ping } from '@lis/db';
import { withTimeout } from '../lib/with-timeout.ts';

// Shorter than the health checks' own timeouts (3 s in the Dockerfile and docker-compose.yml).
const PING_TIMEOUT_MS = 2000;

/** Liveness and readiness for load balancers and compose; no authentication. */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health', { schema: { hide: true, response: { 200: Health } } }, async () => ({ status: 'ok' as const }));

  app.get('/health/ready', { schema: { hide: true, response: { 200: Readiness, 503: Readiness } } }, async (_request, reply) => {
    const { store } = app.lis;
    // A load holds the embedded store's one connection, so a ping would wait for it: the server
    // is alive and answers, which is what readiness asks.
    if (store.busy()) return { status: 'ready' as const, store: store.kind, loading: true };
    const replica = await app.lis.replica?.status();
    const replicaPart = replica ? { replica: { state: replica.replica, lagMs: replica.lagMs } } : {};
    try {
      await withTimeout(ping(store.db), PING_TIMEOUT_MS);
      return { status: 'ready' as const, store: store.kind, ...replicaPart };
    } catch {
      // Reads still answer from the replica (plugins/read-replica.ts): the server is of use, read-only.
      if (replica && !replica.primaryUp && replica.replica === 'up')
        return { status: 'read_only' as const, store: store.kind, ...replicaPart };
      return reply.status(503).send({ status: 'unavailable' as const, store: store.kind, ...replicaPart });
    }
  });
};
