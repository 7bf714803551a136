import type { BenchmarkMapping } from './mapping.ts';
import { parseStatbank } from './parse-statbank.ts';
import { type BenchmarkPartRow, toBenchmarkParts } from './statbank-to-benchmark.ts';

/** What the store already holds for a benchmark key, to complete rows the extracts give half of. */
export interface StoredBenchmark {
  netExpenditure: number;
  targetPopulation: number;
  needIndex: number | null;
  priceYear?: number | null;
}

export type StoredLookup = (year: number, area: string) => Promise<Map<string, StoredBenchmark>>;

export interface StatbankImport {
  /** a benchmark feed file (CSV) holding the complete rows */
  csv: string;
  rows: number;
  summary: string[];
  /** keys for which neither the extracts nor the store give both spending and population */
  incomplete: string[];
}

const decimal = (value: number, decimals: number) => String(Number(value.toFixed(decimals))).replace('.', ',');

/**
 * StatBank extracts (accounts and/or population) → complete benchmark rows. A part missing from
 * the extracts is taken from the row already stored for the same key (and the need index is kept).
 */
export async function statbankToBenchmark(
  files: { name: string; bytes: Uint8Array }[],
  mapping: BenchmarkMapping,
  stored: StoredLookup,
): Promise<StatbankImport> {
  const merged = new Map<string, BenchmarkPartRow>();
  const summary: string[] = [];
  for (const file of files) {
    const parts = toBenchmarkParts(parseStatbank(file.bytes), mapping);
    summary.push(`${file.name}: ${parts.kind}, ${parts.rows.length} area rows`);
    for (const s of parts.skipped) summary.push(`  skipped ${s.count} observations: ${s.reason}`);
    for (const row of parts.rows) {
      const key = `${row.year}|${row.municipality}|${row.area}`;
      merged.set(key, { ...merged.get(key), ...row });
    }
  }
  const lookups = new Map<string, Map<string, StoredBenchmark>>();
  const lines = ['year;municipality;area;net_expenditure;target_population;need_index;price_year'];
  const incomplete: string[] = [];
  for (const [key, row] of [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const storedKey = `${row.year}|${row.area}`;
    if (!lookups.has(storedKey)) lookups.set(storedKey, await stored(row.year, row.area));
    const existing = lookups.get(storedKey)?.get(row.municipality);
    const net = row.netExpenditure ?? existing?.netExpenditure;
    const population = row.targetPopulation ?? existing?.targetPopulation;
    if (net === undefined || population === undefined) {
      incomplete.push(
        `${key.replaceAll('|', ' ')}: no ${net === undefined ? 'net expenditure' : 'target population'} (import that extract too)`,
      );
      continue;
    }
    const need = existing?.needIndex;
    // REGK31 is in current prices (PRISENHED LOBM): an extract's spending is in the prices of its own year
    const priceYear = row.netExpenditure === undefined ? existing?.priceYear : row.year;
    lines.push(
      [
        row.year,
        row.municipality,
        row.area,
        decimal(net, 2),
        decimal(population, 2),
        need == null ? '' : decimal(need, 4),
        priceYear ?? '',
      ].join(';'),
    );
  }
  return { csv: `${lines.join('\n')}\n`, rows: lines.length - 1, summary, incomplete };
}
