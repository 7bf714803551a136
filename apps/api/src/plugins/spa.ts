import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { notFoundHandler } from './errors.ts';

/**
 * Serves the built web app on the same origin as the API. Unknown paths outside /api fall back
 * to index.html so that deep links (/org/849/2016-12) work after a reload.
 *
 * Caching: the files under assets/ carry a content hash in their name (Vite), so they never change
 * and are cached for a year; everything else, index.html first, is revalidated on every load, so a
 * new version shows at once. Source maps are served only with LIS_SOURCE_MAPS=1.
 */
export async function registerSpa(app: FastifyInstance, webDist: string, options: { sourceMaps: boolean }): Promise<void> {
  if (!existsSync(join(webDist, 'index.html'))) {
    app.log.warn(`No web app at ${webDist}: run "pnpm build" to serve the dashboard`);
    app.setNotFoundHandler(notFoundHandler);
    return;
  }
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: true,
    cacheControl: false,
    allowedPath: (path) => options.sourceMaps || !path.endsWith('.map'),
    setHeaders: (reply, path) => reply.header('cache-control', cacheControlOf(relative(webDist, path))),
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method !== 'GET' || path.startsWith('/api') || path.startsWith('/health') || /\.\w+$/.test(path)) {
      return notFoundHandler(request, reply);
    }
    return reply.sendFile('index.html');
  });
}

const cacheControlOf = (file: string) => (file.startsWith(`assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
