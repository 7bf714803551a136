import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { notFoundHandler } from './errors.ts';

/**
 * Serves the built web app on the same origin as the API. Unknown paths outside /api fall back
 * to index.html so that deep links (/org/849/2016-12) work after a reload.
 */
export async function registerSpa(app: FastifyInstance, webDist: string): Promise<void> {
  if (!existsSync(join(webDist, 'index.html'))) {
    app.log.warn(`No web app at ${webDist}: run "pnpm build" to serve the dashboard`);
    app.setNotFoundHandler(notFoundHandler);
    return;
  }
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart
  await app.register(fastifyStatic, { root: webDist, wildcard: true, maxAge: '1h', immutable: false });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method !== 'GET' || path.startsWith('/api') || path.startsWith('/health') || /\.\w+$/.test(path)) {
      return notFoundHandler(request, reply);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
