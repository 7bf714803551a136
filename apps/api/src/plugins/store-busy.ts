import type { Store } from '@lis/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';

// A short transaction (a few ms) is waited for; a load's (seconds to minutes) is not.
const WAIT_FOR_SHORT_TRANSACTION_MS = 250;
const RETRY_AFTER_SECONDS = 5;

/**
 * The embedded store has one connection, and a load holds it in its transaction until the load is
 * done (ADR 0008). API requests that come meanwhile are answered at once with 503
 * load_in_progress instead of waiting for the whole load; a feed upload waits its turn (one load
 * at a time), and /health and the web app's files are not touched. On PostgreSQL the store is
 * never busy: readers have connections of their own. Register before the auth hook, which reads
 * the store.
 */
export function registerStoreBusy(app: FastifyInstance, store: Store) {
  app.addHook('onRequest', async (request, reply) => {
    if (!store.busy() || !request.url.startsWith('/api/v1/') || isFeedUpload(request)) return;
    if (await idleWithin(store, WAIT_FOR_SHORT_TRANSACTION_MS)) return;
    return reply.status(503).header('retry-after', String(RETRY_AFTER_SECONDS)).send({
      statusCode: 503,
      code: 'load_in_progress',
      error: 'A delivery is being loaded; try again in a moment',
    });
  });
}

const isFeedUpload = (request: FastifyRequest) => request.method === 'POST' && request.routeOptions.url === '/api/v1/feeds/:feed';

async function idleWithin(store: Store, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((done) => {
    timer = setTimeout(() => done(false), ms);
  });
  const idle = await Promise.race([store.idle().then(() => true as const), timeout]);
  clearTimeout(timer);
  return idle;
}
