import type { Database, Store } from '@lis/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { ReadContext } from '../lib/read-context.ts';
import type { ReadPools } from '../lib/readers.ts';
import { ReplicaMonitor, type ReplicaStatus } from '../lib/replica-monitor.ts';
import { changesState } from './request-origin.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** where this request's reads go; null = the primary (always without DATABASE_READ_URL) */
    readDb: Kysely<Database> | null;
    /** the primary does not answer: the replica answers reads, and nothing is written */
    readOnly: boolean;
  }
  interface FastifyInstance {
    /** The store and municipality a read route reads from: the replica when it may, else the primary. */
    readContext(request: FastifyRequest): ReadContext;
    /**
     * A read-routes plugin adds this as its preHandler (`app.addHook('preHandler', app.chooseReadSource)`):
     * its GET routes then read the replica when it may answer and say so in their headers. Nothing without a replica.
     */
    chooseReadSource(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

/** The source a read route read from and the replica's lag in ms, when a replica is configured. */
export const READ_FROM_HEADER = 'lis-read-from';
export const REPLICA_LAG_HEADER = 'lis-replica-lag-ms';

export const READ_ONLY_MESSAGE =
  'LIS kan kun læses lige nu: den primære database svarer ikke, så ændringer og indlæsninger må vente. ' +
  '(LIS is read-only right now: the primary database cannot be reached; changes and loads must wait.)';

// Writers whose write the replica has not applied yet; beyond this many the oldest is forgotten.
const MAX_WRITERS = 10_000;
// Writes nobody reads back: a page view must not send its reader's next reads to the primary.
const NOT_READ_BACK = new Set(['/api/v1/usage/page-view']);

/**
 * Reads on a streaming replica (DATABASE_READ_URL, docs/deployment.md, ADR 0013): read routes
 * choose their source (`chooseReadSource`) and take their store from `app.readContext(request)`;
 * everything else keeps the primary. Without a replica this only decorates: readContext is the
 * primary's, chooseReadSource does nothing, and no hook of its own is added.
 */
export function registerReadReplica(
  app: FastifyInstance,
  primary: Store,
  replica: Store | null,
  options: { maxLagMs: number; readers: ReadPools | null },
): ReplicaMonitor | null {
  app.decorateRequest('readDb', null);
  app.decorateRequest('readOnly', false);
  const { readers } = options;
  app.decorate('readContext', (request: FastifyRequest) => {
    const source = replica !== null && request.readDb === replica.db ? 'replica' : 'primary';
    return {
      // as lis_reader of the caller's municipality where the database can (ADR 0015), else as the owner
      db: readers ? readers.db(source, request.municipality) : (request.readDb ?? primary.db),
      municipality: request.municipality,
    };
  });
  if (!replica) {
    app.decorate('chooseReadSource', async () => {});
    return null;
  }

  const monitor = new ReplicaMonitor(primary.db, replica.db, options.maxLagMs);
  // Read your own writes: a caller who changed something reads the primary until the replica has
  // applied the primary's WAL position of that moment.
  const writers = new Map<string, bigint>();
  const isApi = (request: FastifyRequest) => request.url.startsWith('/api/v1/');

  // Before the sign-in check, which reads sessions and tokens from the replica while the primary is down.
  app.addHook('onRequest', async (request, reply) => {
    if (!isApi(request)) return;
    const status = await monitor.status();
    if (status.primaryUp || status.replica === 'down' || status.replica === 'not_a_replica') return;
    request.readOnly = true;
    request.readDb = replica.db;
    if (changesState(request))
      return reply.status(503).header('retry-after', '30').send({ statusCode: 503, code: 'read_only', error: READ_ONLY_MESSAGE });
  });

  app.decorate('chooseReadSource', async (request: FastifyRequest, reply: FastifyReply) => {
    if (changesState(request)) return;
    const status = await monitor.status();
    const fromReplica = request.readOnly || replicaMayAnswer(status, writers, writerKey(request));
    if (fromReplica) request.readDb = replica.db;
    reply.header(READ_FROM_HEADER, fromReplica ? 'replica' : 'primary');
    if (status.lagMs !== null) reply.header(REPLICA_LAG_HEADER, String(status.lagMs));
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const writer = writerKey(request);
    if (!writer || !isApi(request) || !changesState(request) || request.readOnly || reply.statusCode >= 400) return payload;
    if (NOT_READ_BACK.has(request.routeOptions.url ?? '')) return payload;
    const position = await monitor.primaryPosition().catch(() => null);
    if (position === null) return payload;
    writers.delete(writer); // re-inserted as the newest
    if (writers.size >= MAX_WRITERS) writers.delete(writers.keys().next().value as string);
    writers.set(writer, position);
    return payload;
  });
  return monitor;
}

/** Who wrote, across the municipalities of a shared install (each has its own "admin"). */
const writerKey = (request: FastifyRequest) =>
  request.principal ? `${request.principal.municipality}|${request.principal.name}` : undefined;

/** Whether the replica answers a read: it replays within the lag limit and has the caller's own last write. */
function replicaMayAnswer(status: ReplicaStatus, writers: Map<string, bigint>, caller: string | undefined): boolean {
  if (status.replica !== 'up' || status.replayLsn === null) return false;
  const wrote = caller === undefined ? undefined : writers.get(caller);
  if (wrote === undefined) return true;
  if (status.replayLsn < wrote) return false;
  writers.delete(caller as string);
  return true;
}
