import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrate.ts';
import { createStore, type Store } from './store.ts';

/**
 * A fresh, migrated store for one test suite. With TEST_DATABASE_URL set (a PostgreSQL server
 * connection), it creates its own database there and drops it afterwards; otherwise an
 * in-memory PGlite started from a cached migrated snapshot.
 */
export async function withTestStore(): Promise<{ store: Store; databaseUrl: string | null; done: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const store = await createStore({ dataDir: null, pgliteSnapshot: await migratedSnapshot() });
    return { store, databaseUrl: null, done: () => store.close() };
  }
  const name = `lis_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const store = await createStore({ databaseUrl: url.toString(), poolSize: 4 });
  await migrateToLatest(store.db);
  return {
    store,
    databaseUrl: url.toString(),
    done: async () => {
      await store.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** Runs one statement on the server as the connection string's user (creating and dropping databases, roles). */
export async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** initdb + migrations take seconds in PGlite; do them once per migration set and share the dump across test workers. */
export async function migratedSnapshot(): Promise<Blob> {
  const path = join(tmpdir(), `lis-pglite-${migrationsHash()}.tar.gz`);
  if (existsSync(path)) return new Blob([readFileSync(path)]);
  const pglite = await PGlite.create();
  await migrateToLatest(new Kysely({ dialect: new PGliteDialect({ pglite }) }));
  const dump = await pglite.dumpDataDir('gzip');
  await pglite.close();
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, path);
  return dump;
}

/** Changes whenever a migration file changes, so a stale snapshot is never used. */
function migrationsHash(): string {
  const dir = new URL('./migrations/', import.meta.url);
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(new URL(file, dir)));
  return hash.digest('hex').slice(0, 16);
}
