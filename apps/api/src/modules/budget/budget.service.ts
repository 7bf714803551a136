import type { Accounts, Balance, FollowUp, OrgUnit } from '@lis/contracts';
import {
  accountLines,
  BALANCE_TARGETS,
  balanceTargetStatus,
  budgetFollowUp,
  CATEGORY_NAMES,
  classifyAccount,
  consumptionStatus,
  DEFAULT_TOLERANCE,
  type EconomyAmount,
  type FollowUpFigures,
  formatDkk,
  OPERATING_CATEGORIES,
  type PlanAmount,
  periodYear,
  planLines,
  planResults,
  sameMonthLastYear,
} from '@lis/domain';
import { NotFoundError, type ReadContext } from '../../lib/read-context.ts';
import { getOrg, rootOrgId, subtreeOf } from '../org/org.service.ts';
import * as repo from './budget.repository.ts';
import { reconciliationOf } from './reconciliation.ts';

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
  org: OrgUnit,
): Promise<OrgUnit[] | null> {
  if (callerOrgIds === null) return null;
  const orgIds = [...new Set(callerOrgIds)];
  if ((await subtreeOf(ctx.db, ctx.municipality, orgIds)).has(org.id)) return null;
  const topmost: OrgUnit[] = [];
  for (const id of orgIds) {
    const others = orgIds.filter((other) => other !== id);
    if ((await subtreeOf(ctx.db, ctx.municipality, others)).has(id)) continue; // inside another of theirs
    const unit = await getOrg(ctx, id).catch(closedAsNull);
    if (unit) topmost.push(unit);
  }
  return topmost.sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

/** A chef's unit that has since closed reads as nothing. */
const closedAsNull = (error: unknown) => {
  if (error instanceof NotFoundError) return null;
  throw error;
};

/**
 * Budget follow-up of a unit (its whole subtree) for a month, with its children for drill-down.
 * With `ownUnits` (a chef at the kommune root) the headline and the months stay the unit's totals,
 * but the categories and the units listed cover the caller's own units only (ADR 0003).
 */
export async function followUp(
  ctx: ReadContext,
  org: OrgUnit,
  period: string,
  children: readonly OrgUnit[],
  ownUnits: readonly OrgUnit[] | null,
): Promise<FollowUp> {
  const year = periodYear(period);
  const lastPeriod = sameMonthLastYear(period);
  const latestPeriod = await repo.latestActualPeriod(ctx.db, ctx.municipality);
  const amounts = await repo.subtreeAmounts(ctx.db, ctx.municipality, org.id, year);
  const lastAmounts = await repo.subtreeAmounts(ctx.db, ctx.municipality, org.id, year - 1);
  const result = budgetFollowUp(amounts, period);
  const last = lastYearOf(lastAmounts, lastPeriod);
  const ownThisYear = ownUnits === null ? null : await ownAmounts(ctx, ownUnits, year);
  const ownLastYear = ownUnits === null ? null : await ownAmounts(ctx, ownUnits, year - 1);
  const parts = ownThisYear === null ? result : budgetFollowUp(ownThisYear, period);
  const partsLast = ownLastYear === null ? last : lastYearOf(ownLastYear, lastPeriod);
  const childFigures = await Promise.all(
    (ownUnits ?? children).map(async (child) => ({
      org: child,
      ...withPercentages(budgetFollowUp(await repo.subtreeAmounts(ctx.db, ctx.municipality, child.id, year), period).operating),
      actualsYtdLastYear: lastYearOf(await repo.subtreeAmounts(ctx.db, ctx.municipality, child.id, year - 1), lastPeriod)
        .operating,
    })),
  );
  const headline = withPercentages(result.operating);
  const lastOperating = last.operating === null ? null : budgetFollowUp(lastAmounts, lastPeriod);
  return {
    org,
    period,
    latestPeriod,
    year,
    scope: 'drift',
    breakdown: ownUnits === null ? 'unit' : 'own_units',
    ...headline,
    consumptionStatus: consumptionStatus(headline.consumptionPct, headline.phasedConsumptionPct),
    lastYear:
      lastOperating === null
        ? null
        : {
            period: lastPeriod,
            actualsYtd: lastOperating.operating.actualsYtd,
            correctedBudget: lastOperating.operating.correctedBudget,
            consumptionPct: pct(lastOperating.operating.actualsYtd, lastOperating.operating.correctedBudget),
          },
    byCategory: parts.byCategory.map((c) => ({
      ...withPercentages(c),
      category: c.category,
      name: CATEGORY_NAMES[c.category],
      actualsYtdLastYear: partsLast.byCategory.get(c.category) ?? null,
    })),
    months: result.months.map((m, i) => ({
      ...m,
      cumulativeActualLastYear: lastOperating?.months[i]?.cumulativeActual ?? null,
    })),
    children: childFigures,
  };
}

/** Last year's actuals to the same month: operating and per category, null where that scope had no amounts. */
function lastYearOf(amounts: readonly EconomyAmount[], lastPeriod: string) {
  const result = budgetFollowUp(amounts, lastPeriod);
  const categories = new Set(amounts.map((a) => classifyAccount(a.fn, a.dranst)));
  const hasOperating = OPERATING_CATEGORIES.some((c) => categories.has(c));
  return {
    operating: hasOperating ? result.operating.actualsYtd : null,
    byCategory: new Map(result.byCategory.filter((c) => categories.has(c.category)).map((c) => [c.category, c.actualsYtd])),
  };
}

/** The unit's account lines; with `ownUnits` (a chef at the kommune root) summed over the caller's own units only. */
export async function accounts(
  ctx: ReadContext,
  org: OrgUnit,
  period: string,
  prefix: string,
  ownUnits: readonly OrgUnit[] | null,
): Promise<Accounts> {
  const year = periodYear(period);
  const amounts =
    ownUnits === null ? await repo.subtreeAmounts(ctx.db, ctx.municipality, org.id, year) : await ownAmounts(ctx, ownUnits, year);
  return {
    org,
    period,
    prefix,
    breakdown: ownUnits === null ? 'unit' : 'own_units',
    lines: accountLines(amounts, period, prefix).map(withPercentages),
  };
}

const ownAmounts = (ctx: ReadContext, units: readonly OrgUnit[], year: number) =>
  repo.amountsOfSubtrees(
    ctx.db,
    ctx.municipality,
    units.map((u) => u.id),
    year,
  );

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
async function policyTargetsOf(ctx: ReadContext, budgetYear: number, years: ReturnType<typeof planYears>) {
  const root = await rootOrgId(ctx.db, ctx.municipality);
  if (!root) return [];
  const ids = BALANCE_TARGETS.map((t) => t.kpiId);
  const rows = await repo.targetsOf(ctx.db, ctx.municipality, root, budgetYear, ids);
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
  const { amounts, batchId } = await repo.planAmounts(ctx.db, ctx.municipality);
  const years = planYears(amounts, budgetYear);
  if (years.length === 0) throw new NoPlanError(`There is no budget plan for ${budgetYear}`);
  const otherYear = compareTo ?? budgetYear - 1;
  const other = planYears(amounts, otherYear);
  const policyTargets = await policyTargetsOf(ctx, budgetYear, years);
  const reconciliation = await reconciliationOf(ctx, budgetYear, years);
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
