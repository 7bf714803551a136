import { join } from 'node:path';
import { acquireDataDirLock, createStore, type DataDirLock, migrateToLatest, type Store } from '@lis/db';
import type { Config } from './config.ts';
import { anyBatch } from './modules/ingest/ingest.repository.ts';

export interface OpenedStore {
  store: Store;
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
    await migrateToLatest(store.db);
    return { store, lock: null, close: () => store.close() };
  }
  const lock = acquireDataDirLock(config.dataDir);
  try {
    const store = await createStore({ dataDir: join(config.dataDir, 'pglite') });
    await migrateToLatest(store.db);
    return {
      store,
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

/** True before the first delivery: nothing in the ledger. */
export async function storeIsEmpty(store: Store): Promise<boolean> {
  return !(await anyBatch(store.db));
}
