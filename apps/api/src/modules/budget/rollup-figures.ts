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

/** The follow-up statement's rows, looked up by scope and year. */
export function followUpLookup(rows: readonly FollowUpRow[]) {
  const find = (scope: string, year: number, kind: FollowUpRow['kind'], key: (r: FollowUpRow) => boolean = () => true) =>
    rows.find((r) => r.scope === scope && r.year === year && r.kind === kind && key(r));
  return {
    operating: (scope: string, year: number) => find(scope, year, 'operating'),
    category: (scope: string, year: number, category: SpendingCategory) =>
      find(scope, year, 'category', (r) => r.category === category),
    /** the operating amounts month by month, cumulated, with the forecast as it stood each month (budgetFollowUp's months) */
    months(scope: string, year: number): Omit<FollowUp['months'][number], 'cumulativeActualLastYear'>[] {
      let cumulativeActual = 0;
      let cumulativePhased = 0;
      return Array.from({ length: 12 }, (_, i) => {
        const row = find(scope, year, 'month', (r) => r.month === i + 1);
        const actual = row?.monthActual ?? 0;
        const phasedBudget = row?.monthPhased ?? 0;
        cumulativeActual += actual;
        cumulativePhased += phasedBudget;
        return {
          period: monthOf(year, i + 1),
          actual,
          phasedBudget,
          cumulativeActual,
          cumulativePhasedBudget: cumulativePhased,
          forecast: row && row.monthForecastMonth !== null ? row.monthForecast : null,
        };
      });
    },
    categories: CATEGORIES,
    latestPeriod: rows[0]?.latestPeriod ?? null,
  };
}

/** Account rows in the domain's order (accountLines: by code). */
export const byCode = (rows: readonly AccountRow[]) => [...rows].sort((a, b) => (a.code < b.code ? -1 : 1));
