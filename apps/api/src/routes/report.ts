import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, REPORT_MEDIA_TYPE, ReportPdf, ReportQuery, reportFileName } from '@lis/contracts';
import { findKpi } from '@lis/domain';
import type { FastifyReply } from 'fastify';
import { NotFoundError } from '../lib/read-context.ts';
import { getOrg } from '../modules/org/org.service.ts';
import { renderReportPdf } from '../modules/report/report.pdf.ts';
import { reportData } from '../modules/report/report.service.ts';
import { HttpError } from '../plugins/errors.ts';
import { takeSlot } from './export-reply.ts';

const PERSONAL_LEVELS = new Set(['afdeling', 'enhed']);
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse };

/** The month's report of a unit as a PDF for the direktion's meeting (issue 11, docs/report.md). */
export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('preHandler', app.chooseReadSource);
  app.get(
    '/report',
    {
      config: { permission: 'kpi:read' },
      schema: {
        tags: ['indicators'],
        summary: "A unit's month as a PDF report",
        description:
          'The figures of the unit and of the children the caller may read, as on the overview. ' +
          'Counted with the exports: more at once than allowed answer 429 with Retry-After.',
        querystring: ReportQuery,
        response: {
          200: { description: 'The report, as a file to download', content: { [REPORT_MEDIA_TYPE]: { schema: ReportPdf } } },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { org, period } = request.query;
      const release = takeSlot(request, reply);
      try {
        const ctx = app.readContext(request);
        await getOrg(ctx, org).catch(notFound); // an unknown unit is 404 for everyone alike, before the 403
        await app.assertCanRead(request, org);
        const data = await reportData(ctx, org, period, await app.visibleOrgs(request)).catch(notFound);
        // Sick leave below forvaltning level is personal data: record who looked, as the indicator routes do.
        const sickLeave = data.matrix.themes.some((theme) => theme.kpiIds.some((id) => findKpi(id)?.personalData));
        if (sickLeave && data.matrix.rows.some((row) => PERSONAL_LEVELS.has(row.org.level))) {
          await app.audit(request, { action: 'view_sick_leave', target: `org:${org}`, outcome: 'ok' });
        }
        const pdf = await renderReportPdf(data);
        const fileName = reportFileName(data.org.id, data.period).replace(/[^\w.-]+/g, '_');
        await app.audit(request, { action: 'export', target: `pdf:${fileName}`, outcome: 'ok' });
        return sendPdf(reply, fileName, pdf);
      } catch (error) {
        release();
        throw error;
      }
    },
  );
};

/** The PDF as a download; a plain FastifyReply, as the route's schema types its body as the document's string. */
const sendPdf = (reply: FastifyReply, fileName: string, pdf: Buffer) =>
  reply.type(REPORT_MEDIA_TYPE).header('content-disposition', `attachment; filename="${fileName}"`).send(pdf);

function notFound(error: unknown): never {
  if (error instanceof NotFoundError) throw new HttpError(404, error.message, error.parameter);
  throw error;
}
