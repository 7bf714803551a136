import type { Accounts, Balance, FollowUp, OrgUnit } from '@lis/contracts';
import {
  accountName,
  BALANCE_TARGETS,
  balanceTargetStatus,
  CATEGORY_NAMES,
  consumptionStatus,
  DEFAULT_TOLERANCE,
  type FollowUpFigures,
  formatDkk,
  OPERATING_CATEGORIES,
  type PlanAmount,
  periodMonthNumber,
  periodYear,
  planLines,
  planResults,
  sameMonthLastYear,
} from '@lis/domain';
import { NotFoundError, type ReadContext } from '../../lib/read-context.ts';
import { subtreeOf, topmostUnits } from '../org/org.service.ts';
import * as repo from './budget.repository.ts';
import { reconciliationOf } from './reconciliation.ts';
import { byCode, figuresOf, followUpLookup } from './rollup-figures.ts';

export { planAmounts } from './budget.repository.ts';

const pct = (part: number | null, whole: number) => (part === null || whole === 0 ? null : (part / whole) * 100);

/** The follow-up figures plus the percentages derived from them. */
function withPercentages<F extends FollowUpFigures>(f: F) {
  return {
    ...f,
    forecast: f.forecastMadeIn ? f.forecast : null,
    consumptionPct: pct(f.actualsYtd, f.correctedBudget),
    phasedConsumptionPct: pct(f.phasedBudgetYtd, f.correctedBudget),
    // against the budget's size: an income budget (negative) that falls short is still + (bad)
    deviationPct: pct(f.deviation, Math.abs(f.correctedBudget)),
  };
}

export async function defaultPeriod(ctx: ReadContext): Promise<string> {
  return (await repo.latestActualPeriod(ctx.db, ctx.municipality)) ?? new Date().toISOString().slice(0, 7);
}

/**
 * The units a caller's breakdowns of `org` cover: null for all of them (a reader of everything, or
 * a chef inside their own subtrees); for a chef at the kommune root, which they read for its totals
 * only, their own units, the topmost of them, never a sibling's figures (ADR 0003).
 */
