import { type Static, Type } from 'typebox';
import { Nullable } from './common.ts';
import { KpiStatus, OrgUnit } from './indicators.ts';

/** Years from 1000, as in indicators.ts: year 0000 does not exist and a year before it must still be a month. */
const Period = Type.String({ pattern: '^[1-9]\\d{3}-(0[1-9]|1[0-2])$', description: 'month, YYYY-MM (year 1000–9999)' });
const Format = Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')]));

export const Category = Type.Union([
  Type.Literal('service'),
  Type.Literal('overfoersler'),
  Type.Literal('anlaeg'),
  Type.Literal('forsyning'),
  Type.Literal('finansiering'),
]);

const Figures = {
  originalBudget: Type.Number(),
  correctedBudget: Type.Number(),
  phasedBudgetYtd: Type.Number(),
  actualsYtd: Type.Number(),
  consumptionPct: Nullable(Type.Number({ description: 'actuals YTD / corrected budget of the year × 100' })),
  phasedConsumptionPct: Nullable(Type.Number({ description: 'phased budget YTD / corrected budget of the year × 100' })),
  forecast: Nullable(
    Type.Number({ description: 'latest expected year result; keys without a forecast at their corrected budget' }),
  ),
  forecastMadeIn: Nullable(Type.String()),
  deviation: Nullable(Type.Number({ description: 'forecast − corrected budget, + = merforbrug' })),
  deviationPct: Nullable(Type.Number()),
};

/** actuals YTD of the same period last year; null when the line had no amounts (of its scope) last year */
const LastYearActuals = Nullable(Type.Number({ description: 'actuals to the same month last year' }));

/**
 * What the breakdowns (categories, units, account lines) cover. 'unit': the unit's whole subtree.
 * 'own_units': a chef at the kommune root, outside their own subtrees: totals stay the kommune's,
 * but every breakdown covers the caller's own units only, never a sibling's figures (ADR 0003).
 */
export const BreakdownCoverage = Type.Union([Type.Literal('unit'), Type.Literal('own_units')]);
export type BreakdownCoverage = Static<typeof BreakdownCoverage>;

export const FollowUpQuery = Type.Object({
  org: Type.Optional(Type.String({ minLength: 1 })),
  period: Type.Optional(Period),
  format: Format,
});

export const FollowUp = Type.Object({
  org: OrgUnit,
  period: Type.String(),
  /** the newest month with actuals, for the month picker */
  latestPeriod: Nullable(Type.String()),
  year: Type.Integer(),
  /** the headline figures cover operating spending: service + overførsler */
  scope: Type.Literal('drift'),
  /** 'own_units': the headline figures and months are the unit's, byCategory and children the caller's own units' */
  breakdown: BreakdownCoverage,
  ...Figures,
  /** the headline consumption's light against the phased budget (the overview tile's rule); the page shows it as sent */
  consumptionStatus: KpiStatus,
  /** the same period last year (same month, operating spending); null when last year has no operating amounts */
  lastYear: Nullable(
    Type.Object({
      period: Type.String({ description: 'the same month last year, YYYY-MM' }),
      actualsYtd: Type.Number(),
      correctedBudget: Type.Number(),
      consumptionPct: Nullable(Type.Number({ description: 'actuals YTD / corrected budget of that year × 100' })),
    }),
  ),
  byCategory: Type.Array(
    Type.Object({ category: Category, name: Type.String(), ...Figures, actualsYtdLastYear: LastYearActuals }),
  ),
  months: Type.Array(
    Type.Object({
      period: Type.String(),
      actual: Type.Number(),
      phasedBudget: Type.Number(),
      cumulativeActual: Type.Number(),
      cumulativePhasedBudget: Type.Number(),
      forecast: Nullable(Type.Number()),
      /** actuals from January to the same month last year; null when last year has no operating amounts */
      cumulativeActualLastYear: Nullable(Type.Number()),
    }),
  ),
  /** the units one level down; with breakdown 'own_units' the caller's own units instead */
  children: Type.Array(Type.Object({ org: OrgUnit, ...Figures, actualsYtdLastYear: LastYearActuals })),
});
export type FollowUp = Static<typeof FollowUp>;

