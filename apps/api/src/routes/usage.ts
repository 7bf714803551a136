import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, PageViewBody, PageViewRecorded, UsageQuery, UsageReport } from '@lis/contracts';
import type { FastifyRequest } from 'fastify';
import { recordPageView, UsageSpanError, usageReport, usageSpan } from '../modules/usage/usage.service.ts';
import { HttpError } from '../plugins/errors.ts';

const denied = { 401: ErrorResponse, 403: ErrorResponse };

/** The page "Anvendelse": page views reported by the web app, and the counts per forvaltning and month. */
export const usageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => ({ db: app.lis.store.db, municipality: request.municipality });

  app.post(
    '/usage/page-view',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['usage'],
        summary: 'The web app shows a page: records its kind for the signed-in person (no address or query; once a minute)',
        body: PageViewBody,
        response: { 200: PageViewRecorded, 400: ErrorResponse, ...denied },
      },
    },
    async (request) => {
      const principal = request.principal;
      // people's use only: an API token or the local command is no page view
      if (principal?.kind !== 'user' || principal.id === null || principal.sessionId === null) return { recorded: false };
      await recordPageView(ctx(request), principal.id, request.body.page);
      return { recorded: true };
    },
  );

  app.get(
    '/usage',
    {
      config: { permission: 'usage:read' },
      schema: {
        tags: ['usage'],
        summary: 'Active users, sign-ins and page views per forvaltning and month (default: the last twelve months)',
        querystring: UsageQuery,
        response: { 200: UsageReport, 400: ErrorResponse, ...denied },
      },
    },
    async (request) => {
      let span: { from: string; to: string };
      try {
        span = usageSpan(request.query);
      } catch (error) {
        if (error instanceof UsageSpanError) throw new HttpError(400, error.message, 'from', 'invalid_parameter');
        throw error;
      }
      return usageReport(ctx(request), span);
    },
  );
};
