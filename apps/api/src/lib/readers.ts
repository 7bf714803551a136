import { type Database, openReaders, readerRoleReady, type Store } from '@lis/db';
import type { Kysely } from 'kysely';

/** Where a read goes: the primary or its streaming replica (plugins/read-replica.ts). */
type ReadSource = 'primary' | 'replica';

/** The read routes' connections on PostgreSQL (ADR 0015): per source, one pool of `lis_reader` shared by the municipalities. */
export interface ReadPools {
  db(source: ReadSource, municipality: string): Kysely<Database>;
  close(): Promise<void>;
}

/**
 * The readers of a PostgreSQL store whose user may read as `lis_reader`, on the primary and on
 * the replica when there is one; null for the embedded store (one connection, one municipality)
 * and, said in the log, where the role is missing.
 */
export async function readPools(
  primary: Store,
  replica: Store | null,
  log: { warn(message: string): void },
): Promise<ReadPools | null> {
  if (primary.kind !== 'postgres' || !primary.url) return null;
  if (!(await readerRoleReady(primary.db))) {
    log.warn(
      'Reads run as the owner: the role lis_reader is missing or not granted to this user, so the database does not hold readers to one municipality (docs/deployment.md)',
    );
    return null;
  }
  const onPrimary = openReaders({ databaseUrl: primary.url });
  const onReplica = replica?.url ? openReaders({ databaseUrl: replica.url }) : onPrimary;
  return {
    db: (source, municipality) => (source === 'replica' ? onReplica : onPrimary).db(municipality),
    close: async () => {
      await onPrimary.close();
      if (onReplica !== onPrimary) await onReplica.close();
    },
  };
}
