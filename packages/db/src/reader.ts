import { Kysely, PostgresDialect, type PostgresPool, sql } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema.ts';
import { postgresPool, type StoreOptions } from './store.ts';

/** The role readers connect as; it may only select, and sees one municipality's rows (ADR 0015). */
export const READER_ROLE = 'lis_reader';
const MUNICIPALITY_CODE = /^\d{3}$/;

export interface ReaderOptions extends Pick<StoreOptions, 'onConnectionError'> {
  /** the PostgreSQL store's (or its replica's) connection string */
  databaseUrl: string;
  /** connections shared by every municipality's reads */
  poolSize?: number;
}

export interface Readers {
  /** Queries on connections that see only this municipality's rows. */
  db(municipality: string): Kysely<Database>;
  close(): Promise<void>;
}

/**
 * One pool of connections that open as `lis_reader` (a connection option: no round trip per
 * query), shared by every municipality: a connection is handed to a municipality's query with
 * `lis.municipality` set to it, by one `set_config` when it last served another. A query that
 * forgets `municipality = …` still sees only that municipality's rows, and a shared install of 98
 * municipalities needs no more connections than one. PostgreSQL only: PGlite has a single
 * connection, which the writers share, so the embedded store (one municipality) reads as its owner.
 */
export function openReaders({ databaseUrl, poolSize = 10, onConnectionError }: ReaderOptions): Readers {
  // options given in the connection string would replace ours: they are joined, ours last (the last -c wins)
  const url = new URL(databaseUrl);
  const given = url.searchParams.get('options');
  url.searchParams.delete('options');
  const options = [given, `-c role=${READER_ROLE}`].filter(Boolean).join(' ');
  const pool = postgresPool(url.toString(), { poolSize, options, ...(onConnectionError ? { onConnectionError } : {}) });
  const servedBy = new WeakMap<pg.PoolClient, string>();
  const dbs = new Map<string, Kysely<Database>>();
  return {
    db(municipality) {
      let db = dbs.get(municipality);
      if (!db) {
        // it becomes a setting of shared connections: nothing but a code may get there
        if (!MUNICIPALITY_CODE.test(municipality)) throw new Error(`not a municipality code: ${JSON.stringify(municipality)}`);
        db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: municipalityPool(pool, municipality, servedBy) }) });
        dbs.set(municipality, db);
      }
      return db;
    },
    close: () => pool.end(),
  };
}

/** The shared pool as one municipality's queries see it: every connection set to that municipality. */
function municipalityPool(pool: pg.Pool, municipality: string, servedBy: WeakMap<pg.PoolClient, string>): PostgresPool {
  return {
    options: pool.options,
    async connect() {
      const client = await pool.connect();
      if (servedBy.get(client) === municipality) return client;
      try {
        await client.query(`select set_config('lis.municipality', $1, false)`, [municipality]);
      } catch (error) {
        client.release(error as Error); // a connection whose setting is unknown is closed, not reused
        throw error;
      }
      servedBy.set(client, municipality);
      return client;
    },
    end: async () => {}, // the shared pool ends with Readers.close
  };
}

/**
 * Whether this store's user can read as `lis_reader`: the role exists, the user may `set role` to
 * it, and it was granted the reads (the migration does that when the role exists as it runs).
 * When false, the readers' connections are refused, and the database does not hold readers to one municipality.
 */
export async function readerRoleReady(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ ready: boolean }>`
    select coalesce((
      select pg_has_role(current_user, r.oid, 'MEMBER') and has_table_privilege(r.oid, 'kpi_rollup', 'select')
      from pg_roles r where r.rolname = ${READER_ROLE}
    ), false) as ready`.execute(db);
  return rows[0]?.ready === true;
}
