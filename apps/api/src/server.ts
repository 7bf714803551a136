import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DEMO_PASSWORD, ensureDemoUsers } from './demo-users.ts';
import { ingestFile } from './modules/ingest/ingest.service.ts';
import { openStore, storeIsEmpty } from './store-access.ts';

/** Starts the server: configuration, store, app, listen, graceful shutdown. Nothing else. */
async function main() {
  const config = loadConfig();
  const opened = await openStore(config);
  const cliToken = opened.lock ? randomBytes(24).toString('base64url') : null;
  const app = await buildApp({ config, store: opened.store, cliToken });
  // Demo mode: the embedded store only, never PostgreSQL.
  const demoUsers = !config.databaseUrl && config.demo ? await prepareDemo(app) : [];
  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    await app.close();
    await opened.close();
  });
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as AddressInfo;
  // `lis` commands find the server through the lock file and use this one-time credential.
  opened.lock?.update({ url: `http://127.0.0.1:${port}`, cliToken });
  const where = opened.store.kind === 'pglite' ? `the embedded store in ${config.dataDir}` : 'PostgreSQL';
  console.log(`\nLIS is running at http://localhost:${port} (${where})`);
  if (demoUsers.length > 0) console.log(`Demo users, all with the password "${DEMO_PASSWORD}":\n${demoUsers.join('\n')}\n`);
}

/** Loads the demo data into an empty store and makes sure the demo users exist. */
async function prepareDemo(app: Awaited<ReturnType<typeof buildApp>>): Promise<string[]> {
  const { store, ingest, config } = app.lis;
  if (await storeIsEmpty(store)) {
    const { loadDemoData } = await import('./demo-seed.ts'); // the generator is only needed for an empty store
    app.log.info('The embedded store is empty: loading the demo data (set LIS_DEMO=0 to start empty)');
    await loadDemoData((feed, path, fileName) => ingestFile(ingest, { feed, path, fileName, loadedBy: 'demo' }), {
      log: (line) => app.log.info(line),
    });
  }
  return ensureDemoUsers({ db: store.db, municipality: config.municipality });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