export const AccountsQuery = Type.Object({
  org: Type.Optional(Type.String({ minLength: 1 })),
  period: Type.Optional(Period),
  prefix: Type.Optional(
    Type.String({
      pattern: '^(\\d(\\.\\d{2})?)?$',
      description: "'' main accounts, '5' its main functions, '5.32' its functions",
    }),
  ),
  format: Format,
});

export const Accounts = Type.Object({
  org: OrgUnit,
  period: Type.String(),
  prefix: Type.String(),
  /** 'own_units': the lines sum the caller's own units only */
  breakdown: BreakdownCoverage,
  lines: Type.Array(
    Type.Object({ code: Type.String(), name: Nullable(Type.String()), category: Nullable(Category), ...Figures }),
  ),
});
export type Accounts = Static<typeof Accounts>;

const PlanLines = Type.Object({
  taxes: Type.Number(),
  grants_equalisation: Type.Number(),
  service: Type.Number(),
  transfers: Type.Number(),
  interest: Type.Number(),
  capital: Type.Number(),
  utilities: Type.Number(),
  repayments: Type.Number(),
  borrowing: Type.Number(),
  financial_movements: Type.Number(),
});

const PlanYear = Type.Object({
  year: Type.Integer(),
  lines: PlanLines,
  resultA: Type.Number(),
  resultB: Type.Number(),
  resultC: Type.Number(),
  cashChange: Type.Number(),
});

/** The budget years that have a plan, newest first. */
export const PlanYears = Type.Array(Type.Integer());

export const BalanceQuery = Type.Object({
  budgetYear: Type.Integer({ minimum: 1990, maximum: 2200 }),
  compareTo: Type.Optional(
    Type.Integer({ minimum: 1990, maximum: 2200, description: 'another plan to compare with (default budgetYear − 1)' }),
  ),
  format: Format,
});

/** A policy target of the balance, from the targets feed (the kommune, the budget year); none delivered, none listed. */
export const PolicyTarget = Type.Object({
  id: Type.String(),
  name: Type.String(),
  target: Type.Number(),
  /** at_least: green from the target up; about: green within the tolerance either side, yellow within twice it */
  rule: Type.Union([Type.Literal('at_least'), Type.Literal('about')]),
  /** the yellow band as a fraction of the target (the feed's, else the default 0.10) */
  tolerance: Type.Number(),
  /** per year of the plan */
  results: Type.Array(Type.Object({ year: Type.Integer(), value: Type.Number(), status: KpiStatus })),
});

/**
 * The plan's budget year against the economy feed's original budget for that year, per line the
 * economy can hold (domain reconcilePlanYear). Amounts in the accounts' sign (+ expense, − income).
 */
const Reconciliation = Type.Object({
  year: Type.Integer(),
  /** false: the economy feed holds no original budget for the year */
  economyHasYear: Type.Boolean(),
  lines: Type.Array(
    Type.Object({
      line: Type.Union([
        Type.Literal('taxes'),
        Type.Literal('grants_equalisation'),
        Type.Literal('service'),
        Type.Literal('transfers'),
        Type.Literal('interest'),
        Type.Literal('capital'),
        Type.Literal('utilities'),
      ]),
      name: Type.String(),
      plan: Type.Number(),
      economy: Nullable(Type.Number({ description: "the economy feed's original budget on the line's accounts" })),
      difference: Nullable(Type.Number({ description: 'plan − economy' })),
      status: Type.Union([Type.Literal('agrees'), Type.Literal('differs'), Type.Literal('not_in_economy')]),
      /** why they differ, in Danish; null when they agree */
      reason: Nullable(Type.String()),
    }),
  ),
});

export const Balance = Type.Object({
  budgetYear: Type.Integer(),
  years: Type.Array(PlanYear),
  policyTargets: Type.Array(PolicyTarget),
  /** the budget year of the plan against the economy feed: what reconciles with what */
  reconciliation: Reconciliation,
  comparison: Nullable(
    Type.Object({
      budgetYear: Type.Integer(),
      years: Type.Array(PlanYear),
      /** this plan − the other, for the years both cover */
      changes: Type.Array(
        Type.Object({
          year: Type.Integer(),
          lines: PlanLines,
          resultA: Type.Number(),
          resultB: Type.Number(),
          resultC: Type.Number(),
          cashChange: Type.Number(),
        }),
      ),
    }),
  ),
  batchId: Nullable(Type.Integer()),
});
export type Balance = Static<typeof Balance>;
