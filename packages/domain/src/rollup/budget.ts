import { getKpi } from '../kpis.ts';
import { periodRange, periodYear, ytdPeriods } from '../period.ts';
import { emptyRow, maxBatch, type RollupRow, ratio } from './types.ts';

const CONSUMPTION_SCALE = getKpi('budget_consumption_pct').scale;
const DEVIATION_PCT_SCALE = getKpi('budget_forecast_deviation_pct').scale;

/** Operating amounts (dranst 1+2, tax-financed main accounts) of one unit's subtree in one month. */
export interface BudgetMonth {
  orgId: string;
  period: string;
  correctedBudget: number;
  actual: number;
  /** true when actuals were delivered for the month (the budget alone does not make a month current) */
  hasActual: boolean;
  batchId: number | null;
}

/** The forecasts of one account key (org, function, dranst) that has at least one forecast in the year. */
export interface KeyForecasts {
  orgId: string;
  year: number;
  correctedYear: number;
  /** 'YYYY-MM' → the full-year amount expected in that month */
  forecasts: ReadonlyMap<string, number>;
}

export interface ForecastMonth {
  orgId: string;
  period: string;
  /**
   * Σ over keys with a forecast made up to the month of (latest forecast − the key's corrected
   * budget of the year). A key without a forecast is expected to land on its corrected budget, so
   * the expected year result is the corrected budget of the year plus this.
   */
  deviation: number;
  /** the latest month a forecast was made in, null when no key has one yet */
  madeIn: string | null;
}

/**
 * The deviation of the expected year result per leaf unit and month, from the keys with a
 * forecast only (the usual municipal convention: a unit's deviation is the sum of the deviations
 * its budget holders reported), so keys without one need not be read at all.
 */
export function forecastsByMonth(keys: readonly KeyForecasts[]): ForecastMonth[] {
  // The twelve months of a unit's year are kept together: one lookup per key, not per key and month.
  const years = new Map<string, ForecastMonth[]>();
  for (const key of keys) {
    const id = `${key.orgId}|${key.year}`;
    let months = years.get(id);
    if (!months) {
      months = periodRange(`${key.year}-01`, `${key.year}-12`).map((period) => ({
        orgId: key.orgId,
        period,
        deviation: 0,
        madeIn: null,
      }));
      years.set(id, months);
    }
    let latest: { period: string; amount: number } | null = null;
    for (const month of months) {
      const made = key.forecasts.get(month.period);
      if (made !== undefined) latest = { period: month.period, amount: made };
      if (latest) {
        month.deviation += latest.amount - key.correctedYear;
        if (month.madeIn === null || latest.period > month.madeIn) month.madeIn = latest.period;
      }
    }
  }
  return [...years.values()].flat();
}

/** Adds leaf values into every ancestor (each unit is its own ancestor). */
export function rollUpForecasts(
  leaves: readonly ForecastMonth[],
  ancestorsOf: (orgId: string) => readonly string[],
): ForecastMonth[] {
  const out = new Map<string, ForecastMonth>();
  for (const leaf of leaves) {
    for (const orgId of ancestorsOf(leaf.orgId)) {
      const id = `${orgId}|${leaf.period}`;
      const month = out.get(id) ?? { orgId, period: leaf.period, deviation: 0, madeIn: null };
      month.deviation += leaf.deviation;
      if (leaf.madeIn && (month.madeIn === null || leaf.madeIn > month.madeIn)) month.madeIn = leaf.madeIn;
      out.set(id, month);
    }
  }
  return [...out.values()];
}

/**
 * budget_consumption_pct (actuals YTD / corrected budget of the whole year, with the phased
 * budget share YTD as reference), budget_forecast_deviation and _pct, for months with actuals.
 */
export function budgetRollups(months: readonly BudgetMonth[], forecasts: readonly ForecastMonth[]): RollupRow[] {
  const byOrg = new Map<string, Map<string, BudgetMonth>>();
  for (const m of months) {
    let series = byOrg.get(m.orgId);
    if (!series) {
      series = new Map();
      byOrg.set(m.orgId, series);
    }
    series.set(m.period, m);
  }
  const forecastOf = new Map(forecasts.map((f) => [`${f.orgId}|${f.period}`, f]));
  const rows: RollupRow[] = [];
  for (const [orgId, series] of byOrg) {
    for (const [period, month] of series) {
      if (!month.hasActual) continue;
      const year = periodYear(period);
      const yearMonths = periodRange(`${year}-01`, `${year}-12`).flatMap((p) => series.get(p) ?? []);
      const ytd = ytdPeriods(period).flatMap((p) => series.get(p) ?? []);
      const correctedYear = yearMonths.reduce((s, m) => s + m.correctedBudget, 0);
      const phasedYtd = ytd.reduce((s, m) => s + m.correctedBudget, 0);
      const actualYtd = ytd.reduce((s, m) => s + m.actual, 0);
      const batchId = ytd.reduce<number | null>((b, m) => maxBatch(b, m.batchId), null);

      const consumption = emptyRow(orgId, period, 'budget_consumption_pct');
      Object.assign(consumption, {
        numerator: actualYtd,
        denominator: correctedYear,
        value: ratio(actualYtd, correctedYear, CONSUMPTION_SCALE),
        referenceValue: ratio(phasedYtd, correctedYear, CONSUMPTION_SCALE),
        batchId,
      });
      rows.push(consumption);

      const forecast = forecastOf.get(`${orgId}|${period}`);
      const deviation = emptyRow(orgId, period, 'budget_forecast_deviation');
      const deviationPct = emptyRow(orgId, period, 'budget_forecast_deviation_pct');
      if (forecast?.madeIn) {
        const amount = forecast.deviation;
        Object.assign(deviation, {
          numerator: correctedYear + amount,
          denominator: correctedYear,
          value: amount,
          dataPeriod: forecast.madeIn,
          batchId,
        });
        Object.assign(deviationPct, {
          numerator: amount,
          denominator: correctedYear,
          value: ratio(amount, Math.abs(correctedYear), DEVIATION_PCT_SCALE), // + = merforbrug also for income-heavy units
          dataPeriod: forecast.madeIn,
          batchId,
        });
      }
      rows.push(deviation, deviationPct);
    }
  }
  return rows;
}
