import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DEMO_PASSWORD, ensureDemoUsers } from './demo-users.ts';
import { servedMunicipality } from './lib/served-municipality.ts';
import { ensureEconomyRollup } from './modules/budget/economy-rollup.service.ts';
import {
  loadDemoInto,
  retireDemoUsersIfReal,
  type StoreContents,
  storeContents,
} from './modules/demo-store/demo-store.service.ts';
import { ensureDemoExplanations } from './modules/explanations/demo-explanations.ts';
import { ingestFile } from './modules/ingest/ingest.service.ts';
import { removeStaleUploads } from './modules/ingest/upload.ts';
import { startNotificationSchedule } from './modules/notifications/schedule.ts';
import { openStore } from './store-access.ts';

type App = Awaited<ReturnType<typeof buildApp>>;

/** Starts the server: configuration, store, app, listen, graceful shutdown. Nothing else. */
async function main() {
  const config = loadConfig();
  const opened = await openStore(config);
  const cliToken = opened.lock ? randomBytes(24).toString('base64url') : null;
  const app = await buildApp({ config, store: opened.store, replica: opened.replica, cliToken });
  const store = await prepareStore(app);
  const stale = await removeStaleUploads(); // uploads left by a process that crashed mid-load
  if (stale.length > 0) app.log.info(`Removed ${stale.length} upload folder(s) left by stopped processes`);
  // each served municipality's reminders and missing-feed e-mails
  const stops = app.lis.config.municipalities.flatMap((municipality) => {
    const { notifier } = app.lis.servedFor(municipality);
    return notifier ? [startNotificationSchedule(notifier, app.log)] : [];
  });
  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    for (const stop of stops) stop();
    await app.close();
    await opened.close();
  });
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as AddressInfo;
  // `lis` commands find the server through the lock file and use this one-time credential.
  opened.lock?.update({ url: `http://127.0.0.1:${port}`, cliToken });
  const host = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host;
  console.log(`\nLIS is running at http://${host}:${port}`);
  console.log(`Store: ${store.description}`);
  console.log(`Municipalit${config.municipalities.length > 1 ? 'ies' : 'y'}: ${config.municipalities.map(named).join(', ')}`);
  console.log(`Notifications: ${notificationsLine(config)}`);
  if (store.demoUsers.length > 0)
    console.log(`Demo users, all with the password "${DEMO_PASSWORD}":\n${store.demoUsers.join('\n')}\n`);
}

/**
 * Demo data and demo users only in an empty embedded store (with LIS_DEMO=1) or one the demo
 * made; a store with real data never gets them, and loses demo users it still has.
 */
async function prepareStore(app: App): Promise<{ description: string; demoUsers: string[] }> {
  const { store, config } = app.lis;
  const { ingest } = app.lis.servedFor(config.municipality);
  const ctx = { db: store.db, municipality: config.municipality };
  const postgres = app.lis.replica ? 'PostgreSQL, reads on the replica of DATABASE_READ_URL' : 'PostgreSQL';
  const where = store.kind === 'pglite' ? `embedded (PGlite) in ${config.dataDir}` : postgres;
  const demoAllowed = store.kind === 'pglite' && config.demo;
  let contents = await storeContents(ctx);
  if (contents === 'empty' && demoAllowed) {
    const { loadDemoData } = await import('./demo-seed.ts'); // the generator is only needed for an empty store
    app.log.info('The embedded store is empty: loading the demo data (set LIS_DEMO=0 to start empty)');
    await loadDemoInto(ctx, () =>
      loadDemoData((feed, path, fileName) => ingestFile(ingest, { feed, path, fileName, loadedBy: 'demo' }), {
        log: (line) => app.log.info(line),
      }),
    );
    contents = 'demo';
  }
  for (const municipality of config.municipalities)
    if (await ensureEconomyRollup(store, municipality))
      app.log.info(`Built the economy read model of ${municipality} (ADR 0012)`);
  const retired = await retireDemoUsersIfReal(ctx);
  if (retired.length > 0)
    app.log.warn(`The store holds real deliveries: the demo users ${retired.join(', ')} are disabled and signed out.`);
  const demoUsers = contents === 'demo' && demoAllowed ? await ensureDemoUsers(ctx) : [];
  // the demo chef's explanations of some red figures, once the demo users exist
  if (demoUsers.length > 0) await ensureDemoExplanations(ctx);
  return { description: `${where}, ${CONTENTS[contents]}`, demoUsers };
}

const named = (code: string) => `${servedMunicipality(code).name} (${code})`;

/** "on via smtp://host:port (from …)" without the password, or "off (why)". */
function notificationsLine(config: App['lis']['config']): string {
  if (!config.notifications) return `off (${config.notificationsOff})`;
  const { protocol, host } = new URL(config.notifications.smtpUrl);
  return `on via ${protocol}//${host}, from ${config.notifications.from}`;
}

const CONTENTS: Record<StoreContents, string> = {
  empty: 'empty (no deliveries yet; load the organisation first under Leverancer or with `lis ingest`)',
  demo: 'a demo store (generated demo data only; never load real data into it)',
  real: 'real data (no demo users)',
};

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
