import { createReadStream } from 'node:fs';
import { userInfo } from 'node:os';
import { Readable } from 'node:stream';
import type { Batch, FeedLoadResult, FeedName, FeedRejected } from '@lis/contracts';
import { ApiError, createApiClient } from '@lis/contracts/client';
import { type LockInfo, readLiveLock } from '@lis/db';
import type { Config } from '../config.ts';
import { rowsFor } from '../modules/benchmark/benchmark.repository.ts';
import { listBatches, toBatch } from '../modules/ingest/batches.service.ts';
import { FileRejectedError } from '../modules/ingest/errors.ts';
import { ingestFile, restoreBatch } from '../modules/ingest/ingest.service.ts';
import { ingestContext } from '../modules/kpi/ingest-context.ts';
import { Notifier } from '../modules/notifications/notifications.service.ts';
import type { StoredBenchmark } from '../modules/statbank/statbank-import.ts';
import { openStore } from '../store-access.ts';

/** What `lis` commands need, whether they open the store themselves or go through the running server. */
export interface Backend {
  /** where the commands act, for messages */
  readonly where: string;
  ingest(
    feed: FeedName,
    path: string,
    fileName: string,
    loadedBy: string,
    onProgress?: (rows: number) => void,
  ): Promise<FeedLoadResult>;
  batches(feed: FeedName | null, limit: number): Promise<Batch[]>;
  restore(batchId: number): Promise<Batch>;
  /** the stored benchmark rows of an area and year, by municipality */
  benchmarkRows(year: number, area: string): Promise<Map<string, StoredBenchmark>>;
  close(): Promise<void>;
}

export class CliError extends Error {}

/**
 * With PostgreSQL the command opens the store itself. With the embedded store it goes through
 * the server when one holds the data directory; otherwise it opens (and locks) the directory.
 */
export async function connect(config: Config): Promise<Backend> {
  const server = config.databaseUrl ? null : await readLiveLock(config.dataDir);
  if (server) {
    if (!server.url || !server.cliToken) {
      throw new CliError(
        `The embedded store in ${config.dataDir} is held by process ${server.pid}, which is not serving yet. Try again in a moment.`,
      );
    }
    return remoteBackend(server);
  }
  return localBackend(config);
}

/**
 * Opens the store itself, for commands the server does not offer over HTTP (users, tokens).
 * With the embedded store held by a running server this refuses, naming the server.
 */
export async function openLocal(config: Config) {
  const server = config.databaseUrl ? null : await readLiveLock(config.dataDir);
  if (server) {
    throw new CliError(
      `The LIS server (process ${server.pid}${server.url ? `, ${server.url}` : ''}) has the embedded store in ${config.dataDir} open. ` +
        'Stop it and run this command again, or use PostgreSQL (DATABASE_URL), where both can run at once.',
    );
  }
  return openStore(config);
}

async function localBackend(config: Config): Promise<Backend> {
  const opened = await openStore(config);
  // a load from the command line tells the chefs of figures turned red, as one through the server does
  const notifier = config.notifications
    ? new Notifier(config.notifications, opened.store, config.municipality, { error: (obj, msg) => console.error(msg, obj) })
    : null;
  const ctx = ingestContext(
    opened.store,
    config.municipality,
    notifier ? (refresh) => notifier.watchPublish(refresh) : undefined,
  );
  return {
    where: opened.store.kind === 'pglite' ? `the embedded store in ${config.dataDir}` : 'PostgreSQL',
    ingest: (feed, path, fileName, loadedBy, onProgress) =>
      ingestFile(ctx, { feed, path, fileName, loadedBy, ...(onProgress ? { onProgress } : {}) }),
    batches: (feed, limit) => listBatches(ctx, { feed, limit }),
    restore: async (batchId) => {
      const batch = await restoreBatch(ctx, batchId, { name: `cli:${userInfo().username}` });
      if (!batch) throw new CliError(`There is no batch ${batchId}`);
      return toBatch(batch);
    },
    benchmarkRows: async (year, area) => {
      const rows = await rowsFor(opened.store.db, config.municipality, year, area);
      return new Map(rows.map((r) => [r.municipality, r]));
    },
    close: async () => {
      await notifier?.close(); // the e-mails under way go before the store closes
      await opened.close();
    },
  };
}

/** Through the running server, with the API client the web app uses too and the lock file's token. */
function remoteBackend(server: LockInfo): Backend {
  const api = createApiClient({ baseUrl: `${server.url}/api/v1`, headers: { authorization: `Bearer ${server.cliToken}` } });
  /** The server's refusals as the local backend's: a rejected file keeps its list of errors. */
  const asLocal = (error: unknown): never => {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'network')
      throw new CliError(
        `The LIS server (process ${server.pid}, ${server.url}) holds the store but does not answer: ${error.message}`,
      );
    if (error.status === 422) {
      const rejected = error.body as FeedRejected;
      throw new FileRejectedError(rejected.errors, rejected.errorCount, rejected.batchId);
    }
    throw new CliError(`The server answered ${error.status}: ${error.message}`);
  };
  return {
    where: `the LIS server at ${server.url} (process ${server.pid})`,
    ingest: (feed, path, fileName) =>
      api
        .postBody(
          '/feeds/{feed}',
          { path: { feed }, query: { fileName } },
          // streamed as read: a large file is never held in memory
          { contentType: 'application/octet-stream', data: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array> },
        )
        .catch(asLocal),
    batches: (feed, limit) => api.getJson('/batches', { query: { limit, feed } }).catch(asLocal),
    restore: (batchId) => api.postJson('/batches/{batchId}/restore', { path: { batchId } }).catch(asLocal),
    benchmarkRows: async (year, area) => {
      const result = await api.getJson('/benchmark', { query: { area, year, peers: 'all' } }).catch(() => null);
      return new Map((result?.peers ?? []).map((p) => [p.municipality, p]));
    },
    close: async () => {},
  };
}
