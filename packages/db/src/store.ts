import { once } from 'node:events';
import { Kysely, PGliteDialect, PostgresDialect, type PostgresPool, type PostgresPoolClient, sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from './schema.ts';

export type StoreKind = 'pglite' | 'postgres';

/** A transaction that can also bulk-load rows with COPY (text format). */
export interface StoreTx {
  readonly db: Kysely<Database>;
  /** `text` holds complete COPY text-format lines: tab-separated, `\N` for null, newline-terminated. */
  copyInto(table: string, columns: readonly string[], text: string): Promise<void>;
  /** One COPY fed piece by piece, for loads too large to hold in memory; see CopyWriter. */
  copyWriter(table: string, columns: readonly string[]): CopyWriter;
}

/**
 * A COPY in progress. On PostgreSQL the server stores rows while the caller prepares the next
 * ones; `write` waits only when the connection is behind. Until `end` or `abort` has settled,
 * the transaction can run nothing else.
 */
export interface CopyWriter {
  /** Complete COPY text-format lines (as for copyInto), as text or UTF-8 bytes. */
  write(lines: string | Uint8Array): Promise<void>;
  /** Resolves once every row is stored; rejects with the server's error. */
  end(): Promise<void>;
  /** Cancels the COPY (nothing of it is stored), e.g. when the caller failed half-way. */
  abort(): Promise<void>;
}

export interface Store {
  readonly kind: StoreKind;
  readonly db: Kysely<Database>;
  /** the PostgreSQL connection string, for pools of other roles on it (reader.ts); null for PGlite */
  readonly url: string | null;
  /**
   * Runs `fn` in one transaction. Inside it use only `tx.db`: the embedded engine has a single
   * connection, so a query on `store.db` would wait for this transaction forever.
   */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /**
   * Whether a transaction (a load, a restore) holds the embedded engine's single connection or
   * waits for it: until it ends, every other query waits too. Always false on PostgreSQL, where
   * readers get connections of their own.
   */
  busy(): boolean;
  /** Resolves once no transaction runs or waits any more (at once when none does). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite engine is used. */
  databaseUrl?: string | null;
  /** PGlite data directory; `null` keeps the database in memory (tests). */
  dataDir?: string | null;
  /** A PGlite data dir dump (from `dumpDataDir`) to start from, e.g. a migrated empty store. */
  pgliteSnapshot?: Blob;
  poolSize?: number;
  /**
   * Told of a PostgreSQL connection that broke while nothing was asked of it (the server
   * restarted or dropped it); the next query connects again. Default: one line on stderr.
   */
  onConnectionError?: (error: Error) => void;
}

// The one place where database values become JS values, identical for both engines:
// dates stay 'YYYY-MM-DD' strings (no time-zone shifts), bigint and numeric become numbers.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const PARSERS: Record<number, (value: string) => unknown> = {
  [DATE_OID]: (value) => value,
  [INT8_OID]: (value) => Number(value),
  [NUMERIC_OID]: (value) => Number(value),
};

export async function createStore(options: StoreOptions = {}): Promise<Store> {
  return options.databaseUrl ? createPostgresStore(options.databaseUrl, options) : createPgliteStore(options);
}

async function createPgliteStore(options: StoreOptions): Promise<Store> {
  // Loaded only here: the engine costs ≈ 50 MB of memory that a process on PostgreSQL does not need.
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.pgliteSnapshot ? { loadDataDir: options.pgliteSnapshot } : {}),
    parsers: PARSERS,
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  const transactions = new TransactionCount();
  return {
    kind: 'pglite',
    db,
    url: null,
    busy: () => transactions.count > 0,
    idle: () => transactions.idle(),
    transaction: (fn) =>
      transactions.during(() =>
        pglite.transaction(async (pgTx) => {
          // A Kysely bound to the open transaction: PGlite's transaction holds the instance exclusively.
          const txDb = new Kysely<Database>({
            dialect: new PGliteDialect({
              pglite: {
                query: (query, params, opts) => pgTx.query(query, params, opts),
                transaction: () => Promise.reject(new Error('nested transaction')),
                close: async () => {},
                closed: false,
                ready: true,
                waitReady: Promise.resolve(),
              },
            }),
          });
          const copyBlob = async (table: string, columns: readonly string[], blob: Blob) => {
            await pgTx.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob });
          };
          return fn({
            db: txDb,
            copyInto: (table, columns, text) => copyBlob(table, columns, new Blob([text])),
            copyWriter: (table, columns) => pgliteCopyWriter((blob) => copyBlob(table, columns, blob)),
          });
        }),
      ),
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/**
 * A pool of PostgreSQL connections as the store's (and the readers', reader.ts) are: the type
 * parsers above, prepared statements, and a broken connection told, not fatal.
 * `options` are the server options every connection opens with (`-c name=value`).
 */
export function postgresPool(
  connectionString: string,
  {
    poolSize,
    options,
    onConnectionError = logConnectionError,
  }: Pick<StoreOptions, 'poolSize' | 'onConnectionError'> & { options?: string },
): pg.Pool {
  const types = {
    getTypeParser: (oid: number, format?: string) => PARSERS[oid] ?? pg.types.getTypeParser(oid, format as 'text'),
  };
  const pool = new pg.Pool({
    connectionString,
    max: poolSize ?? 10,
    types,
    Client: PreparingClient,
    ...(options ? { options } : {}),
  });
  // A connection that breaks while idle (or checked out between two queries) emits 'error'; with no
  // listener that would end the process. The pool drops such a connection and opens a new one when asked.
  pool.on('connect', (client) => client.on('error', onConnectionError));
  pool.on('error', () => {}); // an idle connection's error again, already told by its own listener
  return pool;
}

