// The ingestion benchmark: `lis ingest economy` of a generated 1,000,000-row delivery on
// PostgreSQL and on PGlite, against psql \copy of the same rows. Prints ratios of one run.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { copyIntoBareTable, createBenchDatabase, queryValue, SERVER_URL } from './bench-database.ts';
import { lisIngest, measureLisIngest, OUT_DIR } from './lis-cli.ts';
import { cliSeconds, type IngestResults, printReport, summarise } from './report.ts';
import { writeFeeds } from './write-feeds.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' } } });
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows < 1) throw new Error(`--rows must be a positive whole number, got ${values.rows}`);

// Ctrl-C reaches the children too; the run then fails and the finally block still drops the database.
let interrupted = false;
process.once('SIGINT', () => {
  interrupted = true;
  console.error('\ninterrupted: cleaning up');
});
const step = (message: string) => {
  if (interrupted) throw new Error('interrupted');
  console.log(`· ${message}`);
};

// `lis` as installed (pnpm start, the Docker image) runs the bundle, which bin/lis.mjs takes once it is fresh.
step('building the lis bundle (apps/api/dist)');
execFileSync('pnpm', ['--filter', '@lis/api', 'build'], { stdio: 'ignore' });
step(`generating ${rows.toLocaleString('en-US')} economy rows and the organisation into bench/out/ingest`);
const files = await writeFeeds(join(OUT_DIR, 'ingest'), rows);
const database = await createBenchDatabase();
const pgliteDir = join(OUT_DIR, `pglite-${database.name}`);
try {
  step(`PostgreSQL: database ${database.name} on ${new URL(SERVER_URL).host}, loading the organisation`);
  const postgresTarget = { databaseUrl: database.url };
  lisIngest(postgresTarget, 'organisation', files.organisation);
  step('PostgreSQL: lis ingest economy (timed)');
  const postgres = await measureLisIngest(postgresTarget, files.economy);
  const loaded = Number(await queryValue(database.url, 'select count(*) from economy where active'));
  if (loaded !== rows) throw new Error(`lis ingest stored ${loaded} rows, expected ${rows}`);

  step('PostgreSQL: lis ingest economy of a restatement, the same keys with other amounts (timed)');
  const restatement = await measureLisIngest(postgresTarget, files.economyRestated);
  const restated = Number(
    await queryValue(database.url, 'select count(*) from economy where active and batch_id = (select max(id) from batches)'),
  );
  if (restated !== rows) throw new Error(`the restatement put ${restated} rows in effect, expected ${rows}`);

  step('PostgreSQL: psql \\copy of the same rows into a bare table (timed)');
  const copy = copyIntoBareTable(database.url, files.economyCopy);
  if (copy.rows !== rows) throw new Error(`\\copy loaded ${copy.rows} rows, expected ${rows}`);
  step("PostgreSQL: psql \\copy of the same rows into a table with economy's key index (timed)");
  const copyKeyed = copyIntoBareTable(database.url, files.economyCopy, true);

  step(`PGlite: fresh store in ${pgliteDir}, loading the organisation`);
  lisIngest({ dataDir: pgliteDir }, 'organisation', files.organisation);
  step('PGlite: lis ingest economy (timed)');
  const pglite = await measureLisIngest({ dataDir: pgliteDir }, files.economy);

  const results: IngestResults = {
    rows,
    postgres: {
      wallSeconds: postgres.wallSeconds,
      cliSeconds: cliSeconds(postgres.stdout),
      peakRssMb: postgres.peakRssMb,
      rssSource: postgres.rssSource,
    },
    restatement: { wallSeconds: restatement.wallSeconds, cliSeconds: cliSeconds(restatement.stdout) },
    copy: { seconds: copy.seconds },
    copyKeyed: { seconds: copyKeyed.seconds },
    pglite: { wallSeconds: pglite.wallSeconds, cliSeconds: cliSeconds(pglite.stdout), peakRssMb: pglite.peakRssMb },
    serverVersion: (await queryValue(database.url, 'show server_version')) ?? '?',
  };
  printReport(results);
  const resultFile = join(OUT_DIR, 'ingest-result.json');
  writeFileSync(resultFile, `${JSON.stringify({ at: new Date().toISOString(), ...results, ...summarise(results) }, null, 2)}\n`);
  console.log(`Results also in ${resultFile}.`);
} finally {
  await database.drop();
  rmSync(pgliteDir, { recursive: true, force: true });
}