export async function ownUnitsFor(
  ctx: ReadContext,
  callerOrgIds: readonly string[] | null,
  orgId: string,
): Promise<OrgUnit[] | null> {
  if (callerOrgIds === null) return null;
  const orgIds = [...new Set(callerOrgIds)];
  if ((await subtreeOf(ctx.db, ctx.municipality, orgIds)).has(orgId)) return null;
  // a unit inside another of theirs counts once, in that one; a closed unit reads as nothing
  const topmost = await topmostUnits(ctx.db, ctx.municipality, orgIds);
  return topmost.sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

/**
 * Budget follow-up of a unit (its whole subtree) for a month, with its children for drill-down
 * (those in `visible`; null: all), beside the same month last year: one statement over the
 * economy read model (ADR 0012). With `ownUnits` (a chef at the kommune root) the headline and the
 * months stay the unit's totals, but the categories and the units listed cover the caller's own
 * units only (ADR 0003). Throws NotFoundError for a unit not in effect.
 */
export async function followUp(
  ctx: ReadContext,
  orgId: string,
  period: string,
  ownUnits: readonly OrgUnit[] | null,
  visible: ReadonlySet<string> | null,
): Promise<FollowUp> {
  const year = periodYear(period);
  const month = periodMonthNumber(period);
  const ownIds = ownUnits?.map((u) => u.id) ?? null;
  const data = await repo.followUpData(ctx.db, ctx.municipality, orgId, ownIds, year, month, OPERATING_CATEGORIES);
  if (!data) throw new NotFoundError(`Unknown org unit ${orgId}`, 'org');
  const org = data.unit;
  const listed = ownUnits ?? data.children.filter((child) => visible === null || visible.has(child.id));
  const at = followUpLookup(data.rows, month);
  // ownUnitsFor gives a chef's topmost own units only, so no fact counts twice in their sum
  const parts = ownIds ?? [org.id];
  const operating = (unitId: string, y: number) => at.sums([unitId], y, OPERATING_CATEGORIES);
  const headline = withPercentages(figuresOf(operating(org.id, year), year));
  const last = operating(org.id, year - 1);
  const lastMonths = last ? at.months(org.id, year - 1, OPERATING_CATEGORIES) : null;
  return {
    org,
    period,
    latestPeriod: data.latestPeriod,
    year,
    scope: 'drift',
    breakdown: ownUnits === null ? 'unit' : 'own_units',
    ...headline,
    consumptionStatus: consumptionStatus(headline.consumptionPct, headline.phasedConsumptionPct),
    lastYear: last
      ? {
          period: sameMonthLastYear(period),
          actualsYtd: last.actualsYtd,
          correctedBudget: last.correctedBudget,
          consumptionPct: pct(last.actualsYtd, last.correctedBudget),
        }
      : null,
    byCategory: at.categories.map((category) => ({
      ...withPercentages(figuresOf(at.sums(parts, year, [category]), year)),
      category,
      name: CATEGORY_NAMES[category],
      actualsYtdLastYear: at.sums(parts, year - 1, [category])?.actualsYtd ?? null,
    })),
    months: at
      .months(org.id, year, OPERATING_CATEGORIES)
      .map((m, i) => ({ ...m, cumulativeActualLastYear: lastMonths?.[i]?.cumulativeActual ?? null })),
    children: listed.map((child) => ({
      org: child,
      ...withPercentages(figuresOf(operating(child.id, year), year)),
      actualsYtdLastYear: operating(child.id, year - 1)?.actualsYtd ?? null,
    })),
  };
}

/**
 * The unit's account lines (one statement over the read model); with `ownUnits` summed over the
 * caller's own units only. Throws NotFoundError for a unit not in effect.
 */
export async function accounts(
  ctx: ReadContext,
  orgId: string,
  period: string,
  prefix: string,
  ownUnits: readonly OrgUnit[] | null,
): Promise<Accounts> {
  const year = periodYear(period);
  const units = ownUnits?.map((u) => u.id) ?? [orgId];
  const data = await repo.accountsData(ctx.db, ctx.municipality, orgId, units, year, periodMonthNumber(period), prefix);
  if (!data) throw new NotFoundError(`Unknown org unit ${orgId}`, 'org');
  return {
    org: data.unit,
    period,
    prefix,
    breakdown: ownUnits === null ? 'unit' : 'own_units',
    lines: byCode(data.lines).map((r) =>
      withPercentages({ code: r.code, name: accountName(r.code), category: r.category, ...figuresOf(r, year) }),
    ),
  };
}

function planYears(amounts: readonly PlanAmount[], budgetYear: number) {
  const years = [...new Set(amounts.filter((a) => a.budgetYear === budgetYear).map((a) => a.year))].sort();
  return years.map((year) => {
    const lines = planLines(amounts.filter((a) => a.budgetYear === budgetYear && a.year === year));
    return { year, lines, ...planResults(lines) };
  });
}

export class NoPlanError extends Error {}

/** The budget years with a plan, newest first. */
export async function budgetYearsWithPlan(ctx: ReadContext): Promise<number[]> {
  const { amounts } = await repo.planAmounts(ctx.db, ctx.municipality);
  return [...new Set(amounts.map((a) => a.budgetYear))].sort((a, b) => b - a);
}

const RULE_WORDS = { at_least: 'mindst', about: 'omkring' } as const;

/**
 * The policy targets delivered for the budget year (targets feed, at the kommune), each judged
 * for every year of the plan; none delivered, none listed.
 */
function policyTargetsOf(facts: repo.BalanceFacts, years: ReturnType<typeof planYears>) {
  if (!facts.hasRoot) return [];
  const rows = facts.targets;
  return BALANCE_TARGETS.flatMap((t) => {
    const row = rows.find((r) => r.kpiId === t.kpiId);
    if (!row) return [];
    const tolerance = row.tolerance ?? DEFAULT_TOLERANCE;
    return [
      {
        id: t.id,
        name: `${t.name} ${RULE_WORDS[t.rule]} ${formatDkk(row.target)}`,
        target: row.target,
        rule: t.rule,
        tolerance,
        results: years.map((y) => {
          const value = t.value(y);
          return { year: y.year, value, status: balanceTargetStatus(value, row.target, tolerance, t.rule) };
        }),
      },
    ];
  });
}

/** The budget balance of a plan (budget year + 3 forecast years), its policy targets, and the change from another plan. */
export async function balance(ctx: ReadContext, budgetYear: number, compareTo: number | null): Promise<Balance> {
  const otherYear = compareTo ?? budgetYear - 1;
  const kpiIds = BALANCE_TARGETS.map((t) => t.kpiId);
  const facts = await repo.balanceFacts(ctx.db, ctx.municipality, budgetYear, otherYear, kpiIds);
  const { amounts, batchId } = facts;
  const years = planYears(amounts, budgetYear);
  if (years.length === 0) throw new NoPlanError(`There is no budget plan for ${budgetYear}`);
  const other = planYears(amounts, otherYear);
  const policyTargets = policyTargetsOf(facts, years);
  const reconciliation = reconciliationOf(budgetYear, years, facts.economy);
  const comparison =
    other.length === 0
      ? null
      : {
          budgetYear: otherYear,
          years: other,
          changes: years.flatMap((y) => {
            const o = other.find((x) => x.year === y.year);
            if (!o) return [];
            const lines = Object.fromEntries(
              Object.entries(y.lines).map(([k, v]) => [k, v - o.lines[k as keyof typeof o.lines]]),
            ) as typeof y.lines;
            return [
              {
                year: y.year,
                lines,
                resultA: y.resultA - o.resultA,
                resultB: y.resultB - o.resultB,
                resultC: y.resultC - o.resultC,
                cashChange: y.cashChange - o.cashChange,
              },
            ];
          }),
        };
  return { budgetYear, years, policyTargets, reconciliation, comparison, batchId };
}
