/**
 * budget_plan: the budget balance of Budget 2016 (2016–2019) and Budget 2017 (2017–2020), in the
 * shape of a resultatopgørelse. Driftsoverskud (A = taxes + grants − service − transfers − interest,
 * with income negative) is about 60 mio. kr. in B2016 and falls in the forecast years as the
 * population ages; B2017 lifts it to about 80 mio. kr. after the benchmark savings, against the
 * policy target of ~50 mio. kr. Amounts in mio. kr. here, written in whole DKK.
 */
import type { BudgetLine } from '@lis/contracts';
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

export function* budgetPlanRows(random: Random): Generator<string[]> {
  for (const [budgetYear, plan] of PLANS) {
    for (let offset = 0; offset < 4; offset++) {
      for (const [line, amounts] of Object.entries(plan) as [BudgetLine, readonly number[]][]) {
        const mio = amounts[offset] ?? 0;
        // the seed moves each line by up to ±0,1 %, rounded to whole thousands as budgets are
        const amount = Math.round((mio * 1_000_000 * (1 + random.uniform(-0.001, 0.001))) / 1000) * 1000;
        yield [String(budgetYear), String(budgetYear + offset), line, decimalComma(amount, 0)];
      }
    }
  }
}
