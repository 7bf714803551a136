/**
 * Budget amounts keep the accounts' sign (+ expense, − income). The screen never shows income as
 * negative spending: it says "indtægt", and a deviation says what it means for the result.
 * Every amount is written in its table's unit (the domain's amountUnitFor: mio. kr. with one
 * decimal, or 1.000 kr. where amounts are small), stated once in the header, never per cell.
 */
import type { FollowUp } from '@lis/contracts';
import { AMOUNT_UNIT_NAMES, type AmountUnit, amountUnitFor, formatAmountIn } from '@lis/domain';
import { formatMonth, formatNumber, MISSING } from '../../../lib/format';

type Figures = Pick<FollowUp, 'correctedBudget' | 'actualsYtd' | 'forecast'>;

/** The unit of a table of follow-up figures: its budgets, actuals and forecasts decide. */
export const unitOfFigures = (rows: readonly Figures[]): AmountUnit =>
  amountUnitFor(rows.flatMap((r) => [r.correctedBudget, r.actualsYtd, r.forecast]));

/** '1.860,9' for spending, 'indtægt 2.565,8' for income, in the table's unit. */
export function formatAmount(value: number | null, unit: AmountUnit): string {
  if (value === null) return MISSING;
  const text = formatAmountIn(Math.abs(value), unit);
  if (!/[1-9]/.test(text)) return formatAmountIn(0, unit);
  return value < 0 ? `indtægt ${text}` : text;
}

/** The same with the unit, for a figure outside a table: '2.327,4 mio. kr.' */
export const formatAmountWithUnit = (value: number | null, unit: AmountUnit): string =>
  value === null ? MISSING : `${formatAmount(value, unit)} ${AMOUNT_UNIT_NAMES[unit]}`;

/** A budget is income when it is negative: its figures read as income, its percentages as shares of it. */
export const isIncome = (correctedBudget: number): boolean => correctedBudget < 0;

type DeviationTone = 'worse' | 'better' | 'none';

export interface DeviationText {
  /** '+14,1' in the unit: + = merforbrug (or mindreindtægt), as the accounts count it */
  amount: string;
  /** '+0,6 %' of the size of the budget, so an income's percentage has the deviation's sign */
  pct: string;
  /** 'merforbrug', 'mindreforbrug', 'merindtægt', 'mindreindtægt', 'ingen afvigelse', 'ingen prognose endnu' */
  word: string;
  tone: DeviationTone;
}

/** Forecast − corrected budget in words, the amount in the table's unit; null (no forecast yet) is not a zero. */
export function describeDeviation(deviation: number | null, correctedBudget: number, unit: AmountUnit): DeviationText {
  if (deviation === null) return { amount: MISSING, pct: MISSING, word: 'ingen prognose endnu', tone: 'none' };
  const amount = formatAmountIn(deviation, unit);
  const pct = correctedBudget === 0 ? MISSING : `${formatNumber((deviation / Math.abs(correctedBudget)) * 100, 1)} %`;
  const signed = (text: string) => (deviation > 0 && /[1-9]/.test(text) ? `+${text}` : text);
  if (!/[1-9]/.test(amount)) return { amount, pct: signed(pct), word: 'ingen afvigelse', tone: 'none' };
  const income = isIncome(correctedBudget);
  const word = deviation > 0 ? (income ? 'mindreindtægt' : 'merforbrug') : income ? 'merindtægt' : 'mindreforbrug';
  return { amount: signed(amount), pct: signed(pct), word, tone: deviation > 0 ? 'worse' : 'better' };
}

/** 'BO sep. 2016': the budgetopfølgning the forecast comes from. */
export const forecastMadeInText = (madeIn: string | null): string =>
  madeIn === null ? 'ingen prognose endnu' : `BO ${formatMonth(madeIn)}`;
