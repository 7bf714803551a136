import { PLAN_ROWS, planRowValue } from '@lis/domain';
import { describe, expect, it } from 'vitest';
import { cashWord, formatMillionsChange } from '../src/features/balance/lib/plan-rows';
import { positionText } from '../src/features/benchmark/components/summary-panel';
import {
  describeDeviation,
  forecastMadeInText,
  formatAmount,
  formatAmountWithUnit,
  unitOfFigures,
} from '../src/features/budget/lib/amounts';
import { BALANCE } from './economy-fixtures';

describe('income and expense in words', () => {
  it('shows spending as an amount and income as "indtægt", never as negative spending, in the table’s unit', () => {
    expect(formatAmount(1_860_857_000, 'mio')).toBe('1.860,9');
    expect(formatAmount(-2_565_766_000, 'mio')).toBe('indtægt 2.565,8');
    expect(formatAmount(-495_000, 'thousand')).toBe('indtægt 495');
    expect(formatAmount(-495_000, 'mio')).toBe('indtægt 0,5');
    expect(formatAmount(-0.2, 'mio')).toBe('0,0');
    expect(formatAmount(null, 'mio')).toBe('–');
    expect(formatAmountWithUnit(-2_565_766_000, 'mio')).toBe('indtægt 2.565,8 mio. kr.');
    expect(formatAmountWithUnit(14_123_000, 'thousand')).toBe('14.123 1.000 kr.');
  });

  it('picks one unit for a table: 1.000 kr. when its largest amount is under 10 mio. kr.', () => {
    const row = (correctedBudget: number, actualsYtd: number, forecast: number | null) => ({
      correctedBudget,
      actualsYtd,
      forecast,
    });
    expect(unitOfFigures([row(9_999_000, 5_000_000, null), row(-3_000_000, -1_000_000, -9_000_000)])).toBe('thousand');
    expect(unitOfFigures([row(9_999_000, 5_000_000, null), row(100_000, 0, 10_000_000)])).toBe('mio');
  });

  it('calls a positive deviation on spending merforbrug and shows its sign', () => {
    expect(describeDeviation(14_129_000, 2_349_098_000, 'mio')).toEqual({
      amount: '+14,1',
      pct: '+0,6 %',
      word: 'merforbrug',
      tone: 'worse',
    });
    expect(describeDeviation(-3_065_000, 488_241_000, 'mio')).toMatchObject({
      amount: '-3,1',
      word: 'mindreforbrug',
      tone: 'better',
    });
  });

  it('calls deviations on income merindtægt and mindreindtægt, the percentage with the deviation’s sign', () => {
    // forsyning: budgeted income 495.000, expected 895.000
    expect(describeDeviation(-400_000, -495_000, 'thousand')).toEqual({
      amount: '-400',
      pct: '-80,8 %',
      word: 'merindtægt',
      tone: 'better',
    });
    expect(describeDeviation(100_000, -495_000, 'thousand')).toMatchObject({ word: 'mindreindtægt', tone: 'worse' });
  });

  it('tells no forecast apart from no deviation', () => {
    expect(describeDeviation(null, 100, 'mio')).toMatchObject({ word: 'ingen prognose endnu', amount: '–' });
    expect(describeDeviation(0, 100, 'mio')).toMatchObject({ word: 'ingen afvigelse', tone: 'none' });
    expect(forecastMadeInText('2016-09')).toBe('BO sep. 2016');
    expect(forecastMadeInText(null)).toBe('ingen prognose endnu');
  });
});

describe('budget balance rows', () => {
  const year = BALANCE.years[0];
  if (!year) throw new Error('fixture');
  const rows = PLAN_ROWS.filter((row) => row.kind !== 'heading');

  it('signs lines by their effect on the result, so they add up to A, B, C and the cash change', () => {
    let running = 0;
    for (const row of rows) {
      if (row.kind === 'line') running += planRowValue(row, year);
      else expect(planRowValue(row, year)).toBeCloseTo(running, 6);
    }
    expect(planRowValue({ kind: 'line', line: 'taxes', label: '' }, year)).toBe(1_960_000_000);
    expect(planRowValue({ kind: 'line', line: 'borrowing', label: '' }, year)).toBe(20_000_000);
  });

  it('names the cash change and signs changes between plans', () => {
    expect(cashWord(-11_600_000)).toBe('kassetræk');
    expect(cashWord(9_900_000)).toBe('kasseforøgelse');
    expect(formatMillionsChange(26_900_000)).toBe('+26,9');
    expect(formatMillionsChange(-6_000_000)).toBe('-6,0');
    expect(formatMillionsChange(20_000)).toBe('0,0');
  });
});

describe('benchmark positions', () => {
  it('names an area under the benchmark with how far under, instead of a negative potential', () => {
    expect(positionText({ position: 'under', gap: -8_987_703 })).toBe('under benchmark (9,0 mio. kr. under)');
    expect(positionText({ position: 'over', gap: 1_533_988 })).toBe('over benchmark');
    expect(positionText({ position: 'no_data', gap: null })).toBe('ingen data');
  });
});
