/**
 * Danish number and date text for the UI and exports (Intl 'da-DK'): 1.234,5 · 5,4 % · mar. 2016.
 * Every function prints '–' for a missing value. Minus is always ASCII '-': some ICU builds
 * print U+2212, which Excel and most CSV readers do not take for a minus.
 */
import type { KpiDefinition } from './kpis.ts';
import { periodMonthNumber, periodOfDate, periodYear } from './period.ts';
import { roundToDecimals } from './stats.ts';

export const MISSING = '–';

const MILLION = 1_000_000;

/** '1.234,5'. Rounded half away from zero like kpiStatus, so text and traffic light agree. */
export function formatNumber(value: number | null, decimals: number): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  return numberFormat(decimals)
    .format(roundToDecimals(value, decimals))
    .replace(/\u2212/g, '-');
}

/** '5,4 %' for 5.4: the value is already in percent, not a fraction. */
export function formatPct(value: number | null, decimals: number): string {
  return withUnit(formatNumber(value, decimals), '%');
}

/**
 * Amounts as a budget reader writes them: '2.345 mio. kr.' from 100 mio. up, '12,3 mio. kr.'
 * from 1 mio., below that whole kroner '123.456 kr.'. The thresholds apply to the rounded amount,
 * so 999.999,60 kr. reads '1,0 mio. kr.' rather than '1.000.000 kr.'.
 */
export function formatDkk(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  if (Math.abs(roundToDecimals(value, 0)) < MILLION) return `${formatNumber(value, 0)} kr.`;
  const millions = value / MILLION;
  const decimals = Math.abs(roundToDecimals(millions, 1)) >= 100 ? 0 : 1;
  return `${formatNumber(millions, decimals)} mio. kr.`;
}

/** The unit of amounts in a table column: a column never mixes 'kr.' and 'mio. kr.'. */
export const THOUSAND_KRONER = '1.000 kr.';

/** An amount in a table column headed THOUSAND_KRONER: whole thousands, '-514' for -514.000 kr., '14.123' for 14,1 mio. kr. */
export function formatThousandKroner(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  return formatNumber(value / 1000, 0);
}

/**
 * The unit of an economy table's amounts, one for every amount column and stated in its header:
 * mio. kr. with one decimal, or 1.000 kr. where the amounts are small (a unit's account lines),
 * so a column never mixes 'kr.' and 'mio. kr.'.
 */
export type AmountUnit = 'mio' | 'thousand';

export const AMOUNT_UNIT_NAMES: Readonly<Record<AmountUnit, string>> = { mio: 'mio. kr.', thousand: THOUSAND_KRONER };

/** Below 10 mio. kr. most amounts would read 0,0–9,9 mio. kr.: in 1.000 kr. they keep their digits. */
const SMALL_AMOUNTS = 10 * MILLION;

/** The unit of a table: 1.000 kr. when its largest amount is under 10 mio. kr., else mio. kr. */
export function amountUnitFor(values: Iterable<number | null>): AmountUnit {
  let largest = 0;
  for (const value of values) if (value !== null && Number.isFinite(value)) largest = Math.max(largest, Math.abs(value));
  return largest < SMALL_AMOUNTS ? 'thousand' : 'mio';
}

/** An amount in the table's unit, without the unit (the header states it): '2.327,4' in mio. kr., '-514' in 1.000 kr. */
export function formatAmountIn(value: number | null, unit: AmountUnit): string {
  if (unit === 'thousand') return formatThousandKroner(value);
  return formatNumber(value === null ? null : value / MILLION, 1);
}

/** '23 dage', '1 dag', '1,5 dage': singular only for a printed 1. */
export function formatDays(value: number | null, decimals: number): string {
  const text = formatNumber(value, decimals);
  if (text === MISSING) return MISSING;
  return `${text} ${text === '1' || text === '-1' ? 'dag' : 'dage'}`;
}

/** 'mar. 2016' for '2016-03' */
export const formatMonth = (period: string | null): string => formatPeriod(period, SHORT_MONTH);

/** 'marts 2016' for '2016-03' */
export const formatMonthLong = (period: string | null): string => formatPeriod(period, LONG_MONTH);

/** '1. mar. 2016' for '2016-03-01' */
export function formatDate(date: string | null): string {
  if (date === null) return MISSING;
  return SHORT_DATE.format(utcDate(periodOfDate(date), Number(date.slice(8))));
}

/** An amount in millions with one decimal, however small: '-0,5 mio. kr.', '14,1 mio. kr.'. */
export function formatMillionKroner(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  return `${formatNumber(value / MILLION, 1)} mio. kr.`;
}

/** amountsInMillions: every amount of one tile in mio. kr., so a tile never mixes kr. and mio. kr. */
type KpiFormat = Pick<KpiDefinition, 'unit' | 'decimals'> & { amountsInMillions?: boolean };

/** The KPI with every amount written in mio. kr. (a tile, a KPI page): never kr. beside mio. kr. */
export function withAmountsInMillions<K extends KpiFormat>(kpi: K): K {
  return kpi.unit === 'dkk' ? { ...kpi, amountsInMillions: true } : kpi;
}

/** A KPI value in its unit and decimals. */
export function formatKpiValue(value: number | null, kpi: KpiFormat): string {
  switch (kpi.unit) {
    case 'pct':
      return formatPct(value, kpi.decimals);
    case 'days':
      return formatDays(value, kpi.decimals);
    case 'dkk':
      return kpi.amountsInMillions ? formatMillionKroner(value) : formatDkk(value);
    case 'count':
    case 'score':
      return formatNumber(value, kpi.decimals);
  }
}

/**
 * A change against an earlier period, always signed when not zero: '+0,4 pct.-point' (the
 * difference of two percentages is in percentage points, not per cent), '-3 dage', '+1,2 mio. kr.'.
 */
export function formatChange(delta: number | null, kpi: KpiFormat): string {
  const text = kpi.unit === 'pct' ? withUnit(formatNumber(delta, kpi.decimals), 'pct.-point') : formatKpiValue(delta, kpi);
  // The sign follows the printed figure: +0,04 at one decimal reads '0,0', not '+0,0'.
  const printsNonZero = /[1-9]/.test(text);
  return delta !== null && delta > 0 && printsNonZero ? `+${text}` : text;
}

const withUnit = (number: string, unit: string): string => (number === MISSING ? MISSING : `${number} ${unit}`);

const numberFormats = new Map<number, Intl.NumberFormat>();

function numberFormat(decimals: number): Intl.NumberFormat {
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('da-DK', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(decimals, format);
  }
  return format;
}

// UTC on both sides: a month must not shift to the one before in a browser west of Greenwich.
const SHORT_MONTH = new Intl.DateTimeFormat('da-DK', { timeZone: 'UTC', month: 'short', year: 'numeric' });
const LONG_MONTH = new Intl.DateTimeFormat('da-DK', { timeZone: 'UTC', month: 'long', year: 'numeric' });
const SHORT_DATE = new Intl.DateTimeFormat('da-DK', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

function formatPeriod(period: string | null, format: Intl.DateTimeFormat): string {
  return period === null ? MISSING : format.format(utcDate(period, 1));
}

/** Midnight UTC of a day in the period; setUTCFullYear keeps years below 100 as written. */
function utcDate(period: string, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(periodYear(period), periodMonthNumber(period) - 1, day);
  return date;
}

/** "1 kommune", "4 kommuner": a count of municipalities in Danish. */
export const municipalityCount = (n: number) => `${formatNumber(n, 0)} ${n === 1 ? 'kommune' : 'kommuner'}`;
