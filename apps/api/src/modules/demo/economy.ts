/**
 * economy: monthly rows per budget line, 2014-01 … 2016-12, as a financial system exports them.
 * - original_budget: the year's budget phased over the months
 * - corrected_budget: original + tillægsbevillinger, each spread over the months after it was granted
 * - actual: the corrected budget × the line's over-/underspend, with seasonal noise (low July,
 *   high December); taxes and grants arrive in twelve equal instalments
 * - forecast: at BO1/BO2/BO3 (March, June, September) the expected full-year amount, closer to
 *   the final outcome at each follow-up
 * Amounts are kept in integer øre so the months add up exactly to the year.
 */
import { YEARS } from './calendar.ts';
import type { EconomyLine } from './economy-lines.ts';
import { isoMonth, oreToKroner } from './format.ts';
import type { Random } from './random.ts';
import type { SpendingPattern } from './unit-roles.ts';

/** months of the budget follow-ups and how much of the year's outcome is known by then */
const FOLLOW_UPS: ReadonlyMap<number, number> = new Map([
  [3, 0.45],
  [6, 0.75],
  [9, 0.92],
]);
const FLAT = Array.from({ length: 12 }, () => 1);
const BUDGET_PHASING: Readonly<Record<SpendingPattern, readonly number[]>> = {
  operating: FLAT,
  transfer: FLAT,
  financing: FLAT,
  self_financing: FLAT,
  winter: [2.2, 2, 1.3, 0.3, 0.05, 0.05, 0.05, 0.05, 0.1, 0.4, 1.4, 2.5],
  capital: [0.3, 0.4, 0.6, 0.8, 1, 1.1, 0.8, 1, 1.2, 1.3, 1.5, 2],
};
/** actual spending relative to the phased budget: holidays in July, year-end invoices in December */
const OPERATING_SEASON = [0.93, 0.98, 1, 1, 1.05, 1, 0.8, 0.96, 1.01, 1.01, 1.02, 1.2];
const TRANSFER_SEASON = [1, 0.98, 1, 0.99, 1, 1, 1.01, 1, 0.99, 1, 1, 1.03];

interface YearPlan {
  months: readonly number[];
  /** kroner per month (index = month − 1) */
  original: number[];
  corrected: number[];
  /** øre per month */
  actual: number[];
  /** øre, by follow-up month */
  forecast: Map<number, number>;
}

export function* economyRows(lines: readonly EconomyLine[], random: Random): Generator<string[]> {
  const winterSeverity = new Map(YEARS.map((y) => [y, random.fork(`winter/${y}`).logNormal(1, 0.25)]));
  for (const year of YEARS) {
    const plans = lines.map((line) => ({ line, plan: planYear(line, year, winterSeverity.get(year) ?? 1) }));
    for (let month = 1; month <= 12; month++) {
      const period = isoMonth(year, month);
      for (const { line, plan } of plans) {
        if (!plan?.months.includes(month)) continue;
        const key = [period, line.orgId, line.fn, String(line.dranst)];
        const i = month - 1;
        yield [...key, 'original_budget', oreToKroner((plan.original[i] ?? 0) * 100)];
        yield [...key, 'corrected_budget', oreToKroner((plan.corrected[i] ?? 0) * 100)];
        yield [...key, 'actual', oreToKroner(plan.actual[i] ?? 0)];
        const forecast = plan.forecast.get(month);
        if (forecast !== undefined) yield [...key, 'forecast', oreToKroner(forecast)];
      }
    }
  }
}

function planYear(line: EconomyLine, year: number, winterSeverity: number): YearPlan | null {
  const annual = line.original.get(year);
  const months = line.months.get(year);
  if (annual === undefined || !months) return null;
  const r = line.random.fork(year);
  const weights = monthWeights(BUDGET_PHASING[line.pattern], months);
  const original = distribute(annual, weights);

  const corrected = [...original];
  for (const grant of supplementaryGrants(line, annual, year, r)) {
    const later = weights.map((w, i) => (i + 1 >= grant.month ? w : 0));
    if (later.every((w) => w === 0)) continue;
    distribute(grant.amount, later).forEach((amount, i) => {
      corrected[i] = (corrected[i] ?? 0) + amount;
    });
  }
  const correctedYear = sum(corrected);
  const actualYear = Math.round(correctedYear * 100 * outcomeFactor(line, year, winterSeverity, r));
  const actual =
    line.pattern === 'financing'
      ? corrected.map((kr) => kr * 100)
      : line.pattern === 'self_financing'
        ? selfFinancingActuals(actualYear, weights, r)
        : distribute(actualYear, actualWeights(line.pattern, weights, r));

  const forecast = new Map<number, number>();
  for (const [month, known] of FOLLOW_UPS) {
    if (!months.includes(month)) continue;
    const expected =
      line.pattern === 'financing'
        ? correctedYear * 100
        : correctedYear * 100 +
          known * (actualYear - correctedYear * 100) +
          r.normal(0, (1 - known) * 0.01 * Math.abs(annual) * 100);
    forecast.set(month, Math.round(expected / 100_000) * 100_000); // forecasts are made in whole thousands
  }
  return { months, original, corrected, actual, forecast };
}

