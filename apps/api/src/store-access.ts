import { join } from 'node:path';
import { acquireDataDirLock, createStore, type DataDirLock, migrateToLatest, type Store } from '@lis/db';
import type { Config } from './config.ts';

export interface OpenedStore {
  store: Store;
  /** the read replica (DATABASE_READ_URL), or null */
  replica: Store | null;
  /** held while the embedded store is open; null on PostgreSQL */
  lock: DataDirLock | null;
  close(): Promise<void>;
}

/**
 * Opens the configured store and brings its schema up to date. The embedded store is locked to
 * this process first (DataDirLockedError names the holder), because PGlite must never have the
 * same directory open twice.
 */
export async function openStore(config: Config): Promise<OpenedStore> {
  if (config.databaseUrl) {
    const store = await createStore({ databaseUrl: config.databaseUrl });
    try {
      await migrateToLatest(store.db);
    } catch (error) {
      await store.close();
      throw unreachable(config.databaseUrl, error) ?? error;
    }
    // The replica follows the primary's schema by replication; it is only connected to, never migrated.
    // Its connections are named, so that pg_stat_activity on the replica shows LIS's readers.
    const replica = config.databaseReadUrl ? await createStore({ databaseUrl: named(config.databaseReadUrl, 'lis-read') }) : null;
    return {
      store,
      replica,
      lock: null,
      close: async () => {
        await replica?.close();
        await store.close();
      },
    };
  }
  const lock = await acquireDataDirLock(config.dataDir);
  try {
    const store = await createStore({ dataDir: join(config.dataDir, 'pglite') });
    await migrateToLatest(store.db);
    return {
      store,
      replica: null,
      lock,
      close: async () => {
        await store.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** The connection string with an application_name, unless it names one already. */
function named(databaseUrl: string, applicationName: string): string {
  const url = new URL(databaseUrl);
  if (!url.searchParams.has('application_name')) url.searchParams.set('application_name', applicationName);
  return url.href;
}

/** What a failed connection means, by the error code of the driver or the server. */
const REASONS: Record<string, string> = {
  ECONNREFUSED: 'nothing answers there. Is the server running?',
  ENOTFOUND: 'the host name is unknown.',
  ETIMEDOUT: 'the connection timed out.',
  EHOSTUNREACH: 'the host cannot be reached.',
  '28P01': 'the password was refused.',
  '28000': 'the server does not let this role sign in (pg_hba.conf).',
  '3D000': 'the database does not exist. Create it first (createdb).',
};

/** PostgreSQL cannot be used: where and why, in words (the password of the URL left out). */
export class StoreUnreachableError extends Error {}

/** The readable error for a failed connection, or null for other errors. */
function unreachable(databaseUrl: string, error: unknown): StoreUnreachableError | null {
  const reason = REASONS[(error as { code?: string } | null)?.code ?? ''];
  if (!reason) return null;
  const url = new URL(databaseUrl);
  url.password = '';
  return new StoreUnreachableError(`Cannot use PostgreSQL at ${url.host}${url.pathname} (DATABASE_URL): ${reason}`);
}
