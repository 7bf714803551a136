import { DEFAULT_TOLERANCE, type KpiStatus, kpiStatus } from './status.ts';

/**
 * The resultatopgørelse of a budget plan (domain.md §3). Plan amounts follow the accounts' sign
 * (+ expense, − income); results are surpluses (positive = surplus) and the cash change is
 * positive when cash grows.
 */

export type PlanLine =
  | 'taxes'
  | 'grants_equalisation'
  | 'service'
  | 'transfers'
  | 'interest'
  | 'capital'
  | 'utilities'
  | 'repayments'
  | 'borrowing'
  | 'financial_movements';

export type PlanLines = Record<PlanLine, number>;

export interface PlanResults {
  /** A: resultat af ordinær driftsvirksomhed (driftsoverskud) */
  resultA: number;
  /** B: resultat af det skattefinansierede område = A − anlæg */
  resultB: number;
  /** C: B − forsyning (net) */
  resultC: number;
  /** kasseforøgelse (+) / kassetræk (−) = C − afdrag − finansforskydninger + låneoptagelse */
  cashChange: number;
}

export function planResults(lines: PlanLines): PlanResults {
  const income = -(lines.taxes + lines.grants_equalisation);
  const resultA = income - lines.service - lines.transfers - lines.interest;
  const resultB = resultA - lines.capital;
  const resultC = resultB - lines.utilities;
  // borrowing is delivered as income (negative), so adding the loan means subtracting the amount
  const cashChange = resultC - lines.repayments - lines.financial_movements - lines.borrowing;
  return { resultA, resultB, resultC, cashChange };
}

export interface PlanAmount {
  budgetYear: number;
  year: number;
  line: string;
  amount: number;
}

/** Lines of one plan year, missing lines as 0. */
export function planLines(amounts: readonly PlanAmount[]): PlanLines {
  const lines: PlanLines = {
    taxes: 0,
    grants_equalisation: 0,
    service: 0,
    transfers: 0,
    interest: 0,
    capital: 0,
    utilities: 0,
    repayments: 0,
    borrowing: 0,
    financial_movements: 0,
  };
  for (const a of amounts) if (a.line in lines) lines[a.line as PlanLine] += a.amount;
  return lines;
}

/**
 * The plan that speaks for a year: the budget adopted for that year if there is one, otherwise
 * the newest earlier budget that covers it as a forecast year (overslagsår).
 */
export function governingBudgetYear(amounts: readonly PlanAmount[], year: number): number | null {
  let best: number | null = null;
  for (const a of amounts)
    if (a.year === year && a.budgetYear <= year && (best === null || a.budgetYear > best)) best = a.budgetYear;
  return best;
}

/**
 * The budget balance's policy targets. Their amounts are a municipality's own and come as data:
 * rows of the targets feed at the kommune (the root unit) for the budget year, read against every
 * year of that budget's plan. A municipality that has delivered none sees no targets.
 */
export const BALANCE_TARGETS = [
  {
    id: 'driftsoverskud',
    /** the catalogue KPI whose target it is: the overview tile reads the same row */
    kpiId: 'operating_surplus',
    name: 'Driftsoverskud',
    /** the row of the resultatopgørelse it is read against (planRow) */
    row: 'resultA',
    rule: 'at_least',
    value: (plan: PlanResults & { lines: PlanLines }) => plan.resultA,
  },
  {
    id: 'anlaeg',
    /** no KPI of the catalogue: the targets feed accepts this id for the balance only */
    kpiId: 'capital_spending',
    name: 'Anlæg',
    row: 'capital',
    rule: 'about',
    value: (plan: PlanResults & { lines: PlanLines }) => plan.lines.capital,
  },
] as const;
type BalanceTargetRule = (typeof BALANCE_TARGETS)[number]['rule'];

/** Whether the targets feed accepts this id as a balance target (besides the catalogue's KPIs). */
export const isBalanceTargetId = (id: string): boolean => BALANCE_TARGETS.some((t) => t.kpiId === id);

