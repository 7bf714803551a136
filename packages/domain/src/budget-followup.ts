import { accountName, CATEGORIES, classifyAccount, type SpendingCategory } from './chart-of-accounts.ts';
import { periodRange, periodYear } from './period.ts';

/** One monthly economy amount of one account key (unit, function, dranst). */
export interface EconomyAmount {
  orgId: string;
  fn: string;
  dranst: number;
  amountType: 'original_budget' | 'corrected_budget' | 'actual' | 'forecast';
  /** 'YYYY-MM' */
  period: string;
  amount: number;
}

/** Budget figures of a set of keys for a year, up to and including a month. DKK, + expense, − income. */
export interface FollowUpFigures {
  originalBudget: number;
  correctedBudget: number;
  phasedBudgetYtd: number;
  actualsYtd: number;
  /** Σ of each key's latest forecast up to the month, or its corrected budget when it has none */
  forecast: number;
  /** the latest month a forecast was made in; null = no forecast yet this year */
  forecastMadeIn: string | null;
  /** forecast − corrected budget (+ = merforbrug); null before the first forecast */
  deviation: number | null;
}

interface KeyYear {
  fn: string;
  dranst: number;
  original: number;
  corrected: number;
  phasedYtd: number;
  actualYtd: number;
  latestForecast: { period: string; amount: number } | null;
  /** actual and phased budget per month, for the cumulative chart */
  monthly: Map<string, { actual: number; phased: number }>;
  forecasts: Map<string, number>;
}

/** Collects the amounts of one year per key (unit × function × dranst) as of `period`. */
function keysAsOf(amounts: readonly EconomyAmount[], period: string): KeyYear[] {
  const year = periodYear(period);
  const keys = new Map<string, KeyYear>();
  for (const a of amounts) {
    if (periodYear(a.period) !== year) continue;
    const id = `${a.orgId}|${a.fn}|${a.dranst}`;
    let key = keys.get(id);
    if (!key) {
      key = {
        fn: a.fn,
        dranst: a.dranst,
        original: 0,
        corrected: 0,
        phasedYtd: 0,
        actualYtd: 0,
        latestForecast: null,
        monthly: new Map(),
        forecasts: new Map(),
      };
      keys.set(id, key);
    }
    const month = key.monthly.get(a.period) ?? { actual: 0, phased: 0 };
    key.monthly.set(a.period, month);
    const upTo = a.period <= period;
    switch (a.amountType) {
      case 'original_budget':
        key.original += a.amount;
        break;
      case 'corrected_budget':
        key.corrected += a.amount;
        month.phased += a.amount;
        if (upTo) key.phasedYtd += a.amount;
        break;
      case 'actual':
        month.actual += a.amount;
        if (upTo) key.actualYtd += a.amount;
        break;
      case 'forecast':
        key.forecasts.set(a.period, a.amount);
        if (upTo && (!key.latestForecast || a.period > key.latestForecast.period))
          key.latestForecast = { period: a.period, amount: a.amount };
        break;
    }
  }
  return [...keys.values()];
}

function figuresOf(keys: readonly KeyYear[]): FollowUpFigures {
  const sum = (pick: (k: KeyYear) => number) => keys.reduce((s, k) => s + pick(k), 0);
  const madeIn = keys.reduce<string | null>(
    (m, k) => (k.latestForecast && (!m || k.latestForecast.period > m) ? k.latestForecast.period : m),
    null,
  );
  const forecast = sum((k) => k.latestForecast?.amount ?? k.corrected);
  const correctedBudget = sum((k) => k.corrected);
  return {
    originalBudget: sum((k) => k.original),
    correctedBudget,
    phasedBudgetYtd: sum((k) => k.phasedYtd),
    actualsYtd: sum((k) => k.actualYtd),
    forecast,
    forecastMadeIn: madeIn,
    deviation: madeIn === null ? null : forecast - correctedBudget,
  };
}

/** Operating spending of the tax-financed area: what the headline figures and the KPIs cover. */
export const OPERATING_CATEGORIES: readonly SpendingCategory[] = ['service', 'overfoersler'];

export interface FollowUp {
  /** service + overførsler (dranst 1–2 on main accounts 0, 2–6) */
  operating: FollowUpFigures;
  byCategory: (FollowUpFigures & { category: SpendingCategory })[];
  /** the operating amounts month by month, cumulated, with the forecast as it stood each month */
  months: {
    period: string;
    actual: number;
    phasedBudget: number;
    cumulativeActual: number;
    cumulativePhasedBudget: number;
    forecast: number | null;
  }[];
}

/** Budget follow-up for a unit's subtree (all its amounts) in a month (domain.md §3). */
export function budgetFollowUp(amounts: readonly EconomyAmount[], period: string): FollowUp {
  const keys = keysAsOf(amounts, period);
  const categoryOf = (k: KeyYear) => classifyAccount(k.fn, k.dranst);
  const operatingKeys = keys.filter((k) => OPERATING_CATEGORIES.includes(categoryOf(k)));
  let cumulativeActual = 0;
  let cumulativePhased = 0;
  const year = periodYear(period);
  const months = periodRange(`${year}-01`, `${year}-12`).map((p) => {
    const actual = operatingKeys.reduce((s, k) => s + (k.monthly.get(p)?.actual ?? 0), 0);
    const phasedBudget = operatingKeys.reduce((s, k) => s + (k.monthly.get(p)?.phased ?? 0), 0);
    cumulativeActual += actual;
    cumulativePhased += phasedBudget;
    const asOf = figuresOf(
      keysAsOf(
        amounts.filter((a) => OPERATING_CATEGORIES.includes(classifyAccount(a.fn, a.dranst))),
        p,
      ),
    );
    return {
      period: p,
      actual,
      phasedBudget,
      cumulativeActual,
      cumulativePhasedBudget: cumulativePhased,
      forecast: asOf.forecastMadeIn ? asOf.forecast : null,
    };
  });
  return {
    operating: figuresOf(operatingKeys),
    byCategory: CATEGORIES.map((category) => ({ category, ...figuresOf(keys.filter((k) => categoryOf(k) === category)) })),
    months,
  };
}

export interface AccountLine extends FollowUpFigures {
  /** '5', '5.32' or '5.32.32' */
  code: string;
  name: string | null;
  /** the category, or null when the account spans several (a main account) */
  category: SpendingCategory | null;
}

/** The chart-of-accounts level under `prefix` ('' → main accounts, '5' → main functions, '5.32' → functions). */
export function accountLines(amounts: readonly EconomyAmount[], period: string, prefix: string): AccountLine[] {
  const depth = prefix === '' ? 1 : prefix.split('.').length + 1;
  const codeOf = (fn: string) => fn.split('.').slice(0, depth).join('.');
  const groups = new Map<string, KeyYear[]>();
  for (const key of keysAsOf(amounts, period)) {
    if (prefix !== '' && !key.fn.startsWith(`${prefix}.`)) continue;
    const code = codeOf(key.fn);
    groups.set(code, [...(groups.get(code) ?? []), key]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, keys]) => {
      const categories = new Set(keys.map((k) => classifyAccount(k.fn, k.dranst)));
      return {
        code,
        name: accountName(code),
        category: categories.size === 1 ? ([...categories][0] ?? null) : null,
        ...figuresOf(keys),
      };
    });
}
