/**
 * Population by age band (docs/demography.md). A count is for a single year of age ('7') or a
 * band ('6-16'); a year delivered in single years is summed into the bands, and band rows beside
 * single years of the same year, kind and vintage are not read (they would count people twice).
 * The feed contract (@lis/contracts FEEDS.population) names the same bands; a test holds them equal.
 */
export const AGE_BANDS = ['0-2', '3-5', '6-16', '17-24', '25-64', '65-79', '80+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export type BandCounts = Record<AgeBand, number>;

/** The first and last age of each band; the last band has no end. */
export const BAND_AGES: Readonly<Record<AgeBand, { from: number; to: number | null }>> = Object.fromEntries(
  AGE_BANDS.map((band) => {
    const [from, to] = band.endsWith('+') ? [band.slice(0, -1), null] : band.split('-');
    return [band, { from: Number(from), to: to === null || to === undefined ? null : Number(to) }];
  }),
) as Record<AgeBand, { from: number; to: number | null }>;

const isBand = (age: string): age is AgeBand => (AGE_BANDS as readonly string[]).includes(age);

/** The band a single year of age falls in. */
export function bandOfAge(age: number): AgeBand {
  const band = AGE_BANDS.find((b) => age >= BAND_AGES[b].from && (BAND_AGES[b].to === null || age <= (BAND_AGES[b].to ?? age)));
  if (!band) throw new RangeError(`no band for age ${age}`);
  return band;
}

const emptyBands = (): BandCounts => Object.fromEntries(AGE_BANDS.map((b) => [b, 0])) as BandCounts;

type AgeCount = { age: string; count: number };

/** The rows of one year (kind, vintage) that are read: its single years when there are any, else its band rows. */
function rowsRead(rows: readonly AgeCount[]): { single: boolean; rows: readonly AgeCount[] } {
  const single = rows.filter((r) => !isBand(r.age));
  return single.length > 0 ? { single: true, rows: single } : { single: false, rows };
}

/** Sums one year's counts (of one kind and vintage) into the bands: single years when there are any, else the band rows. */
export function sumIntoBands(rows: readonly AgeCount[]): BandCounts {
  const bands = emptyBands();
  for (const r of rowsRead(rows).rows) {
    const band = isBand(r.age) ? r.age : bandOfAge(Number(r.age));
    bands[band] += r.count;
  }
  return bands;
}

/** Ages a..b (b null: and over) summed from the bands; the ages must start and end on band limits. */
export function countInAges(bands: BandCounts, ages: { from: number; to: number | null }): number {
  let sum = 0;
  for (const band of AGE_BANDS) {
    const { from, to } = BAND_AGES[band];
    if (from >= ages.from && (ages.to === null || (to !== null && to <= ages.to))) sum += bands[band];
  }
  return sum;
}

/** Whether an age range starts and ends on band limits, so that band deliveries can answer it. */
export function alignsWithBands(ages: { from: number; to: number | null }): boolean {
  const starts = AGE_BANDS.some((b) => BAND_AGES[b].from === ages.from);
  const ends = ages.to === null || AGE_BANDS.some((b) => BAND_AGES[b].to === ages.to);
  return starts && ends && (ages.to === null || ages.to >= ages.from);
}

/**
 * The persons of ages a..b (b null: and over) in one year's rows (of one kind and vintage): summed
 * from its single years, or from its bands when the ages start and end on band limits; null when
 * the year has no rows or only bands that the ages cut through (e.g. 0–17 from 0-2, 3-5, 6-16, 17-24).
 */
export function countOfAges(rows: readonly AgeCount[], ages: { from: number; to: number | null }): number | null {
  const read = rowsRead(rows);
  if (read.rows.length === 0) return null;
  if (read.single)
    return read.rows
      .filter((r) => Number(r.age) >= ages.from && (ages.to === null || Number(r.age) <= ages.to))
      .reduce((sum, r) => sum + r.count, 0);
  return alignsWithBands(ages) ? countInAges(sumIntoBands(read.rows), ages) : null;
}
