import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodRange } from '../src/period.ts';
import { type BudgetMonth, budgetRollups, forecastsByMonth, type KeyForecasts, rollUpForecasts } from '../src/rollup/budget.ts';

const key = (orgId: string, correctedYear: number, forecasts: Record<string, number>): KeyForecasts => ({
  orgId,
  year: 2016,
  correctedYear,
  forecasts: new Map(Object.entries(forecasts)),
});

// E1 has three keys: 3.22.01 (budget 1.200, forecast 1.400 in March), 5.57.71 (budget 600,
// forecast 650 in February, superseded by 640 in March) and a refund key (budget −240) without
// a forecast, which is not read: it is expected at its budget. 130 a month = 1.560 a year.
const e1Keys = [key('E1', 1200, { '2016-03': 1400 }), key('E1', 600, { '2016-02': 650, '2016-03': 640 })];
const e1Months: BudgetMonth[] = periodRange('2016-01', '2016-12').map((period, i) => ({
  orgId: 'E1',
  period,
  correctedBudget: 130,
  actual: i < 3 ? 100 : 0,
  hasActual: i < 3,
  batchId: 7,
}));

describe('forecastsByMonth', () => {
  it('sums latest forecast − corrected budget over the keys with a forecast made by the month', () => {
    const byPeriod = new Map(forecastsByMonth(e1Keys).map((f) => [f.period, f]));
    expect(byPeriod.get('2016-01')).toEqual({ orgId: 'E1', period: '2016-01', deviation: 0, madeIn: null });
    expect(byPeriod.get('2016-02')).toMatchObject({ deviation: 50, madeIn: '2016-02' }); // 650 − 600
    expect(byPeriod.get('2016-03')).toMatchObject({ deviation: 240, madeIn: '2016-03' }); // (1.400 − 1.200) + (640 − 600)
    expect(byPeriod.get('2016-12')).toMatchObject({ deviation: 240, madeIn: '2016-03' });
  });

  it('gives the same year result as summing every key at its latest forecast or else its budget', () => {
    const keyArb = fc.record({
      orgId: fc.constantFrom('E1', 'E2'),
      correctedYear: fc.integer({ min: -5_000, max: 5_000 }),
      forecasts: fc.dictionary(fc.constantFrom(...periodRange('2016-01', '2016-12')), fc.integer({ min: -5_000, max: 5_000 }), {
        maxKeys: 4,
      }),
    });
    fc.assert(
      fc.property(fc.array(keyArb, { maxLength: 12 }), (arbitrary) => {
        const keys = arbitrary.map((k) => key(k.orgId, k.correctedYear, k.forecasts));
        const withForecast = keys.filter((k) => k.forecasts.size > 0);
        const months = new Map(forecastsByMonth(withForecast).map((f) => [`${f.orgId}|${f.period}`, f]));
        for (const orgId of ['E1', 'E2']) {
          const ofOrg = keys.filter((k) => k.orgId === orgId);
          const correctedYear = ofOrg.reduce((s, k) => s + k.correctedYear, 0);
          for (const period of periodRange('2016-01', '2016-12')) {
            const latest = (k: KeyForecasts) =>
              [...k.forecasts.entries()]
                .filter(([p]) => p <= period)
                .sort(([a], [b]) => a.localeCompare(b))
                .at(-1)?.[1];
            const expected = ofOrg.reduce((s, k) => s + (latest(k) ?? k.correctedYear), 0);
            expect(correctedYear + (months.get(`${orgId}|${period}`)?.deviation ?? 0)).toBe(expected);
          }
        }
      }),
    );
  });
});

describe('rollUpForecasts', () => {
  it('adds the deviations into every ancestor and keeps the latest month a forecast was made', () => {
    const leaves = forecastsByMonth([...e1Keys, key('E2', 300, { '2016-02': 280 })]);
    const ancestors: Record<string, string[]> = { E1: ['E1', 'A1'], E2: ['E2', 'A1'] };
    const rolled = rollUpForecasts(leaves, (id) => ancestors[id] ?? []);
    const a1 = (period: string) => rolled.find((f) => f.orgId === 'A1' && f.period === period);
    expect(a1('2016-02')).toMatchObject({ deviation: 50 - 20, madeIn: '2016-02' });
    expect(a1('2016-03')).toMatchObject({ deviation: 240 - 20, madeIn: '2016-03' });
  });
});

describe('budgetRollups', () => {
  it('reads the expected year result as the corrected budget of the year plus the deviation', () => {
    const rows = budgetRollups(e1Months, forecastsByMonth(e1Keys));
    const row = (period: string, kpiId: string) => rows.find((r) => r.period === period && r.kpiId === kpiId);
    expect(row('2016-03', 'budget_forecast_deviation')).toMatchObject({
      value: 240,
      numerator: 1800,
      denominator: 1560,
      dataPeriod: '2016-03',
      batchId: 7,
    });
    expect(row('2016-03', 'budget_forecast_deviation_pct')?.value).toBeCloseTo((240 / 1560) * 100, 12);
    expect(row('2016-02', 'budget_forecast_deviation')).toMatchObject({ value: 50, numerator: 1610, dataPeriod: '2016-02' });
    expect(row('2016-01', 'budget_forecast_deviation')?.value).toBeNull(); // no forecast made yet
    expect(row('2016-03', 'budget_consumption_pct')).toMatchObject({ numerator: 300, denominator: 1560 });
    expect(row('2016-04', 'budget_consumption_pct')).toBeUndefined(); // no actuals delivered for April
  });
});
