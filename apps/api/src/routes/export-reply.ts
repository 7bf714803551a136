import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../modules/auth/access.ts';
import { csvStream, type ExportTable, xlsxStream } from '../modules/export/table.ts';
import { HttpError } from '../plugins/errors.ts';

/**
 * At most this many exports are made at a time per caller and for the whole server. An export holds
 * its table and a zip writer until the last byte is sent; the caps keep many parallel downloads
 * from exhausting the memory of the process (issue 8, ADR 0009).
 */
export const EXPORT_LIMITS = { perPrincipal: 2, total: 8 } as const;
/** Seconds a refused caller is asked to wait: an export of a bounded range takes well under that. */
const EXPORT_RETRY_AFTER_SECONDS = 5;

/** Counts the exports in progress, per caller and in all; one per process, as memory is per process. */
class ExportSlots {
  private readonly byPrincipal = new Map<string, number>();
  private inUse = 0;

  constructor(public limits: { perPrincipal: number; total: number } = { ...EXPORT_LIMITS }) {}

  /** A release function, or null when the caller or the server already has as many exports as allowed. */
  tryAcquire(principal: string): (() => void) | null {
    const own = this.byPrincipal.get(principal) ?? 0;
    if (own >= this.limits.perPrincipal || this.inUse >= this.limits.total) return null;
    this.byPrincipal.set(principal, own + 1);
    this.inUse++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inUse--;
      const left = (this.byPrincipal.get(principal) ?? 1) - 1;
      if (left > 0) this.byPrincipal.set(principal, left);
      else this.byPrincipal.delete(principal);
    };
  }

  get active(): number {
    return this.inUse;
  }
}

export const exportSlots = new ExportSlots();

/** The key exports are counted by: a user or token by kind and name (names are unique within a kind). */
export const principalKey = (principal: Pick<Principal, 'kind' | 'name'>) => `${principal.kind}:${principal.name}`;

/** Takes an export slot for the rest of the request, or answers 429 with Retry-After. */
export function takeSlot(request: FastifyRequest, reply: FastifyReply): () => void {
  const release = exportSlots.tryAcquire(request.principal ? principalKey(request.principal) : `ip:${request.ip}`);
  if (!release) {
    reply.header('retry-after', String(EXPORT_RETRY_AFTER_SECONDS));
    throw new HttpError(
      429,
      `For mange eksporter på én gang (højst ${exportSlots.limits.perPrincipal} pr. bruger); prøv igen om ${EXPORT_RETRY_AFTER_SECONDS} sekunder. ` +
        `Too many exports at once; retry after ${EXPORT_RETRY_AFTER_SECONDS} s`,
    );
  }
  // 'close' comes when the last byte is sent, and also when the client goes away mid-download or the request fails
  reply.raw.once('close', release);
  return release;
}

const claimed = new WeakMap<FastifyRequest, () => void>();

/**
 * A preHandler for routes with `?format=csv|xlsx`: the export takes its slot before any data is
 * read, so refused callers cost nothing. Without it, `respond` takes the slot when the tables are made.
 */
export async function claimExportSlot(request: FastifyRequest, reply: FastifyReply) {
  const format = (request.query as { format?: unknown } | undefined)?.format;
  if (format === 'csv' || format === 'xlsx') claimed.set(request, takeSlot(request, reply));
}

/** Sends tables as XLSX sheets, or the first as CSV, streamed, and records the export in the audit log. */
async function sendExport(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  format: 'csv' | 'xlsx',
  fileName: string,
  tables: ExportTable | ExportTable[],
) {
  const release = claimed.get(request) ?? takeSlot(request, reply);
  try {
    const sheets = Array.isArray(tables) ? tables : [tables];
    await app.audit(request, { action: 'export', target: `${format}:${fileName}`, outcome: 'ok' });
    const safeName = fileName.replace(/[^\w.-]+/g, '_');
    if (format === 'csv') {
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${safeName}.csv"`)
        .send(csvStream(sheets[0] as ExportTable)); // the first sheet holds the data
    }
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${safeName}.xlsx"`)
      .send(xlsxStream(sheets));
  } catch (error) {
    release();
    throw error;
  }
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
