export interface BudgetYearOption {
  year: number;
  /** false: the year shown has no plan (it is listed, but cannot be chosen) */
  hasPlan: boolean;
}

/**
 * The budget picker's years: those with a plan (newest first, as the API lists them) and the year
 * shown, marked when the list is known and lacks it.
 */
export function budgetYearOptions(plans: readonly number[] | undefined, current: number | null): BudgetYearOption[] {
  const options = (plans ?? []).map((year) => ({ year, hasPlan: true }));
  if (current !== null && !options.some((option) => option.year === current))
    options.push({ year: current, hasPlan: plans === undefined });
  return options.sort((a, b) => b.year - a.year);
}
