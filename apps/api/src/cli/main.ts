import { userInfo } from 'node:os';
import { basename, resolve } from 'node:path';
import { FEED_NAMES, isFeedName } from '@lis/contracts';
import { DataDirLockedError } from '@lis/db';
import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import pc from 'picocolors';
import { ConfigError, loadConfig } from '../config.ts';
import { AccessSetupError } from '../modules/auth/auth.service.ts';
import { loadDemoInto, NotADemoStoreError } from '../modules/demo-store/demo-store.service.ts';
import { FileRejectedError } from '../modules/ingest/errors.ts';
import { ingestFile } from '../modules/ingest/ingest.service.ts';
import { ingestContext } from '../modules/kpi/ingest-context.ts';
import { StoreUnreachableError } from '../store-access.ts';
import { registerAccessCommands } from './access-commands.ts';
import { type Backend, CliError, connect, openLocal } from './backend.ts';
import { registerImportCommands } from './import-commands.ts';
import { registerNotifyCommands } from './notify-commands.ts';
import { formatCount, printBatches, printRejection } from './print.ts';

const program = new Command('lis').description('LIS – ledelsesinformation: load feeds, manage the ledger').showHelpAfterError();

const feedArgument = (value: string) => {
  if (!isFeedName(value)) throw new InvalidArgumentError(`feeds are ${FEED_NAMES.join(', ')}`);
  return value;
};
const positiveInteger = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive whole number');
  return n;
};
const defaultLoader = () => `cli:${userInfo().username}`;

async function withBackend(run: (backend: Backend) => Promise<void>): Promise<void> {
  const backend = await connect(loadConfig());
  try {
    await run(backend);
  } finally {
    await backend.close();
  }
}

program
  .command('ingest')
  .description('load a feed file (CSV, JSON or XLSX), all or nothing')
  .argument('<feed>', FEED_NAMES.join(' | '), feedArgument)
  .argument('<file>', 'the file to load')
  .option('--by <name>', 'who loads it, for the ledger', defaultLoader())
  .action(async (feed, file: string, options: { by: string }) =>
    withBackend(async (backend) => {
      const path = resolve(file);
      const started = performance.now();
      const bar = process.stderr.isTTY
        ? new cliProgress.SingleBar(
            { format: `${feed} {bar} {rows} rows | {rate} rows/s`, hideCursor: true, barsize: 20 },
            cliProgress.Presets.shades_classic,
          )
        : null;
      bar?.start(1, 0, { rows: '0', rate: '0' });
      const onProgress = (rows: number) => {
        const seconds = (performance.now() - started) / 1000;
        bar?.update(0.5, { rows: formatCount(rows), rate: formatCount(rows / Math.max(seconds, 0.001)) });
      };
      try {
        const result = await backend.ingest(feed, path, basename(path), options.by, onProgress);
        bar?.update(1);
        bar?.stop();
        const seconds = (performance.now() - started) / 1000;
        if (result.status === 'unchanged') {
          console.log(`${pc.cyan('=')} ${basename(path)} was already loaded as batch ${result.batchId}: unchanged.`);
        } else {
          console.log(
            `${pc.green('✓')} Loaded ${feed}: ${formatCount(result.rows)} rows in ${seconds.toFixed(1)} s ` +
              `(${formatCount(result.rows / Math.max(seconds, 0.001))} rows/s) as batch ${result.batchId} into ${backend.where}.`,
          );
        }
      } catch (error) {
        bar?.stop();
        if (error instanceof FileRejectedError) {
          printRejection(basename(path), error.errors, error.errorCount);
          process.exitCode = 1;
          return;
        }
        throw error;
      }
    }),
  );

program
  .command('batches')
  .description('list the batch ledger, newest first')
  .option('--feed <feed>', 'only this feed', feedArgument)
  .option('--limit <n>', 'how many', positiveInteger, 50)
  .action(async (options: { feed?: (typeof FEED_NAMES)[number]; limit: number }) =>
    withBackend(async (backend) => printBatches(await backend.batches(options.feed ?? null, options.limit))),
  );

program
  .command('restore')
  .description('put an earlier delivery back in effect (the rows that replaced it stay in the history)')
  .argument('<batchId>', 'batch id from `lis batches`', positiveInteger)
  .action(async (batchId: number) =>
    withBackend(async (backend) => {
      const batch = await backend.restore(batchId);
      console.log(
        `${pc.green('✓')} Restored batch ${batch.id} (${batch.feed}, ${formatCount(batch.rows)} rows from ${batch.fileName}).`,
      );
    }),
  );

program
  .command('demo')
  .description('load the deterministic Jammerbugt-like demo data into an empty store (or one the demo made)')
  .option('--seed <n>', 'random seed (default: the seed of the shipped demo)', positiveInteger)
  .action(async (options: { seed?: number }) => {
    const config = loadConfig();
    // Local only: the loads must be marked as the demo's, which the server's feed route never does.
    const opened = await openLocal(config);
    try {
      const { loadDemoData, DEMO_SEED } = await import('../demo-seed.ts'); // the generator is only needed here
      const seed = options.seed ?? DEMO_SEED;
      const ingest = ingestContext(opened.store, config.municipality);
      console.log(`Loading demo data (seed ${seed}) into ${opened.store.kind === 'pglite' ? config.dataDir : 'PostgreSQL'}:`);
      await loadDemoInto({ db: opened.store.db, municipality: config.municipality }, () =>
        loadDemoData((feed, path, fileName) => ingestFile(ingest, { feed, path, fileName, loadedBy: 'demo' }), {
          seed,
          log: console.log,
        }),
      );
    } finally {
      await opened.close();
    }
  });

program
  .command('migrate')
  .description("bring the store's schema up to date (the server does this at start too)")
  .action(async () => {
    const opened = await openLocal(loadConfig());
    await opened.close();
    console.log(`${pc.green('✓')} The schema is up to date.`);
  });

registerAccessCommands(program);
registerImportCommands(program, withBackend);
registerNotifyCommands(program);

program.parseAsync().catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof CliError ||
    error instanceof DataDirLockedError ||
    error instanceof AccessSetupError ||
    error instanceof NotADemoStoreError ||
    error instanceof StoreUnreachableError
  ) {
    console.error(pc.red(error.message));
  } else {
    console.error(pc.red(error instanceof Error ? (error.stack ?? error.message) : String(error)));
  }
  process.exitCode = 1;
});
