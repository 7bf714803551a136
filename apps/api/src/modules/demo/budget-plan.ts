/**
 * budget_plan: the budget balance of Budget 2016 (2016–2019) and Budget 2017 (2017–2020), in the
 * shape of a resultatopgørelse. The lines the economy feed holds (skatter, tilskud og udligning,
 * service, overførsler, anlæg, forsyning) start from the economy's original budget for 2016, so
 * B2016's budget year is exactly the economy feed's (the balance page reconciles them); every
 * other amount is that start plus the change written in PLANS against B2016's budget year.
 * Renter, afdrag, låneoptagelse and finansforskydninger are not in the economy feed and are
 * PLANS' amounts as written. Driftsoverskud (A = taxes + grants − service − transfers − interest,
 * with income negative) is about 60 mio. kr. in B2016 and falls in the forecast years as the
 * population ages; B2017 lifts it to about 80 mio. kr. after the benchmark savings, against the
 * policy target of ~50 mio. kr. Amounts in mio. kr. here, written in whole DKK.
 */
import type { BudgetLine } from '@lis/contracts';
import { planLineOfAccount, type ReconciledLine } from '@lis/domain';
import type { EconomyLine } from './economy-lines.ts';
import { decimalComma } from './format.ts';
import type { Random } from './random.ts';

type Plan = Readonly<Record<BudgetLine, readonly number[]>>;

/** mio. kr. per year of the plan (budget year first); + expense, − income */
const PLANS: ReadonlyMap<number, Plan> = new Map([
  [
    2016,
    {
      taxes: [-1935, -1978, -2022, -2066],
      grants_equalisation: [-642, -648, -655, -661],
      service: [1951, 1990, 2032, 2070],
      transfers: [560, 575, 590, 603],
      interest: [5, 5.2, 5.4, 5.6],
      capital: [55, 62, 58, 50],
      utilities: [1.5, 1.2, 0.8, 0.6],
      repayments: [24, 25, 25, 26],
      borrowing: [-20, -22, -18, -15],
      financial_movements: [3, 2.5, 2, 2],
    },
  ],
  [
    2017,
    {
      taxes: [-1962, -2003, -2045, -2088],
      grants_equalisation: [-648, -657, -664, -671],
      service: [1952, 1990, 2031, 2074],
      transfers: [571, 585, 600, 616],
      interest: [4.8, 4.9, 5, 5.1],
      capital: [68, 60, 55, 52],
      utilities: [1.1, 0.9, 0.7, 0.5],
      repayments: [25, 26, 26, 27],
      borrowing: [-22, -20, -18, -16],
      financial_movements: [2, 2, 1.5, 1.5],
    },
  ],
]);

/** The budget year the economy feed's original budget anchors the plans to. */
const ANCHOR_YEAR = 2016;

/**
 * The economy feed's original budget of a year per line of the resultatopgørelse (the domain's
 * planLineOfAccount, as the balance page reconciles), whole DKK.
 */
function economyOriginalBudget(lines: readonly EconomyLine[], year: number): Map<ReconciledLine, number> {
  const sums = new Map<ReconciledLine, number>();
  for (const line of lines) {
    const planLine = planLineOfAccount(line.fn, line.dranst);
    const amount = line.original.get(year);
    if (planLine && amount !== undefined) sums.set(planLine, (sums.get(planLine) ?? 0) + amount);
  }
  return sums;
}

export function* budgetPlanRows(economyLines: readonly EconomyLine[], random: Random): Generator<string[]> {
  const anchor = economyOriginalBudget(economyLines, ANCHOR_YEAR);
  const anchorPlan = PLANS.get(ANCHOR_YEAR);
  for (const [budgetYear, plan] of PLANS) {
    for (let offset = 0; offset < 4; offset++) {
      for (const [line, amounts] of Object.entries(plan) as [BudgetLine, readonly number[]][]) {
        const mio = amounts[offset] ?? 0;
        // the seed moves each line by up to ±0,1 %, rounded to whole thousands as budgets are
        const jitter = 1 + random.uniform(-0.001, 0.001);
        const fromEconomy = anchor.get(line as ReconciledLine);
        const written = Math.round((mio * 1_000_000 * jitter) / 1000) * 1000;
        const amount =
          fromEconomy === undefined
            ? written
            : budgetYear === ANCHOR_YEAR && offset === 0
              ? fromEconomy
              : fromEconomy + Math.round(((mio - (anchorPlan?.[line][0] ?? 0)) * 1_000_000 * jitter) / 1000) * 1000;
        yield [String(budgetYear), String(budgetYear + offset), line, decimalComma(amount, 0)];
      }
    }
  }
}
