import type { FollowUp } from '@lis/contracts';
import { CATEGORIES, type FollowUpFigures, type SpendingCategory } from '@lis/domain';
import type { AccountRow, FollowUpRow, RollupSums } from './budget.repository.ts';

const monthOf = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** The domain's figures (budgetFollowUp's FollowUpFigures) from the read model's sums; none: the empty set of keys. */
export function figuresOf(sums: RollupSums | undefined, year: number): FollowUpFigures {
  if (!sums)
    return {
      originalBudget: 0,
      correctedBudget: 0,
      phasedBudgetYtd: 0,
      actualsYtd: 0,
      forecast: 0,
      forecastMadeIn: null,
      deviation: null,
    };
  const madeIn = sums.forecastMonth === null ? null : monthOf(year, sums.forecastMonth);
  return {
    originalBudget: sums.originalBudget,
    correctedBudget: sums.correctedBudget,
    phasedBudgetYtd: sums.phasedBudgetYtd,
    actualsYtd: sums.actualsYtd,
    forecast: sums.forecast,
    forecastMadeIn: madeIn,
    deviation: madeIn === null ? null : sums.forecast - sums.correctedBudget,
  };
}

/**
 * The follow-up statement's rows summed for a set of units (each a subtree that no other of the
 * set holds: a unit, a child, a chef's topmost own units), a year and categories.
 */
export function followUpLookup(rows: readonly FollowUpRow[], month: number) {
  // by unit, year and month: a page asks for some fifty groups, each of a few rows
  const grouped = new Map<string, FollowUpRow[]>();
  for (const r of rows) {
    const key = `${r.orgId}|${r.year}|${r.month}`;
    const group = grouped.get(key);
    if (group) group.push(r);
    else grouped.set(key, [r]);
  }
  const of = (orgIds: readonly string[], year: number, categories: readonly SpendingCategory[], at: number) =>
    orgIds.flatMap((id) => grouped.get(`${id}|${year}|${at}`) ?? []).filter((r) => categories.includes(r.category));
  /** The figures to date of the month asked for; undefined where the units have no keys in those categories. */
  const sums = (orgIds: readonly string[], year: number, categories: readonly SpendingCategory[]): RollupSums | undefined => {
    const found = of(orgIds, year, categories, month);
    if (found.length === 0) return undefined;
    return {
      originalBudget: sum(found, (r) => r.originalYear),
      correctedBudget: sum(found, (r) => r.correctedYear),
      phasedBudgetYtd: sum(found, (r) => r.phasedYtd),
      actualsYtd: sum(found, (r) => r.actualYtd),
      forecast: sum(found, (r) => r.forecast),
      forecastMonth: latestForecastMonth(found),
    };
  };
  return {
    sums,
    /** the amounts month by month, cumulated, with the forecast as it stood each month (budgetFollowUp's months) */
    months(
      orgId: string,
      year: number,
      categories: readonly SpendingCategory[],
    ): Omit<FollowUp['months'][number], 'cumulativeActualLastYear'>[] {
      let cumulativeActual = 0;
      let cumulativePhased = 0;
      return Array.from({ length: 12 }, (_, i) => {
        const found = of([orgId], year, categories, i + 1);
        const actual = sum(found, (r) => r.actual);
        const phasedBudget = sum(found, (r) => r.phased);
        cumulativeActual += actual;
        cumulativePhased += phasedBudget;
        return {
          period: monthOf(year, i + 1),
          actual,
          phasedBudget,
          cumulativeActual,
          cumulativePhasedBudget: cumulativePhased,
          forecast: latestForecastMonth(found) === null ? null : sum(found, (r) => r.forecast),
        };
      });
    },
    categories: CATEGORIES,
  };
}

/** Summed in øre, as the store holds the amounts (numeric(18,2)), so no binary fraction creeps in. */
const sum = (rows: readonly FollowUpRow[], value: (r: FollowUpRow) => number) =>
  rows.reduce((total, r) => total + Math.round(value(r) * 100), 0) / 100;

const latestForecastMonth = (rows: readonly FollowUpRow[]) =>
  rows.reduce<number | null>(
    (latest, r) => (r.forecastMonth !== null && (latest === null || r.forecastMonth > latest) ? r.forecastMonth : latest),
    null,
  );

/** Account rows in the domain's order (accountLines: by code). */
export const byCode = (rows: readonly AccountRow[]) => [...rows].sort((a, b) => (a.code < b.code ? -1 : 1));
