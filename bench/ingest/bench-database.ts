import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server the bench runs on; its maintenance database is used to create and drop the bench database. */
export const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `lis_bench_${randomBytes(4).toString('hex')}`;
  await onServer(`create database ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    // `with (force)` ends a connection a killed ingest may have left behind.
    drop: () => onServer(`drop database if exists ${name} with (force)`),
  };
}

const onServer = async (statement: string) => {
  await queryValue(SERVER_URL, statement);
};

/** The first column of the first row of one statement, on a connection of its own. */
export async function queryValue(databaseUrl: string, statement: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query({ text: statement, rowMode: 'array' });
    return result.rows[0]?.[0] == null ? null : String(result.rows[0][0]);
  } finally {
    await client.end();
  }
}

// The columns and types of the economy table (packages/db migrations), with its NOT NULL and CHECK
// constraints but no index and no foreign key: the floor of what a load into PostgreSQL costs.
const BARE_ECONOMY = `
  create table economy_bare (
    municipality text not null,
    period date not null,
    org_id text not null,
    function text not null,
    dranst smallint not null check (dranst between 1 and 7),
    amount_type text not null check (amount_type in ('original_budget','corrected_budget','actual','forecast')),
    amount numeric(18,2) not null,
    batch_id bigint not null,
    active boolean not null default true
  )`;

// The same table with the economy table's key index (economy_active_key): the floor of a load that
// keeps "one row in effect per key" in the database while it writes.
const KEYED_ECONOMY = `
  ${BARE_ECONOMY.replace('economy_bare', 'economy_keyed')};
  create unique index on economy_keyed (municipality, period, org_id, function, dranst, amount_type) where active`;

/**
 * Creates the bare table (or, `keyed`, the one with the key index) and times `psql \copy` of the
 * COPY-format file into it; returns the seconds and the rows.
 */
export function copyIntoBareTable(databaseUrl: string, copyFile: string, keyed = false): { seconds: number; rows: number } {
  psql(databaseUrl, keyed ? KEYED_ECONOMY : BARE_ECONOMY);
  const table = keyed ? 'economy_keyed' : 'economy_bare';
  const started = performance.now();
  const output = psql(databaseUrl, `\\copy ${table} from '${copyFile.replace(/'/g, "''")}'`);
  const seconds = (performance.now() - started) / 1000;
  return { seconds, rows: Number(/COPY (\d+)/.exec(output)?.[1] ?? Number.NaN) };
}

function psql(databaseUrl: string, command: string): string {
  const run = spawnSync('psql', ['--no-psqlrc', '-v', 'ON_ERROR_STOP=1', '-d', databaseUrl, '-c', command], { encoding: 'utf8' });
  if (run.error) throw new Error(`psql could not be started: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`psql failed (${command.trim().split('\n')[0]}): ${run.stderr.trim()}`);
  return run.stdout;
}
