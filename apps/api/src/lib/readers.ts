import { type Database, openReader, type Reader, readerRoleReady, type Store } from '@lis/db';
import type { Kysely } from 'kysely';

/** Where a read goes: the primary or its streaming replica (plugins/read-replica.ts). */
export type ReadSource = 'primary' | 'replica';

/**
 * The read routes' connections on PostgreSQL (ADR 0015): per source and municipality a small pool
 * that opens as `lis_reader` with the municipality set, so the database returns that
 * municipality's rows only, whatever a query forgets. Opened on first use and kept; idle
 * connections close after pg's idle timeout, so a shared install holds few per quiet municipality.
 */
export class Readers {
  private readonly pools = new Map<string, Reader>();

  constructor(
    private readonly urls: Record<ReadSource, string | null>,
    private readonly poolSize: number,
  ) {}

  db(source: ReadSource, municipality: string): Kysely<Database> {
    const key = `${source}|${municipality}`;
    let reader = this.pools.get(key);
    if (!reader) {
      const databaseUrl = this.urls[source] ?? (this.urls.primary as string);
      reader = openReader({ databaseUrl, municipality, poolSize: this.poolSize });
      this.pools.set(key, reader);
    }
    return reader.db;
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((reader) => reader.close()));
  }
}

/** The connections of one municipality share the store's pool size; several municipalities get small pools each. */
const POOL_SIZE = { one: 10, each: 4 };

/**
 * The readers of a PostgreSQL store whose user may read as `lis_reader`; null for the embedded
 * store (one connection, one municipality) and, said in the log, where the role is missing.
 */
export async function openReaders(
  primary: Store,
  replica: Store | null,
  municipalities: readonly string[],
  log: { warn(message: string): void },
): Promise<Readers | null> {
  if (primary.kind !== 'postgres') return null;
  if (!(await readerRoleReady(primary.db))) {
    log.warn(
      'Reads run as the owner: the role lis_reader is missing or not granted to this user, so the database does not hold readers to one municipality (docs/deployment.md)',
    );
    return null;
  }
  const poolSize = municipalities.length > 1 ? POOL_SIZE.each : POOL_SIZE.one;
  return new Readers({ primary: primary.url, replica: replica?.url ?? null }, poolSize);
}
