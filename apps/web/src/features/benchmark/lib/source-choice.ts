/**
 * The choice of where the benchmark's figures come from: the imported ones (Danmarks Statistik's
 * StatBank or the benchmark feed) or the store's own economy and population ("Egne tal i LIS"),
 * which the API offers per area for the years it can answer (`storeYears`).
 */
import type { BenchmarkSource } from '@lis/contracts';
import type { BenchmarkArea } from '../api/get-areas';

export const SOURCE_NAMES: Readonly<Record<BenchmarkSource, string>> = {
  statbank: 'Danmarks Statistik',
  store: 'Egne tal i LIS',
};

/** Whether the page shows the choice: the store can answer the area's year, or the store is already chosen. */
export const offersSourceChoice = (area: BenchmarkArea | undefined, year: number, source: BenchmarkSource): boolean =>
  source === 'store' || (area?.storeYears.includes(year) ?? false);

/** The years the year picker lists for the source, newest first; the shown year stays among them. */
export function yearsOf(area: BenchmarkArea | undefined, source: BenchmarkSource, year: number): number[] {
  const years = (source === 'store' ? area?.storeYears : area?.years) ?? [];
  return [...new Set([...years, year])].sort((a, b) => b - a);
}
