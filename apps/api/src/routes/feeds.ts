import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorResponse,
  FEED_NAMES,
  FeedLoadQuery,
  FeedLoadResult,
  FeedParams,
  FeedRejected,
  FeedUploadBodies,
  isFeedName,
} from '@lis/contracts';
import type { FastifyRequest } from 'fastify';
import { retireDemoUsersAfterLoad } from '../modules/demo-store/demo-store.service.ts';
import { FileRejectedError } from '../modules/ingest/errors.ts';
import { ingestFile } from '../modules/ingest/ingest.service.ts';
import { saveUpload, UploadTooLargeError, unreadableBody } from '../modules/ingest/upload.ts';
import { HttpError } from '../plugins/errors.ts';

const RAW_TYPES = [
  'text/csv',
  'application/csv',
  'text/plain',
  'application/json',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** POST /feeds/{feed}: a file as the body (CSV or JSON) or as a multipart upload. */
export const feedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config } = app.lis;
  // Bodies are streamed to a temporary file, never parsed into memory; the size limit is enforced while streaming.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(RAW_TYPES, (_request, payload, done) => done(null, payload));
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1 } });

  app.post(
    '/feeds/:feed',
    {
      bodyLimit: config.maxUploadBytes,
      config: { permission: 'feeds:write', documentedBody: FeedUploadBodies },
      schema: {
        tags: ['feeds'],
        summary: 'Load a feed file (all or nothing)',
        description: `Send the file (CSV, JSON or XLSX) as the body or as multipart/form-data (field "file"). Feeds: ${FEED_NAMES.join(', ')}.`,
        params: FeedParams,
        querystring: FeedLoadQuery,
        response: {
          200: FeedLoadResult,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          413: ErrorResponse,
          415: ErrorResponse,
          422: FeedRejected,
        },
      },
    },
    async (request, reply) => {
      const { feed } = request.params;
      if (!isFeedName(feed)) throw new HttpError(404, `Unknown feed "${feed}"; feeds are ${FEED_NAMES.join(', ')}`, 'feed');
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > config.maxUploadBytes) throw new UploadTooLargeError(config.maxUploadBytes);

      const upload = await receiveUpload(request, config.maxUploadBytes);
      try {
        const result = await ingestFile(app.lis.servedFor(request.municipality).ingest, {
          feed,
          path: upload.path,
          fileName: request.query.fileName ?? upload.fileName,
          loadedBy: request.principal?.name ?? 'api',
          role: request.principal?.role ?? null,
          ip: request.ip, // the ingestion service audits the load
        });
        await retireDemoUsersAfterLoad({ db: app.lis.store.db, municipality: request.municipality }, request.principal);
        return result;
      } catch (error) {
        if (!(error instanceof FileRejectedError)) throw error;
        return reply
          .status(422)
          .send({ error: error.message, errorCount: error.errorCount, errors: error.errors, batchId: error.batchId });
      } finally {
        await upload.remove();
      }
    },
  );
};

async function receiveUpload(request: FastifyRequest, limit: number) {
  if (request.isMultipart()) {
    const part = await request.file().catch((error) => Promise.reject(unreadableBody(error)));
    if (!part) throw new HttpError(400, 'The multipart request has no file; send it in the field "file"', 'file');
    const saved = await saveUpload(part.file, limit);
    if (part.file.truncated) {
      await saved.remove();
      throw new UploadTooLargeError(limit);
    }
    return { ...saved, fileName: part.filename || 'upload' };
  }
  if (!request.body) throw new HttpError(415, `Send the file as ${RAW_TYPES.join(', ')} or multipart/form-data`);
  return { ...(await saveUpload(request.body as NodeJS.ReadableStream, limit)), fileName: 'upload' };
}
