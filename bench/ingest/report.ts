import { cpus, totalmem } from 'node:os';

export interface IngestResults {
  rows: number;
  postgres: { wallSeconds: number; cliSeconds: number | null; peakRssMb: number; rssSource: string };
  /** the same keys loaded again with other amounts, into the store the first load filled */
  restatement: { wallSeconds: number; cliSeconds: number | null };
  copy: { seconds: number };
  /** \copy into a table with the economy table's key index */
  copyKeyed: { seconds: number };
  pglite: { wallSeconds: number; cliSeconds: number | null; peakRssMb: number };
  serverVersion: string;
}

// The targets the owner set for ingestion; see docs/performance.md.
const GOALS = { postgresRowsPerSecond: 100_000, ratioToCopy: 0.5, restatementRatioToCopy: 0.3, peakRssMb: 300 };

export function summarise(r: IngestResults) {
  const postgresRate = r.rows / r.postgres.wallSeconds;
  const copyRate = r.rows / r.copy.seconds;
  const restatementRate = r.rows / r.restatement.wallSeconds;
  const keyedCopyRate = r.rows / r.copyKeyed.seconds;
  return {
    postgresRate,
    copyRate,
    ratio: postgresRate / copyRate,
    restatementRate,
    restatementRatio: restatementRate / copyRate,
    keyedCopyRate,
    keyedCopyRatio: keyedCopyRate / copyRate,
    peakRssMb: r.postgres.peakRssMb,
    pgliteRate: r.rows / r.pglite.wallSeconds,
  };
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

export function printReport(r: IngestResults): void {
  const s = summarise(r);
  const table: [string, string, string, string][] = [
    ['measure', 'value', 'goal', ''],
    [
      'lis ingest on PostgreSQL, rows/s',
      int(s.postgresRate),
      `>= ${int(GOALS.postgresRowsPerSecond)}`,
      verdict(s.postgresRate >= GOALS.postgresRowsPerSecond),
    ],
    ['psql \\copy into a bare table, rows/s', int(s.copyRate), '', ''],
    ['ratio lis / \\copy', s.ratio.toFixed(3), `>= ${GOALS.ratioToCopy}`, verdict(s.ratio >= GOALS.ratioToCopy)],
    ['lis ingest of a restatement (same keys), rows/s', int(s.restatementRate), '', ''],
    [
      'ratio restatement / \\copy',
      s.restatementRatio.toFixed(3),
      `>= ${GOALS.restatementRatioToCopy}`,
      verdict(s.restatementRatio >= GOALS.restatementRatioToCopy),
    ],
    ["psql \\copy into a table with economy's key index, rows/s", int(s.keyedCopyRate), '', ''],
    ['ratio keyed \\copy / \\copy (a ceiling for a keyed load)', s.keyedCopyRatio.toFixed(3), '', ''],
    ['peak RSS of lis ingest (PostgreSQL), MB', int(s.peakRssMb), `< ${GOALS.peakRssMb}`, verdict(s.peakRssMb < GOALS.peakRssMb)],
    ['lis ingest on PGlite, rows/s', int(s.pgliteRate), '', ''],
  ];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...table.map((row) => row[c]?.length ?? 0)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 1 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ');
  console.log(`\nIngestion of ${int(r.rows)} economy rows`);
  console.log(line(table[0] ?? []));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table.slice(1)) console.log(line(row));
  console.log(
    `\nlis on PostgreSQL: ${r.postgres.wallSeconds.toFixed(1)} s wall for the whole process ` +
      `(the CLI itself reports ${r.postgres.cliSeconds?.toFixed(1) ?? '?'} s after start-up); ` +
      `restatement: ${r.restatement.wallSeconds.toFixed(1)} s wall (CLI ${r.restatement.cliSeconds?.toFixed(1) ?? '?'} s); ` +
      `\\copy: ${r.copy.seconds.toFixed(1)} s, keyed ${r.copyKeyed.seconds.toFixed(1)} s; ` +
      `PGlite: ${r.pglite.wallSeconds.toFixed(1)} s wall, peak RSS ${int(r.pglite.peakRssMb)} MB.`,
  );
  console.log(`Peak RSS measured with ${r.postgres.rssSource}.`);
  console.log(
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}), ${int(totalmem() / 2 ** 30)} GB RAM, ` +
      `Node ${process.versions.node}, PostgreSQL ${r.serverVersion}.`,
  );
}

/** The seconds the CLI prints in "Loaded economy: N rows in X s", i.e. without process start-up. */
export function cliSeconds(stdout: string): number | null {
  const match = / rows in ([\d.]+) s /.exec(stdout);
  return match ? Number(match[1]) : null;
}
