import { PLAN_ROWS, type PlanLine, type PlanLines, planRow } from './budget-balance.ts';
import { classifyAccount } from './chart-of-accounts.ts';

/**
 * What reconciles with what: the budget plan's budget year (the adopted budget of the whole
 * kommune, line by line of the resultatopgørelse) against the economy feed's original budget for
 * the same year, summed over every cost centre and classified by the chart of accounts. The
 * economy's service and overførsler are also the budget follow-up's drift, so a line that agrees
 * here agrees with the follow-up's original budget too. Afdrag, låneoptagelse and
 * finansforskydninger (balance accounts) are not followed up and are not compared.
 */

/** Balance accounts (hovedkonto 8): not followed up, so not compared. */
const NOT_COMPARED: readonly PlanLine[] = ['repayments', 'borrowing', 'financial_movements'];
export type ReconciledLine = Exclude<PlanLine, 'repayments' | 'borrowing' | 'financial_movements'>;

/** The compared lines in the resultatopgørelse's order. */
const RECONCILED_LINES = PLAN_ROWS.flatMap((row) =>
  row.kind === 'line' && !NOT_COMPARED.includes(row.line) ? [row.line as ReconciledLine] : [],
);

/** The accounts each line sums, in words for a reason. */
const LINE_ACCOUNTS: Readonly<Record<ReconciledLine, string>> = {
  taxes: 'skatter, 7.68',
  grants_equalisation: 'tilskud og udligning, 7.62',
  service: 'service, dranst 1+2 på hovedkonto 0 og 2–6',
  transfers: 'overførsler, 5.46–5.68',
  interest: 'renter, 7.22–7.58',
  capital: 'anlæg, dranst 3 på hovedkonto 0 og 2–6',
  utilities: 'forsyning, hovedkonto 1',
};

/**
 * The line of the resultatopgørelse an account of the economy feed belongs to: the follow-up's
 * categories (classifyAccount), with finansiering split into skatter (7.68), tilskud og
 * udligning (7.62) and renter (7.22–7.58); other financing accounts belong to no compared line.
 */
export function planLineOfAccount(fn: string, dranst: number): ReconciledLine | null {
  switch (classifyAccount(fn, dranst)) {
    case 'service':
      return 'service';
    case 'overfoersler':
      return 'transfers';
    case 'anlaeg':
      return 'capital';
    case 'forsyning':
      return 'utilities';
    case 'finansiering': {
      const mainFunction = fn.slice(0, 4);
      if (mainFunction === '7.68') return 'taxes';
      if (mainFunction === '7.62') return 'grants_equalisation';
      const number = Number(fn.slice(2, 4));
      return fn.startsWith('7.') && number >= 22 && number <= 58 ? 'interest' : null;
    }
  }
}

/** An original-budget amount of the economy feed for the year (+ expense, − income), any org unit. */
export interface EconomyBudgetAmount {
  fn: string;
  dranst: number;
  amount: number;
}

export type ReconciliationStatus = 'agrees' | 'differs' | 'not_in_economy';

/** A line's status in words, as the balance page and its export show it. */
export const RECONCILIATION_STATUS_WORDS: Readonly<Record<ReconciliationStatus, string>> = {
  agrees: 'Stemmer',
  differs: 'Afviger',
  not_in_economy: 'Ikke i økonomifeedet',
};

/** What the page and the export say instead of the lines when the economy feed has no original budget for the year. */
export const reconciliationWithoutEconomyYear = (year: number): string =>
  `Økonomifeedet har intet oprindeligt budget for ${year}, så budgetplanen kan ikke afstemmes med det endnu.`;

export interface ReconciliationLine {
  line: ReconciledLine;
  /** the resultatopgørelse's label of the line */
  name: string;
  /** the plan's amount, accounts' sign (+ expense, − income) */
  plan: number;
  /** the economy feed's original budget on the line's accounts; null when it holds none */
  economy: number | null;
  /** plan − economy; null when the economy holds none */
  difference: number | null;
  status: ReconciliationStatus;
  /** why they differ, in Danish; null when they agree */
  reason: string | null;
}

/** Plans and economy rows are in whole kroner (budgets in whole thousands): below half a krone they agree. */
const AGREES_WITHIN = 0.5;

/** Every compared line of a plan year against the economy feed's original budget for that year. */
export function reconcilePlanYear(year: number, plan: PlanLines, economy: readonly EconomyBudgetAmount[]): ReconciliationLine[] {
  const sums = new Map<ReconciledLine, number>();
  for (const a of economy) {
    const line = planLineOfAccount(a.fn, a.dranst);
    if (line) sums.set(line, (sums.get(line) ?? 0) + a.amount);
  }
  return RECONCILED_LINES.map((line): ReconciliationLine => {
    const name = planRow(line).label;
    const economyAmount = sums.get(line) ?? null;
    if (economyAmount === null) {
      const reason =
        economy.length === 0
          ? `økonomifeedet har intet oprindeligt budget for ${year}`
          : `budgetplanen er vedtaget budget for hele kommunen; økonomifeedet har ingen konti med ${LINE_ACCOUNTS[line]}`;
      return { line, name, plan: plan[line], economy: null, difference: null, status: 'not_in_economy', reason };
    }
    const difference = plan[line] - economyAmount;
    const agrees = Math.abs(difference) < AGREES_WITHIN;
    return {
      line,
      name,
      plan: plan[line],
      economy: economyAmount,
      difference,
      status: agrees ? 'agrees' : 'differs',
      reason: agrees
        ? null
        : `budgetplanen er vedtaget budget for hele kommunen; økonomifeedets oprindelige budget (${LINE_ACCOUNTS[line]}) summerer til et andet beløb`,
    };
  });
}