async function createPostgresStore(connectionString: string, options: StoreOptions): Promise<Store> {
  const pool = postgresPool(connectionString, options);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    url: connectionString,
    busy: () => false,
    idle: async () => {},
    transaction: async (fn) => {
      const client = await pool.connect();
      let brokenConnection: Error | undefined;
      const txDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: singleClientPool(client) }) });
      try {
        await client.query('begin');
        const result = await fn({
          db: txDb,
          copyInto: async (table, columns, text) => {
            const writer = postgresCopyWriter(client, table, columns);
            await writer.write(text);
            await writer.end();
          },
          copyWriter: (table, columns) => postgresCopyWriter(client, table, columns),
        });
        await client.query('commit');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is broken: the pool must not hand it out again.
        brokenConnection = await client.query('rollback').then(
          () => undefined,
          (rollbackError: Error) => rollbackError,
        );
        throw error;
      } finally {
        client.release(brokenConnection);
      }
    },
    close: () => db.destroy(),
  };
}

// How far the caller may run ahead of the server: a few chunks of rows.
const COPY_BUFFER_BYTES = 4 * 1024 * 1024;

function postgresCopyWriter(client: pg.PoolClient, table: string, columns: readonly string[]): CopyWriter {
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`, { highWaterMark: COPY_BUFFER_BYTES }));
  // 'finish' comes once the server has stored the rows and the connection is free again.
  let failure: Error | null = null;
  const done = new Promise<void>((resolve, reject) => {
    stream.once('finish', resolve);
    stream.once('error', (error) => {
      failure = error;
      reject(error);
    });
  });
  done.catch(() => {}); // the caller learns of a failure from write, end or abort
  return {
    async write(lines) {
      if (failure) throw failure;
      if (!stream.write(lines)) await once(stream, 'drain');
    },
    async end() {
      if (failure) throw failure;
      stream.end();
      await done;
    },
    async abort() {
      if (failure || stream.writableFinished) return;
      // destroy() sends CopyFail; the server's answer ends the COPY and frees the connection.
      stream.destroy(new Error('the load was cancelled'));
      await done.catch(() => {});
    },
  };
}

// PGlite runs in this thread, so nothing can overlap: rows are collected and copied in large pieces.
const PGLITE_COPY_BYTES = 16 * 1024 * 1024;

function pgliteCopyWriter(copy: (blob: Blob) => Promise<void>): CopyWriter {
  let pending: (string | Uint8Array)[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    const blob = new Blob(pending);
    pending = [];
    pendingBytes = 0;
    if (blob.size > 0) await copy(blob);
  };
  return {
    async write(lines) {
      pending.push(lines);
      pendingBytes += lines.length;
      if (pendingBytes >= PGLITE_COPY_BYTES) await flush();
    },
    end: flush,
    async abort() {
      pending = [];
      pendingBytes = 0;
    },
  };
}

const PREPARED = /^\/\* prepared:([\w-]+) \*\//;

/**
 * A query whose text starts with `/* prepared:<name> *\/` runs as a named prepared statement: its
 * plan is made once per connection instead of per request (planning the dashboard query cost more
 * than running it). Only marked queries, so dynamic SQL does not fill the statement cache.
 */
class PreparingClient extends pg.Client {
  override query(...args: unknown[]): never {
    const [text, values] = args;
    const name = typeof text === 'string' ? PREPARED.exec(text)?.[1] : undefined;
    const call = super.query as (...a: unknown[]) => never;
    return name ? call.call(this, { name, text, values }) : call.apply(this, args);
  }
}

/** Lets Kysely run on one already-checked-out client (the transaction's connection). */
function singleClientPool(client: pg.PoolClient): PostgresPool {
  const borrowed = { query: client.query.bind(client), release: () => {} } as unknown as PostgresPoolClient;
  return { connect: async () => borrowed, end: async () => {}, options: {} };
}

/** Counts the transactions that run or wait, and tells who waits for none to be left. */
class TransactionCount {
  count = 0;
  #waiting: (() => void)[] = [];

  async during<T>(run: () => Promise<T>): Promise<T> {
    this.count++;
    try {
      return await run();
    } finally {
      if (--this.count === 0) for (const resume of this.#waiting.splice(0)) resume();
    }
  }

  idle(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resume) => this.#waiting.push(resume));
  }
}

function logConnectionError(error: Error) {
  console.error(`PostgreSQL connection lost (${error.message}); the next query connects again`);
}

// Errors that mean PostgreSQL cannot be reached or is restarting, not that a query was wrong.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown: terminating connection due to administrator command
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the database system is starting up or shutting down
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08006', // connection_failure
]);
// node-postgres reports a broken connection without a code
const UNAVAILABLE_MESSAGES =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;

/** Whether `error` says that the database server is out of reach (answer 503, not 500). */
export function isStoreUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  // Node reports a refused connection to both 127.0.0.1 and ::1 as one AggregateError
  if (error instanceof AggregateError) return error.errors.some(isStoreUnavailable);
  return UNAVAILABLE_MESSAGES.test(error.message);
}

/** Whether the store answers a query (readiness). */
export async function ping(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
