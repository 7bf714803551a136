import type { Balance } from '@lis/contracts';
import { type PlanLines, planLines, reconcilePlanYear } from '@lis/domain';
import type { ReadContext } from '../../lib/read-context.ts';
import { originalBudgetOfYear } from './reconciliation.repository.ts';

/**
 * The plan's budget year against the economy feed's original budget for that year (the domain's
 * reconcilePlanYear): what agrees, what differs and why. A plan without a row for its budget
 * year is compared as all zero.
 */
export async function reconciliationOf(
  ctx: ReadContext,
  budgetYear: number,
  years: readonly { year: number; lines: PlanLines }[],
): Promise<Balance['reconciliation']> {
  const lines = years.find((y) => y.year === budgetYear)?.lines ?? planLines([]);
  const economy = await originalBudgetOfYear(ctx.db, ctx.municipality, budgetYear);
  return { year: budgetYear, economyHasYear: economy.length > 0, lines: reconcilePlanYear(budgetYear, lines, economy) };
}
