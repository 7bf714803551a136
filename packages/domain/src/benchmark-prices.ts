/**
 * The price basis of benchmark figures and the years of a trend (domain.md §6: net operating
 * spending in fixed prices). The price year is data (the benchmark feed's `price_year`), never guessed.
 */

/** The price year all the rows share; null when a row has none or they differ. */
export function commonPriceYear(priceYears: readonly (number | null)[]): number | null {
  const years = new Set(priceYears);
  const [only] = years;
  return years.size === 1 && only !== undefined ? only : null;
}

/** "faste 2016-priser", or why there is no single price year. */
export function priceBasisText(priceYears: readonly (number | null)[]): string {
  const year = commonPriceYear(priceYears);
  if (year !== null) return `faste ${year}-priser`;
  if (priceYears.length > 0 && priceYears.every((y) => y !== null)) return 'prisår ikke ens for alle kommuner';
  return 'prisår ikke oplyst';
}

/** How many years a trend shows: the latest and the two before. */
export const TREND_LENGTH = 3;

export const trendYears = (latest: number): number[] =>
  Array.from({ length: TREND_LENGTH }, (_, i) => latest - (TREND_LENGTH - 1) + i);

/**
 * Said under a trend whose years are not in one price year: the lines then hold price rises, so
 * a rise is not necessarily more spending. Null when every year with data has the same price year.
 */
export function trendPriceNote(points: readonly { hasData: boolean; priceYear: number | null }[]): string | null {
  const withData = points.filter((p) => p.hasData);
  if (withData.length === 0) return null;
  if (withData.some((p) => p.priceYear === null))
    return 'Prisåret er ikke oplyst for alle år: udviklingen kan rumme prisstigninger.';
  const years = [...new Set(withData.map((p) => p.priceYear))];
  return years.length > 1 ? `Årene er i forskellige prisår (${years.join(', ')}): udviklingen rummer prisstigninger.` : null;
}
