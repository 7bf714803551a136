/**
 * The resultatopgørelse as rows. Plan lines keep the accounts' sign (+ expense, − income); the
 * table shows each line's effect on the result instead (income +, expense −), so the lines add
 * up to A, B, C and the cash change as printed.
 */
import type { Balance } from '@lis/contracts';
import { formatNumber } from '../../../lib/format';

type PlanYear = Balance['years'][number];
type PlanLine = keyof PlanYear['lines'];
export type PlanResult = 'resultA' | 'resultB' | 'resultC' | 'cashChange';

export type PlanRow =
  | { kind: 'heading'; label: string }
  | { kind: 'line'; line: PlanLine; label: string }
  | { kind: 'result'; result: PlanResult; label: string };

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

/** What the row adds to the result, in kroner. */
export function rowValue(row: Exclude<PlanRow, { kind: 'heading' }>, year: Pick<PlanYear, 'lines' | PlanResult>): number {
  return row.kind === 'line' ? -year.lines[row.line] : year[row.result];
}

/** '84,0' for 83.999.000 kr.: the table is in mio. kr. */
export const formatMillions = (value: number | null): string => formatNumber(value === null ? null : value / 1_000_000, 1);

/** '+1,5' for a change; the sign says whether it helps the result. */
export function formatMillionsChange(value: number): string {
  const text = formatMillions(value);
  return value > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

export const cashWord = (cashChange: number): string => (cashChange < 0 ? 'kassetræk' : 'kasseforøgelse');

/** 'B2017' for the budget year, '2018' for an overslagsår. */
export const yearLabel = (year: number, budgetYear: number): string => (year === budgetYear ? `B${year}` : `${year}`);