/**
 * The light of a plan year against a policy target: "at least" as any higher-is-better KPI;
 * "about" green within the tolerance either side, yellow within twice it, red beyond.
 */
export function balanceTargetStatus(value: number, target: number, tolerance: number | null, rule: BalanceTargetRule): KpiStatus {
  if (rule === 'at_least')
    return kpiStatus({ value, target, tolerance, direction: 'higher_is_better', decimals: 0, suppressed: false });
  const band = Math.abs(target) * (tolerance ?? DEFAULT_TOLERANCE);
  const off = Math.abs(value - target);
  return off <= band ? 'green' : off <= 2 * band ? 'yellow' : 'red';
}

/**
 * The resultatopgørelse as it is shown and exported: each plan line as its effect on the result
 * (income +, expense −), so the lines add up to A, B, C and the cash change as printed. Plan
 * amounts themselves keep the accounts' sign (+ expense, − income).
 */
export type PlanRow =
  | { kind: 'heading'; label: string }
  | { kind: 'line'; line: PlanLine; label: string }
  | { kind: 'result'; result: keyof PlanResults; label: string };

export const PLAN_ROWS: readonly PlanRow[] = [
  { kind: 'heading', label: 'Indtægter' },
  { kind: 'line', line: 'taxes', label: 'Skatter' },
  { kind: 'line', line: 'grants_equalisation', label: 'Tilskud og udligning' },
  { kind: 'heading', label: 'Driftsudgifter' },
  { kind: 'line', line: 'service', label: 'Serviceudgifter' },
  { kind: 'line', line: 'transfers', label: 'Overførsler' },
  { kind: 'line', line: 'interest', label: 'Renter (netto)' },
  { kind: 'result', result: 'resultA', label: 'A. Resultat af ordinær driftsvirksomhed (driftsoverskud)' },
  { kind: 'line', line: 'capital', label: 'Anlæg (skattefinansieret)' },
  { kind: 'result', result: 'resultB', label: 'B. Resultat af det skattefinansierede område' },
  { kind: 'line', line: 'utilities', label: 'Forsyningsvirksomheder (netto)' },
  { kind: 'result', result: 'resultC', label: 'C. Resultat i alt' },
  { kind: 'line', line: 'repayments', label: 'Afdrag på lån' },
  { kind: 'line', line: 'financial_movements', label: 'Finansforskydninger' },
  { kind: 'line', line: 'borrowing', label: 'Låneoptagelse' },
  { kind: 'result', result: 'cashChange', label: 'Kasseforøgelse (+) / kassetræk (−)' },
];

/** How the rows are signed, for a table's or an export's header. */
export const PLAN_ROW_SIGNS = 'virkning på resultatet: + indtægt, − udgift';

/** What the row adds to the result, in kroner. */
export function planRowValue(row: PlanValueRow, year: { lines: PlanLines } & PlanResults): number {
  return row.kind === 'line' ? effectOnResult(year.lines[row.line]) : year[row.result];
}

/** A plan line's amount (+ expense, − income) as its effect on the result (income +, expense −). */
export const effectOnResult = (amount: number): number => -amount;

export type PlanValueRow = Exclude<PlanRow, { kind: 'heading' }>;

/** The table's row of a line or a result (a balance target's `row`). */
export function planRow(key: PlanLine | keyof PlanResults): PlanValueRow {
  const row = PLAN_ROWS.find(
    (r): r is PlanValueRow => r.kind !== 'heading' && (r.kind === 'line' ? r.line === key : r.result === key),
  );
  if (!row) throw new Error(`No row of the resultatopgørelse for ${key}`);
  return row;
}

/** A target amount in the sign of its row (a line's target as its effect on the result). */
export const targetOnRow = (row: PlanValueRow, target: number): number => (row.kind === 'line' ? effectOnResult(target) : target);
