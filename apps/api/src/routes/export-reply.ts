import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ExportTable, toCsv, toXlsx } from '../modules/export/table.ts';

/** Sends tables as XLSX sheets, or the first as CSV, and records the export in the audit log. */
async function sendExport(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  format: 'csv' | 'xlsx',
  fileName: string,
  tables: ExportTable | ExportTable[],
) {
  const sheets = Array.isArray(tables) ? tables : [tables];
  await app.audit(request, { action: 'export', target: `${format}:${fileName}`, outcome: 'ok' });
  const safeName = fileName.replace(/[^\w.-]+/g, '_');
  if (format === 'csv') {
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${safeName}.csv"`)
      .send(toCsv(sheets[0] as ExportTable)); // the first sheet holds the data
  }
  return reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${safeName}.xlsx"`)
    .send(await toXlsx(sheets));
}

/** The result as JSON, or with `?format=csv|xlsx` the tables made of it, as a download. */
export async function respond<T>(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  format: 'json' | 'csv' | 'xlsx' | undefined,
  result: T,
  fileName: string,
  toTables: (result: T) => ExportTable | ExportTable[],
) {
  if (format === undefined || format === 'json') return result;
  return sendExport(app, request, reply, format, fileName, toTables(result));
}
