import pg from 'pg';

// Where an ingest's wall time goes, seen from the server. pg_stat_activity of the bench database is
// sampled every few milliseconds; a statement is known by (pid, query_start), and once its backend
// has moved on from it, state_change - query_start is its exact duration on the server. The gaps
// between the statements of the loading transaction are time the server waited for Node.

export interface Statement {
  pid: number;
  query: string;
  phase: string;
  /** epoch milliseconds of the transaction's begin, or null outside one; times are on the server clock (the same machine) */
  transactionStart: number | null;
  start: number;
  end: number;
}

const SAMPLE_EVERY_MS = 5;
const STAGE_COPY = 'COPY into the staging table';
const FIRST_LOAD_COPY = 'COPY straight into economy (first load, ADR 0014)';

// Names for the statements of ingestion and of the indicator refresh (apps/api/src/modules/ingest, modules/kpi).
// A statement that matches none is shown by its first words.
const STATEMENTS: [RegExp, string][] = [
  [/^begin/, 'begin'],
  [/^copy ingest_stage/, STAGE_COPY],
  [/^copy economy/, FIRST_LOAD_COPY],
  [/^create temp table economy_key_months/, 'economy facts grouped per key and month, once (ADR 0016)'],
  [/^analyze economy_key_months/, 'analyze the key months'],
  [/^with key_years as/, 'economy read model (ADR 0012), one statement'],
  [/^delete from economy_rollup/, "economy read model: delete the years' rows"],
  [/^select distinct function, dranst from economy_key_months/, 'economy read model: account pairs to classify'],
  [/^create temp table|^alter table ingest_stage/, 'create the staging table'],
  [/^select 1 from ingest_stage group by/, 'duplicate-key check on staging (any duplicates?)'],
  [/row_number\(\) over \(partition by/, 'duplicate-key check on staging (their lines)'],
  [/^with replaced as \( update economy/, 'publish: set aside replaced rows (update economy from stage)'],
  [/^insert into economy/, 'publish: insert stage into economy'],
  [/^insert into batches/, 'ledger: insert the batch'],
  [/^update batches b set active_rows = b\.active_rows - r\.rows/, 'ledger: take replaced rows off their batches'],
  [/savepoint publish/, 'publish: savepoint'],
  [/^analyze /, 'analyze the loaded table (a large change)'],
  [/from org_closure where municipality = \$1 order by depth/, 'refresh: load the org tree'],
  [/^select to_char\(min\(period\)/, 'refresh: data range of economy'],
  // pg_stat_activity keeps the first 1024 bytes of a query: matched by its start
  [/^select e\.org_id, e\.year, sum\(e\.corrected\)/, 'refresh: forecasts per account (keyForecasts)'],
  [/^with unit_months as/, 'refresh: budget per unit and month (budgetMonths)'],
  [/^delete from kpi_rollup/, 'refresh: delete old rollups'],
  [/^copy kpi_rollup/, 'refresh: COPY new rollups'],
  [/^commit/, 'commit'],
];

function phaseOf(query: string): string {
  const text = query.replace(/"/g, '').replace(/\s+/g, ' ').trim();
  for (const [pattern, name] of STATEMENTS) if (pattern.test(text)) return name;
  return `other: ${text.slice(0, 60)}`;
}

// The extended protocol reports parse and execute of one statement with two query_starts a few ms apart.
const SAME_STATEMENT_GAP_MS = 10;

interface Sample {
  pid: number;
  state: string | null;
  query: string;
  query_start: number | null;
  state_change: number | null;
  xact_start: number | null;
}

/** Samples until `stop()`, which returns every statement seen, in order of start. */
export async function sampleServerStatements(databaseUrl: string): Promise<{ stop(): Promise<Statement[]> }> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'lis-bench-sampler' });
  await client.connect();
  const statements = new Map<string, Statement>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<Sample>(
        `select pid, state, query,
                extract(epoch from query_start) * 1000 as query_start, extract(epoch from state_change) * 1000 as state_change,
                extract(epoch from xact_start) * 1000 as xact_start
         from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
      );
      for (const row of rows) {
        if (row.query_start === null || row.state_change === null) continue;
        const key = `${row.pid}|${row.query_start}`;
        const start = Number(row.query_start);
        // While active the end is not known yet: take the latest sample as a lower bound.
        const end = row.state === 'active' ? Date.now() : Number(row.state_change);
        const transactionStart = row.xact_start === null ? null : Number(row.xact_start);
        statements.set(key, { pid: row.pid, query: row.query, phase: phaseOf(row.query), transactionStart, start, end });
      }
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end();
      return mergeProtocolSteps([...statements.values()].sort((a, b) => a.start - b.start));
    },
  };
}

function mergeProtocolSteps(sorted: Statement[]): Statement[] {
  const merged: Statement[] = [];
  const lastOf = new Map<number, Statement>();
  for (const s of sorted) {
    const previous = lastOf.get(s.pid);
    if (previous && previous.query === s.query && s.start - previous.end < SAME_STATEMENT_GAP_MS) {
      previous.end = Math.max(previous.end, s.end);
      continue;
    }
    const copy = { ...s };
    merged.push(copy);
    lastOf.set(s.pid, copy);
  }
  return merged;
}

export interface PhaseTime {
  phase: string;
  count: number;
  seconds: number;
}

/**
 * Splits the loading transaction (begin … commit on one backend) into server time per kind of
 * statement and Node time per gap, the gap named after the statement it follows.
 */
export function transactionPhases(statements: Statement[]): {
  server: PhaseTime[];
  node: PhaseTime[];
  begin: number;
  end: number;
} {
  const copyStatement = statements.find((s) => s.phase === STAGE_COPY || s.phase === FIRST_LOAD_COPY);
  if (!copyStatement) throw new Error('the sampler saw no COPY of the file: is the run too short to sample?');
  const transaction = statements.filter(
    (s) => s.pid === copyStatement.pid && s.transactionStart === copyStatement.transactionStart,
  );
  // A commit sampled only once it is done has no xact_start any more: it is the next statement of that backend.
  const commit = statements.find((s) => s.pid === copyStatement.pid && s.phase === 'commit' && s.start >= copyStatement.start);
  if (commit && !transaction.includes(commit)) transaction.push(commit);
  const begin = copyStatement.transactionStart ?? transaction[0]?.start ?? 0;
  const server = new Map<string, PhaseTime>();
  const node = new Map<string, PhaseTime>();
  const add = (into: Map<string, PhaseTime>, phase: string, seconds: number) => {
    const entry = into.get(phase) ?? { phase, count: 0, seconds: 0 };
    entry.count++;
    entry.seconds += seconds;
    into.set(phase, entry);
  };
  add(node, 'after begin', Math.max(0, (transaction[0]?.start ?? begin) - begin) / 1000);
  transaction.forEach((s, i) => {
    add(server, s.phase, Math.max(0, s.end - s.start) / 1000); // Date.now() is in whole ms, the server in µs
    const next = transaction[i + 1];
    if (next) add(node, `after ${s.phase}`, Math.max(0, next.start - s.end) / 1000);
  });
  const bySeconds = (m: Map<string, PhaseTime>) => [...m.values()].sort((a, b) => b.seconds - a.seconds);
  return { server: bySeconds(server), node: bySeconds(node), begin, end: transaction.at(-1)?.end ?? begin };
}
