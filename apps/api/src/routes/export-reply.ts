import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ExportTable, toCsv, toXlsx } from '../modules/export/table.ts';

/** Sends a table as CSV or XLSX and records the export in the audit log. */
export async function sendExport(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  format: 'csv' | 'xlsx',
  fileName: string,
  table: ExportTable,
) {
  await app.audit(request, { action: 'export', target: `${format}:${fileName}`, outcome: 'ok' });
  const safeName = fileName.replace(/[^\w.-]+/g, '_');
  if (format === 'csv') {
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${safeName}.csv"`)
      .send(toCsv(table));
  }
  return reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${safeName}.xlsx"`)
    .send(await toXlsx([table]));
}
