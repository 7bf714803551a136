import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, Matrix, MatrixQuery } from '@lis/contracts';
import { findKpi } from '@lis/domain';
import { NotFoundError } from '../lib/read-context.ts';
import { listExplanations } from '../modules/explanations/explanations.service.ts';
import { matrixTable } from '../modules/export/matrix.export.ts';
import { matrix } from '../modules/kpi/matrix.service.ts';
import { getOrg } from '../modules/org/org.service.ts';
import { HttpError } from '../plugins/errors.ts';
import { claimExportSlot, respond } from './export-reply.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse };
const PERSONAL_LEVELS = new Set(['afdeling', 'enhed']);

/** A unit and its children × the KPIs (JSON, CSV, XLSX), read and judged as the dashboard and breakdown are. */
export const matrixRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('preHandler', app.chooseReadSource);
  app.addHook('preHandler', claimExportSlot);

  app.get(
    '/matrix',
    {
      config: { permission: 'kpi:read' },
      schema: {
        tags: ['indicators'],
        summary: 'A unit and its child units (rows) × the KPIs grouped by theme (columns) for a month',
        description:
          'Rows: the unit itself first, then the children in the month’s tree that the caller may see. Columns: the KPIs shown for every row. ' +
          'Each cell has the value, target and status as the dashboard and breakdown give them; a suppressed cell has no value and says why.',
        querystring: MatrixQuery,
        response: { 200: Matrix, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = app.readContext(request);
      const org = await getOrg(ctx, request.query.org).catch((error: unknown) => {
        if (error instanceof NotFoundError) throw new HttpError(404, error.message, error.parameter);
        throw error;
      });
      await app.assertCanRead(request, org.id);
      const explainedIn = async (orgIds: string[], period: string) =>
        new Set((await listExplanations(ctx, { orgIds, period })).map((e) => `${e.kpiId}|${e.orgId}`));
      const result = await matrix(ctx, org, request.query.period ?? null, await app.visibleOrgs(request), explainedIn);
      // Sick leave below forvaltning level is personal data: record who looked, as the indicator routes do.
      const sickLeave = result.themes.some((theme) => theme.kpiIds.some((id) => findKpi(id)?.personalData));
      if (sickLeave && result.rows.some((row) => PERSONAL_LEVELS.has(row.org.level))) {
        await app.audit(request, { action: 'view_sick_leave', target: `org:${org.id}`, outcome: 'ok' });
      }
      return respond(app, request, reply, request.query.format, result, `lis-matrix-${org.id}-${result.period}`, matrixTable);
    },
  );
};
