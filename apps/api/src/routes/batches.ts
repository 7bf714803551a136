import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Batch, BatchList, BatchListQuery, BatchParams, ErrorResponse, FEED_NAMES, isFeedName } from '@lis/contracts';
import { listBatches, toBatch } from '../modules/ingest/batches.service.ts';
import { BatchNotFoundError, BatchNotRestorableError, restoreBatch } from '../modules/ingest/ingest.service.ts';
import { HttpError } from '../plugins/errors.ts';

/** The batch ledger: every delivery, its status, and restoring an earlier one. */
export const batchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/batches',
    {
      config: { permission: 'batches:read' },
      schema: {
        tags: ['feeds'],
        summary: 'The batch ledger, newest first',
        querystring: BatchListQuery,
        response: { 200: BatchList, 400: ErrorResponse },
      },
    },
    async (request) => {
      const { feed, limit } = request.query;
      if (feed !== undefined && !isFeedName(feed))
        throw new HttpError(400, `Unknown feed "${feed}"; feeds are ${FEED_NAMES.join(', ')}`, 'feed');
      return listBatches(app.lis.servedFor(request.municipality).ingest, { feed: feed ?? null, limit: limit ?? 100 });
    },
  );

  app.post(
    '/batches/:batchId/restore',
    {
      config: { permission: 'batches:restore' },
      schema: {
        tags: ['feeds'],
        summary: 'Put an earlier delivery back in effect',
        params: BatchParams,
        response: { 200: Batch, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => {
      try {
        // The ingestion service audits the restore.
        const batch = await restoreBatch(app.lis.servedFor(request.municipality).ingest, request.params.batchId, {
          name: request.principal?.name ?? 'api',
          role: request.principal?.role ?? null,
          ip: request.ip,
        });
        if (!batch) throw new BatchNotFoundError(`There is no batch ${request.params.batchId}`);
        return toBatch(batch);
      } catch (error) {
        if (error instanceof BatchNotFoundError) throw new HttpError(404, error.message, 'batchId');
        if (error instanceof BatchNotRestorableError) throw new HttpError(409, error.message, 'batchId');
        throw error;
      }
    },
  );
};
