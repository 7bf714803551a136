/**
 * Which functions of the chart of accounts a benchmark area covers: the StatBank mapping LIS ships
 * (reference/statbank/benchmark-mapping.json, accounts.areas), the very definition by which
 * `lis import statbank` sums REGK31 into the area's net expenditure. Bundled with the server.
 */
import shipped from '../../../../../reference/statbank/benchmark-mapping.json' with { type: 'json' };
import { parseBenchmarkMapping } from '../statbank/mapping.ts';

const mapping = parseBenchmarkMapping(shipped);
const accounts = mapping.accounts;
const entriesOf = shipped.accounts.areas as Readonly<Record<string, readonly string[]>>;

export const FUNCTIONS_SOURCE =
  'Områdets funktioner er StatBank-kortlægningens (reference/statbank/benchmark-mapping.json, accounts.areas), som importen af REGK31 også summerer efter.';

/** "32203" → "3.22.03", as the economy feed writes functions */
const dotted = (code: string) => `${code.slice(0, 1)}.${code.slice(1, 3)}.${code.slice(3)}`;

export interface AreaFunctions {
  /** the mapping's entries as written, e.g. "3.22.01-3.22.08" */
  entries: string[];
  /** dotted function numbers the mapping marks as not confirmed by the chart of accounts */
  unconfirmed: string[];
  /** whether a dotted function (e.g. "3.22.01") belongs to the area */
  covers: (fn: string) => boolean;
}

export function areaFunctions(area: string): AreaFunctions {
  const ranges = accounts?.areas[area] ?? [];
  const covered = (code: string) => ranges.some((r) => r.from <= code && code <= r.to);
  return {
    entries: [...(entriesOf[area] ?? [])],
    unconfirmed: (accounts?.unconfirmed ?? []).filter(covered).map(dotted),
    covers: (fn) => covered(fn.replaceAll('.', '')),
  };
}

/** The area's target population's ages by the same mapping (population.areas, as the FOLK1A import sums); `to` null = and over. */
export function areaAges(area: string): { from: number; to: number | null } | null {
  const band = mapping.population?.areas[area];
  if (!band) return null;
  return { from: band.from, to: Number.isFinite(band.to) ? band.to : null };
}

/** Whether the store's own facts can give the area: the mapping names both its functions and its ages. */
export const storeCovers = (area: string) => areaAges(area) !== null && (accounts?.areas[area]?.length ?? 0) > 0;

/** The five-digit function ranges of each area the store's own facts can give, to sum them by. */
export const storeAreaRanges = (): { area: string; from: string; to: string }[] =>
  Object.entries(accounts?.areas ?? {})
    .filter(([area]) => storeCovers(area))
    .flatMap(([area, ranges]) => ranges.map((r) => ({ area, from: r.from, to: r.to })));
