import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import pc from 'picocolors';
import { FileRejectedError } from '../modules/ingest/errors.ts';
import { parseBenchmarkMapping } from '../modules/statbank/mapping.ts';
import { statbankToBenchmark } from '../modules/statbank/statbank-import.ts';
import { StatbankError } from '../modules/statbank/statbank-table.ts';
import { statbankToPopulation } from '../modules/statbank/statbank-to-population.ts';
import type { Backend } from './backend.ts';
import { CliError } from './backend.ts';
import { formatCount, printRejection } from './print.ts';

const SHIPPED_MAPPING = 'reference/statbank/benchmark-mapping.json';

/** The shipped mapping, found upwards from this module: the sources and the bundle sit at different depths. */
function shippedMapping(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, SHIPPED_MAPPING))) return join(dir, SHIPPED_MAPPING);
  }
  throw new CliError(`The shipped mapping ${SHIPPED_MAPPING} was not found; give one with --map`);
}

/** `lis import statbank <file…> --map <mapping>`: Danmarks Statistik extracts → the benchmark feed. */
export function registerImportCommands(
  program: Command,
  withBackend: (run: (backend: Backend) => Promise<void>) => Promise<void>,
): void {
  program
    .command('import')
    .description('import reference data from outside sources')
    .command('statbank')
    .description(
      'turn StatBank extracts (REGK31-like accounts, FOLK1A-like population; CSV or JSON-stat) into benchmark rows and, from FOLK1A, the population feed',
    )
    .argument('<files...>', 'one or more extracts as api.statbank.dk returns them')
    .option('--map <mapping>', 'mapping file (default: reference/statbank/benchmark-mapping.json)')
    .option('--by <name>', 'who loads it, for the ledger', 'statbank')
    .action(async (files: string[], options: { map?: string; by: string }) =>
      withBackend(async (backend) => {
        const mappingPath = options.map ?? shippedMapping();
        let mapping: ReturnType<typeof parseBenchmarkMapping>;
        try {
          mapping = parseBenchmarkMapping(JSON.parse(await readFile(mappingPath, 'utf8')));
        } catch (error) {
          throw new CliError(`The mapping ${mappingPath} cannot be used: ${(error as Error).message}`);
        }
        const extracts = await Promise.all(
          files.map(async (f) => ({ name: basename(f), bytes: new Uint8Array(await readFile(f)) })),
        );
        const source = `statbank/${extracts.map((e) => e.name).join('+')}`;
        // FOLK1A extracts also give the population feed's actual counts (docs/demography.md)
        let population: ReturnType<typeof statbankToPopulation>;
        try {
          population = statbankToPopulation(extracts, mapping.population);
        } catch (error) {
          if (error instanceof StatbankError) throw new CliError(error.message);
          throw error;
        }
        if (population) {
          for (const line of population.summary) console.log(line);
          if (!(await loadConverted(backend, 'population', population.csv, source, options.by))) return;
        }
        let result: Awaited<ReturnType<typeof statbankToBenchmark>>;
        try {
          result = await statbankToBenchmark(extracts, mapping, (year, area) => backend.benchmarkRows(year, area));
        } catch (error) {
          if (error instanceof StatbankError) throw new CliError(error.message);
          throw error;
        }
        for (const line of result.summary) console.log(line);
        if (result.incomplete.length > 0) {
          console.error(pc.red(`✗ ${result.incomplete.length} benchmark rows are incomplete; nothing was loaded:`));
          for (const line of result.incomplete.slice(0, 20)) console.error(`  ${line}`);
          process.exitCode = 1;
          return;
        }
        // a population extract of parts only (no KØN TOT) gives the population feed but no benchmark rows
        if (result.rows === 0 && population) console.log('Benchmark: no rows in these extracts (nothing loaded).');
        else await loadConverted(backend, 'benchmark', result.csv, source, options.by);
      }),
    );
}

const FEED_WORDS = { benchmark: 'Benchmark', population: 'Befolkning' } as const;

/** Loads a converted extract into a feed as a file; false (and exit status 1) when the feed rejects it. */
async function loadConverted(
  backend: Backend,
  feed: keyof typeof FEED_WORDS,
  csv: string,
  fileName: string,
  by: string,
): Promise<boolean> {
  const path = join(tmpdir(), `lis-statbank-${feed}-${process.pid}.csv`);
  await writeFile(path, csv);
  try {
    const loaded = await backend.ingest(feed, path, fileName, by);
    console.log(
      `${pc.green('✓')} ${FEED_WORDS[feed]}: ${formatCount(loaded.rows)} rows ${loaded.status} as batch ${loaded.batchId}. Kilde: Danmarks Statistik.`,
    );
    return true;
  } catch (error) {
    if (!(error instanceof FileRejectedError)) throw error;
    printRejection('the converted extract', error.errors, error.errorCount);
    process.exitCode = 1;
    return false;
  } finally {
    await rm(path, { force: true });
  }
}