/** Tillægsbevillinger granted during the year (kroner), each from the month it was granted. */
function supplementaryGrants(line: EconomyLine, annual: number, year: number, r: Random): { month: number; amount: number }[] {
  if (line.pattern === 'financing' || line.pattern === 'self_financing') return [];
  const grants: { month: number; amount: number }[] = [];
  const thousands = (n: number) => Math.round(n / 1000) * 1000;
  if (line.pattern === 'capital') {
    // unspent money from last year is granted again in the spring
    if (r.chance(0.6)) grants.push({ month: r.int(3, 5), amount: thousands(annual * r.normal(0.1, 0.15)) });
    return grants;
  }
  const draw = r.next();
  const count = draw < 0.28 ? 1 : draw < 0.36 ? 2 : 0;
  for (let k = 0; k < count; k++) grants.push({ month: r.int(3, 10), amount: thousands(annual * r.normal(0.01, 0.035)) });
  // known pressure is partly covered by an extra grant in the autumn
  const pressure = line.pressure(year);
  if (pressure > 0.03) grants.push({ month: r.int(8, 10), amount: thousands(annual * pressure * r.uniform(0.3, 0.6)) });
  return grants;
}

/** actual for the year / corrected budget for the year */
function outcomeFactor(line: EconomyLine, year: number, winterSeverity: number, r: Random): number {
  switch (line.pattern) {
    case 'financing':
      return 1;
    case 'capital':
      return r.chance(0.15) ? r.uniform(1, 1.08) : r.uniform(0.65, 0.97);
    case 'winter':
      return winterSeverity * (1 + r.normal(0, 0.03));
    case 'self_financing':
      return 1 + r.normal(0, 0.3);
    default:
      return 1 + line.pressure(year) + r.normal(0, line.pattern === 'transfer' ? 0.012 : 0.018);
  }
}

function actualWeights(pattern: SpendingPattern, weights: readonly number[], r: Random): number[] {
  return weights.map((w, i) => {
    if (w === 0) return 0;
    switch (pattern) {
      case 'transfer':
        return w * (TRANSFER_SEASON[i] ?? 1) * (1 + r.normal(0, 0.02));
      case 'winter':
        return w * r.logNormal(1, 0.35);
      case 'capital':
        return w * r.logNormal(1, 0.45);
      default:
        return w * (OPERATING_SEASON[i] ?? 1) * Math.max(0.5, 1 + r.normal(0, 0.05));
    }
  });
}

/** Utilities: fees and costs nearly cancel, so each month swings around a small net amount. */
function selfFinancingActuals(yearOre: number, weights: readonly number[], r: Random): number[] {
  const active = weights.filter((w) => w > 0).length;
  const swings = weights.map((w) => (w > 0 ? Math.round(r.normal(0, Math.abs(yearOre) / active / 2 + 12_000_000)) : 0));
  const correction = distribute(yearOre - sum(swings), weights);
  return swings.map((s, i) => s + (correction[i] ?? 0));
}

/** the pattern's weights for the months in which the unit exists, 0 for the others */
function monthWeights(pattern: readonly number[], months: readonly number[]): number[] {
  return pattern.map((w, i) => (months.includes(i + 1) ? w : 0));
}

/** Splits an integer total by weights into integers that add up to exactly the total. */
function distribute(total: number, weights: readonly number[]): number[] {
  const weightSum = sum(weights);
  let running = 0;
  let previous = 0;
  return weights.map((w) => {
    running += w;
    const cumulative = Math.round((total * running) / weightSum);
    const share = cumulative - previous;
    previous = cumulative;
    return share;
  });
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
