import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from './schema.ts';

export type StoreKind = 'pglite' | 'postgres';

/** A transaction that can also bulk-load rows with COPY (text format). */
export interface StoreTx {
  readonly db: Kysely<Database>;
  /** `text` holds complete COPY text-format lines: tab-separated, `\N` for null, newline-terminated. */
  copyInto(table: string, columns: readonly string[], text: string): Promise<void>;
}

export interface Store {
  readonly kind: StoreKind;
  readonly db: Kysely<Database>;
  /**
   * Runs `fn` in one transaction. Inside it use only `tx.db`: the embedded engine has a single
   * connection, so a query on `store.db` would wait for this transaction forever.
   */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
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
  return options.databaseUrl ? createPostgresStore(options.databaseUrl, options.poolSize ?? 10) : createPgliteStore(options);
}

async function createPgliteStore(options: StoreOptions): Promise<Store> {
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.pgliteSnapshot ? { loadDataDir: options.pgliteSnapshot } : {}),
    parsers: PARSERS,
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    kind: 'pglite',
    db,
    transaction: (fn) =>
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
        return fn({
          db: txDb,
          copyInto: async (table, columns, text) => {
            await pgTx.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([text]) });
          },
        });
      }),
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

async function createPostgresStore(connectionString: string, poolSize: number): Promise<Store> {
  const types = {
    getTypeParser: (oid: number, format?: string) => PARSERS[oid] ?? pg.types.getTypeParser(oid, format as 'text'),
  };
  const pool = new pg.Pool({ connectionString, max: poolSize, types });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    transaction: async (fn) => {
      const client = await pool.connect();
      const txDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: singleClientPool(client) }) });
      try {
        await client.query('begin');
        const result = await fn({
          db: txDb,
          copyInto: (table, columns, text) =>
            new Promise<void>((resolve, reject) => {
              const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
              stream.on('error', reject);
              stream.on('finish', () => resolve());
              stream.end(text);
            }),
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}

/** Lets Kysely run on one already-checked-out client (the transaction's connection). */
function singleClientPool(client: pg.PoolClient): PostgresPool {
  const borrowed = { query: client.query.bind(client), release: () => {} } as unknown as PostgresPoolClient;
  return { connect: async () => borrowed, end: async () => {}, options: {} };
}
