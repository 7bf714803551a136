import type { Balance } from '@lis/contracts';
import { type EconomyBudgetAmount, type PlanLines, planLines, reconcilePlanYear } from '@lis/domain';

/**
 * The plan's budget year against the economy feed's original budget for that year (the domain's
 * reconcilePlanYear): what agrees, what differs and why. A plan without a row for its budget
 * year is compared as all zero. The economy's original budget comes with the balance's facts
 * (budget.repository.ts balanceFacts: the read model at the kommune root, one statement).
 */
export function reconciliationOf(
  budgetYear: number,
  years: readonly { year: number; lines: PlanLines }[],
  economy: readonly EconomyBudgetAmount[],
): Balance['reconciliation'] {
  const lines = years.find((y) => y.year === budgetYear)?.lines ?? planLines([]);
  return { year: budgetYear, economyHasYear: economy.length > 0, lines: reconcilePlanYear(budgetYear, lines, economy) };
}
