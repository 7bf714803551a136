/**
 * population: Jammerbugt's inhabitants by single year of age, actual for the demo years (1 January,
 * as FOLK1A's first quarter) and the forecast "prognose 2016" to B2017's budget year + 3 (2020).
 * The 2016 profile is the benchmark's (population.ts: the same inhabitants and age shares, so the
 * 0–5-, 6–16- and 65+-year-olds match the benchmark's target populations of 2016); other years move
 * by each age group's trend: fewer children and young people, more elderly, most of all the 80+.
 */
import { findMunicipality } from '@lis/domain';
import { YEARS } from './calendar.ts';
import { decimalComma } from './format.ts';
import { ageShares, inhabitants } from './population.ts';
import type { Random } from './random.ts';

const JAMMERBUGT = '849';
const DEMO_FORECAST_VINTAGE = 'prognose 2016';
/** the forecast's years: after the last actual year up to B2017's budget year + 3 */
const FORECAST_YEARS = [2017, 2018, 2019, 2020] as const;
const BASE_YEAR = 2016;
const OLDEST = 99;

interface Segment {
  from: number;
  to: number;
  /** yearly change of the segment's count relative to 2016 */
  trend: number;
}

const SEGMENTS: readonly Segment[] = [
  { from: 0, to: 5, trend: -0.015 },
  { from: 6, to: 16, trend: -0.012 },
  { from: 17, to: 24, trend: -0.01 },
  { from: 25, to: 64, trend: -0.008 },
  { from: 65, to: 79, trend: 0.015 },
  { from: 80, to: OLDEST, trend: 0.04 },
];

/** 2016's count of each single age: the benchmark's shares spread over the ages of each group. */
function baseProfile(random: Random): number[] {
  const group = findMunicipality(JAMMERBUGT)?.group ?? 5;
  const people = inhabitants(JAMMERBUGT, group, BASE_YEAR);
  const s = ageShares(JAMMERBUGT, group);
  // the 17–24-year-olds take what the 18–64 share leaves beside the 25–64 ones (≈ 8 year-groups)
  const young = (s.age18to64 * 8) / 47;
  const shares: [number, number, number][] = [
    [0, 5, s.age0to5],
    [6, 16, s.age6to16],
    [17, 24, young],
    [25, 64, s.age18to64 - young],
    [65, OLDEST, s.age65plus],
  ];
  const counts: number[] = [];
  for (const [from, to, share] of shares) {
    // the elderly thin out with age; the other groups are about even, with some noise per year-group
    const weights = Array.from({ length: to - from + 1 }, (_, i) =>
      from >= 65 ? Math.exp(-0.09 * i) : random.logNormal(1, 0.04),
    );
    const total = weights.reduce((a, b) => a + b, 0);
    for (const w of weights) counts.push((people * share * w) / total);
  }
  return counts;
}

const trendOf = (age: number) => SEGMENTS.find((seg) => age >= seg.from && age <= seg.to)?.trend ?? 0;

export function* populationRows(random: Random): Generator<string[]> {
  const base = baseProfile(random);
  const rows = (year: number, kind: 'actual' | 'forecast', vintage: string) =>
    base.map((count, age) => [
      JAMMERBUGT,
      String(year),
      String(age),
      decimalComma(Math.round(count * (1 + trendOf(age)) ** (year - BASE_YEAR)), 0),
      kind,
      vintage,
    ]);
  for (const year of YEARS) yield* rows(year, 'actual', '');
  for (const year of FORECAST_YEARS) yield* rows(year, 'forecast', DEMO_FORECAST_VINTAGE);
}
