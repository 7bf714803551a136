import { type Static, Type } from 'typebox';
import { Nullable, StringEnum } from './common.ts';

// The page "Anvendelse": how much LIS is used, per forvaltning and month, from LIS's own records
// (sign-ins in the audit log, page kinds viewed). No address, query or unit of a page is recorded.

/** The kinds of page the web app reports when it shows one; nothing else about the page is kept. */
export const USAGE_PAGE_KINDS = [
  'overview',
  'kpi',
  'budget',
  'balance',
  'benchmark',
  'demography',
  'feeds',
  'users',
  'matrix',
  'usage',
] as const;
export type UsagePageKind = (typeof USAGE_PAGE_KINDS)[number];
export const isUsagePageKind = (value: string): value is UsagePageKind => (USAGE_PAGE_KINDS as readonly string[]).includes(value);

/** The longest span one answer covers. */
export const USAGE_MAX_MONTHS = 36;

export const PageViewBody = Type.Object({ page: StringEnum(USAGE_PAGE_KINDS) }, { additionalProperties: false });
export type PageViewBody = Static<typeof PageViewBody>;

export const PageViewRecorded = Type.Object({
  /** false when the caller has no session (an API token): only people's page views count */
  recorded: Type.Boolean(),
});

const Month = Type.String({ pattern: '^[1-9]\\d{3}-(0[1-9]|1[0-2])$', description: 'month, YYYY-MM' });

export const UsageQuery = Type.Object({
  /** first month; default eleven months before `to` */
  from: Type.Optional(Month),
  /** last month; default the current month */
  to: Type.Optional(Month),
});

const UsageCounts = {
  month: Month,
  /** distinct users who signed in or viewed a page that month */
  activeUsers: Type.Integer({ minimum: 0 }),
  signIns: Type.Integer({ minimum: 0 }),
  /** page views, at most one per user, page kind and minute */
  pageViews: Type.Integer({ minimum: 0 }),
  /** explanations of the month's figures for the group's units, first written by the end of the following month */
  explanationsOnTime: Type.Integer({ minimum: 0 }),
};

export const UsageRow = Type.Object({
  /** the forvaltning; null: "Hele kommunen / tværgående" (every role but chef, and chefs of units above a forvaltning) */
  forvaltning: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  ...UsageCounts,
});
export type UsageRow = Static<typeof UsageRow>;

export const UsageMonthTotal = Type.Object(UsageCounts);
export type UsageMonthTotal = Static<typeof UsageMonthTotal>;

export const UsageReport = Type.Object({
  from: Month,
  to: Month,
  months: Type.Array(Month),
  /** one per group and month, every month of the span (zeros included); a chef of units in two forvaltninger counts in both */
  rows: Type.Array(UsageRow),
  /** the whole kommune per month, each person once */
  totals: Type.Array(UsageMonthTotal),
});
export type UsageReport = Static<typeof UsageReport>;

/** The group of users who are not chefs of a forvaltning's units. */
export const USAGE_CROSS_CUTTING_NAME = 'Hele kommunen / tværgående';
