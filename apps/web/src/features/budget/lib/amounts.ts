/**
 * Budget amounts keep the accounts' sign (+ expense, − income). The screen never shows income as
 * negative spending: it says "indtægt", and a deviation says what it means for the result.
 */
import { formatDkk, formatMonth, formatNumber, MISSING } from '../../../lib/format';

/** '1.861 mio. kr.' for spending, 'indtægt 2.566 mio. kr.' for income. */
export function formatAmount(value: number | null): string {
  if (value === null) return MISSING;
  if (value < 0 && /[1-9]/.test(formatDkk(value))) return `indtægt ${formatDkk(-value)}`;
  return formatDkk(Math.abs(value) < 0.5 ? 0 : value);
}

/** A budget is income when it is negative: its figures read as income, its percentages as shares of it. */
export const isIncome = (correctedBudget: number): boolean => correctedBudget < 0;

type DeviationTone = 'worse' | 'better' | 'none';

export interface DeviationText {
  /** '+14,1 mio. kr.': + = merforbrug (or mindreindtægt), as the accounts count it */
  amount: string;
  /** '+0,6 %' of the size of the budget, so an income's percentage has the deviation's sign */
  pct: string;
  /** 'merforbrug', 'mindreforbrug', 'merindtægt', 'mindreindtægt', 'ingen afvigelse', 'ingen prognose endnu' */
  word: string;
  tone: DeviationTone;
}

/** Forecast − corrected budget in words; null (no forecast yet) is not a zero. */
export function describeDeviation(deviation: number | null, correctedBudget: number): DeviationText {
  if (deviation === null) return { amount: MISSING, pct: MISSING, word: 'ingen prognose endnu', tone: 'none' };
  const amount = formatDkk(deviation);
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
