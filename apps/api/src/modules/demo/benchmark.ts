/**
 * benchmark: net operating spending and target population for all 98 municipalities, nine areas
 * and three years, in the shape of the ministry's key figures (fixed 2016 prices). Unit costs
 * spread around a national level, partly follow the expenditure-need index, and stay
 * characteristic for a municipality from year to year. Jammerbugt is set above the others for
 * children, schools, adults with special needs and roads, below them for the elderly,
 * administration and culture, so a B2017 analysis finds both potentials and areas under benchmark.
 */
import { MUNICIPALITIES } from '@lis/domain';
import { YEARS } from './calendar.ts';
import { decimalComma } from './format.ts';
import { type AgeShares, ageShares, inhabitants } from './population.ts';
import type { Random } from './random.ts';

const JAMMERBUGT = '849';

interface Area {
  id: string;
  /** the target population as a share of the inhabitants */
  share: (s: AgeShares) => number;
  /** national unit cost 2016, DKK per member of the target population */
  unitCost: number;
  /** spread of unit costs between municipalities (log scale) */
  spread: number;
  /** Jammerbugt's level relative to the national one */
  jammerbugt: number;
  /** extra cost of being small (administration) or rural (roads) */
  structural?: (inhabitants: number, group: number) => number;
}

const AREAS: readonly Area[] = [
  { id: 'dagtilbud', share: (s) => s.age0to5, unitCost: 72_000, spread: 0.08, jammerbugt: 1.05 },
  { id: 'folkeskole', share: (s) => s.age6to16, unitCost: 78_000, spread: 0.07, jammerbugt: 1.08 },
  // 0–17: the 17-year-olds are about one year-group of the 6–16-year-olds
  { id: 'udsatte_boern', share: (s) => s.age0to5 + (s.age6to16 * 12) / 11, unitCost: 12_500, spread: 0.18, jammerbugt: 1.16 },
  { id: 'aeldre', share: (s) => s.age65plus, unitCost: 44_000, spread: 0.12, jammerbugt: 0.92 },
  { id: 'handicap_voksne', share: (s) => s.age18to64, unitCost: 5_800, spread: 0.18, jammerbugt: 1.06 },
  {
    id: 'administration',
    share: () => 1,
    unitCost: 5_900,
    spread: 0.07,
    jammerbugt: 0.9,
    structural: (n) => 1 + 0.2 * Math.sqrt(40_000 / n) - 0.2,
  },
  { id: 'sundhed', share: () => 1, unitCost: 5_200, spread: 0.06, jammerbugt: 1.02 },
  {
    id: 'veje',
    share: () => 1,
    unitCost: 1_500,
    spread: 0.2,
    jammerbugt: 1.03,
    structural: (_, group) => [0.7, 0.8, 1, 1.15, 1.35][group - 1] ?? 1,
  },
  { id: 'kultur', share: () => 1, unitCost: 1_300, spread: 0.2, jammerbugt: 0.86 },
];
/** real change at fixed prices: a little less each year */
const YEAR_LEVEL: Readonly<Record<number, number>> = { 2014: 1.01, 2015: 1.005, 2016: 1 };
/** the price year of every figure: the ministry's key figures are in fixed prices of the latest year */
const PRICE_YEAR = 2016;
const NEED_BY_GROUP: Readonly<Record<number, number>> = { 1: 0.98, 2: 1, 3: 1, 4: 0.99, 5: 1.04 };

export function* benchmarkRows(random: Random): Generator<string[]> {
  const profiles = MUNICIPALITIES.map((m) => {
    const r = random.fork(m.code);
    const need = m.code === JAMMERBUGT ? 1.03 : r.normal(NEED_BY_GROUP[m.group] ?? 1, 0.04);
    return {
      m,
      r,
      areas: AREAS.map((area) => ({
        area,
        need: clamp(need + r.normal(0, 0.02), 0.86, 1.14),
        level: m.code === JAMMERBUGT ? area.jammerbugt : r.logNormal(1, area.spread),
      })),
    };
  });
  for (const year of YEARS) {
    for (const { m, r, areas } of profiles) {
      const people = inhabitants(m.code, m.group, year);
      const shares = ageShares(m.code, m.group);
      for (const { area, need, level } of areas) {
        // the municipality's own age profile varies a little around its group's
        const target = Math.round(people * area.share(shares) * (m.code === JAMMERBUGT ? 1 : r.logNormal(1, 0.01)));
        const needThisYear = clamp(need + r.normal(0, 0.004), 0.85, 1.15);
        const unitCost =
          area.unitCost *
          (YEAR_LEVEL[year] ?? 1) *
          level *
          needThisYear ** 0.6 *
          (area.structural?.(people, m.group) ?? 1) *
          r.logNormal(1, 0.02);
        const spending = Math.round((unitCost * target) / 1000) * 1000;
        yield [
          String(year),
          m.code,
          area.id,
          decimalComma(spending, 0),
          String(target),
          decimalComma(needThisYear, 3),
          String(PRICE_YEAR),
        ];
      }
    }
  }
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
