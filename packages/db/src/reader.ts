import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from './schema.ts';
import { postgresPool, type StoreOptions } from './store.ts';

/** The role readers connect as; it may only select, and sees one municipality's rows (ADR 0015). */
export const READER_ROLE = 'lis_reader';
const MUNICIPALITY_CODE = /^\d{3}$/;

export interface ReaderOptions extends Pick<StoreOptions, 'onConnectionError'> {
  /** the PostgreSQL store's (or its replica's) connection string */
  databaseUrl: string;
  /** the three-digit code whose rows the connections see */
  municipality: string;
  poolSize?: number;
}

export interface Reader {
  readonly db: Kysely<Database>;
  close(): Promise<void>;
}

/**
 * A small pool whose connections open as `lis_reader` with `lis.municipality` set, as connection
 * options: no extra round trip per query, and a query that forgets `municipality = …` still sees
 * only this municipality's rows. PostgreSQL only: PGlite has a single connection, which the
 * writers share, so the embedded store (one municipality) reads as its owner.
 */
export function openReader({ databaseUrl, municipality, poolSize = 4, onConnectionError }: ReaderOptions): Reader {
  // it becomes part of the server options: nothing but a code may get there
  if (!MUNICIPALITY_CODE.test(municipality)) throw new Error(`not a municipality code: ${JSON.stringify(municipality)}`);
  // options given in the connection string would replace these: they are joined, ours last (the last -c wins)
  const url = new URL(databaseUrl);
  const given = url.searchParams.get('options');
  url.searchParams.delete('options');
  const options = [given, `-c role=${READER_ROLE}`, `-c lis.municipality=${municipality}`].filter(Boolean).join(' ');
  const pool = postgresPool(url.toString(), { poolSize, options, ...(onConnectionError ? { onConnectionError } : {}) });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, close: () => db.destroy() };
}

/**
 * Whether this store's user can read as `lis_reader`: the role exists, the user may `set role` to
 * it, and it was granted the reads (the migration does that when the role exists as it runs).
 * When false, openReader's connections are refused, and the database does not hold readers to one municipality.
 */
export async function readerRoleReady(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ ready: boolean }>`
    select coalesce((
      select pg_has_role(current_user, r.oid, 'MEMBER') and has_table_privilege(r.oid, 'kpi_rollup', 'select')
      from pg_roles r where r.rolname = ${READER_ROLE}
    ), false) as ready`.execute(db);
  return rows[0]?.ready === true;
}
