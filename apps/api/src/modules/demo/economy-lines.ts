/**
 * The budget lines of the economy feed: one per enhed × function × dranst, with the original
 * budget of each year. Amounts come from the unit's role (per employee or fixed), jittered, and
 * the service lines are then scaled so net operating spending (drift as packages/domain counts it:
 * dranst 1+2, hovedkonti 0 and 2–6) matches Jammerbugt's size.
 */
import { isOperatingSpending } from '@lis/domain';
import { YEARS } from './calendar.ts';
import { type DemoUnit, existsIn, roleOf } from './organisation.ts';
import type { Random } from './random.ts';
import type { BudgetLineSpec, SpendingPattern } from './unit-roles.ts';

/** net operating spending (isOperatingSpending: dranst 1+2, hk 0 and 2–6) in the 2016 original budget, DKK */
const OPERATING_BUDGET_2016 = 2_340_000_000;
/** wage and price level of each year relative to 2016 */
const YEAR_INDEX: Readonly<Record<number, number>> = { 2014: 0.962, 2015: 0.981, 2016: 1 };

export interface EconomyLine {
  orgId: string;
  fn: string;
  dranst: number;
  pattern: SpendingPattern;
  /** original budget per year, whole DKK; years without the line are absent */
  original: ReadonlyMap<number, number>;
  /** months (1–12) of each year in which the unit exists */
  months: ReadonlyMap<number, readonly number[]>;
  /** expected over-/underspend by year (fraction of the budget) */
  pressure: (year: number) => number;
  random: Random;
}

export function economyLines(units: readonly DemoUnit[], random: Random): EconomyLine[] {
  const drafts = units.flatMap((u) =>
    u.level === 'enhed' ? roleOf(u).budget.map((spec, i) => draft(u, spec, random.fork(`${u.id}/${i}`))) : [],
  );
  // merge specs that land on the same key (a per-head and a fixed part of one function)
  const byKey = new Map<string, Draft>();
  for (const d of drafts) {
    const key = `${d.unit.id}|${d.spec.fn}|${d.spec.dranst ?? 1}`;
    const existing = byKey.get(key);
    if (existing) existing.base += d.base;
    else byKey.set(key, d);
  }
  const lines = [...byKey.values()];
  // Income transfers are set deliberately; the per-employee service amounts are the rough part,
  // so they alone are scaled to make the total come out at Jammerbugt's size.
  const operating = lines.filter((d) => isOperatingSpending(d.spec.fn, d.spec.dranst ?? 1));
  const scalable = operating.filter(
    (d) => d.spec.pattern === undefined || d.spec.pattern === 'operating' || d.spec.pattern === 'winter',
  );
  const fixed = operating.filter((d) => !scalable.includes(d)).reduce((sum, d) => sum + d.base, 0);
  const factor = (OPERATING_BUDGET_2016 - fixed) / scalable.reduce((sum, d) => sum + d.base, 0);
  for (const d of scalable) d.base *= factor;
  return lines.map(toLine);
}

interface Draft {
  unit: DemoUnit;
  spec: BudgetLineSpec;
  /** 2016 amount, DKK */
  base: number;
  random: Random;
}

function draft(unit: DemoUnit, spec: BudgetLineSpec, random: Random): Draft {
  const raw = (spec.perHead ?? 0) * unit.staff + (spec.fixed ?? 0);
  const jitter = spec.pattern === 'financing' ? 1 : random.logNormal(1, 0.04);
  return { unit, spec, base: raw * jitter, random };
}

function toLine({ unit, spec, base, random }: Draft): EconomyLine {
  const original = new Map<number, number>();
  const months = new Map<number, number[]>();
  for (const year of YEARS) {
    const active = Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => existsIn(unit, year, m));
    const yearly = spec.byYear ? (spec.byYear[year] ?? 0) : base * (YEAR_INDEX[year] ?? 1) * (1 + random.normal(0, 0.015));
    if (active.length === 0 || yearly === 0) continue;
    months.set(year, active);
    // budgets are set in whole thousands; a unit that closes mid-year is budgeted for its months only
    original.set(year, Math.round((yearly * active.length) / 12 / 1000) * 1000);
  }
  const lineBias = random.normal(0, 0.012);
  return {
    orgId: unit.id,
    fn: spec.fn,
    dranst: spec.dranst ?? 1,
    pattern: spec.pattern ?? 'operating',
    original,
    months,
    pressure: (year) => (spec.pressure?.[year] ?? 0) + lineBias,
    random,
  };
}
