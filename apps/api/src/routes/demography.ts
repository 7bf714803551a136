import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Demography, DemographyPressure, DemographyQuery, ErrorResponse } from '@lis/contracts';
import type { FastifyRequest } from 'fastify';
import { DemographyRequestError, demography, demographyPressure } from '../modules/demography/demography.service.ts';
import { populationSheet, pressureSheets } from '../modules/export/demography.export.ts';
import { HttpError } from '../plugins/errors.ts';
import { claimExportSlot, respond } from './export-reply.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
/** Population and the pressure are kommune totals, like the benchmark: every reader of figures sees them (docs/demography.md). */
const read = { permission: 'demography:read' as const };

/** The demography page: population by band and the demographic pressure per area (read-only). */
export const demographyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('preHandler', app.chooseReadSource);
  app.addHook('preHandler', claimExportSlot);
  const ctx = (request: FastifyRequest) => app.readContext(request);
  const asHttp = (error: unknown): never => {
    if (error instanceof DemographyRequestError) throw new HttpError(400, error.message, error.parameter);
    throw error;
  };

  app.get(
    '/demography',
    {
      config: read,
      schema: {
        tags: ['demography'],
        summary: 'Population by age band, actual and forecast, to the budget year + 3, with the change against the current year',
        querystring: DemographyQuery,
        response: { 200: Demography, ...errors },
      },
    },
    async (request, reply) => {
      const result = await demography(ctx(request), request.query.vintage ?? null).catch(asHttp);
      return respond(
        app,
        request,
        reply,
        request.query.format,
        result,
        `befolkning-${result.vintage ?? 'faktisk'}`,
        populationSheet,
      );
    },
  );

  app.get(
    '/demography/pressure',
    {
      config: read,
      schema: {
        tags: ['demography'],
        summary: 'Demographic pressure per area and year at own and benchmark unit cost, beside the budget, with the inputs',
        querystring: DemographyQuery,
        response: { 200: DemographyPressure, ...errors },
      },
    },
    async (request, reply) => {
      const vintage = request.query.vintage ?? null;
      const result = await demographyPressure(ctx(request), vintage).catch(asHttp);
      const { format } = request.query;
      if (format === undefined || format === 'json') return result;
      const population = await demography(ctx(request), vintage);
      return respond(app, request, reply, format, result, `demografisk-pres-${result.vintage ?? 'faktisk'}`, (r) =>
        pressureSheets(r, population),
      );
    },
  );
};
