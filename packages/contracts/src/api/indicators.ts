import { type Static, Type } from 'typebox';
import { Nullable, StringEnum } from './common.ts';

/** Years from 1000: the month a year before (a comparison) must still be a month. */
const Period = Type.String({ pattern: '^[1-9]\\d{3}-(0[1-9]|1[0-2])$', description: 'month, YYYY-MM (year 1000–9999)' });

export const OrgLevelSchema = Type.Union([
  Type.Literal('kommune'),
  Type.Literal('forvaltning'),
  Type.Literal('afdeling'),
  Type.Literal('enhed'),
]);

export const OrgUnit = Type.Object({
  id: Type.String(),
  parentId: Nullable(Type.String()),
  name: Type.String(),
  level: OrgLevelSchema,
  validFrom: Nullable(Type.String()),
  validTo: Nullable(Type.String()),
});
export type OrgUnit = Static<typeof OrgUnit>;
export const OrgUnitList = Type.Array(OrgUnit);

export const KpiStatus = Type.Union([
  Type.Literal('green'),
  Type.Literal('yellow'),
  Type.Literal('red'),
  Type.Literal('no_data'),
  Type.Literal('suppressed'),
  Type.Literal('no_target'),
]);
export type KpiStatusValue = Static<typeof KpiStatus>;

/** The domain's KpiDefinition must fit it (the /kpis route's return type checks that). */
export const KpiDefinitionSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  formula: Type.String(),
  unit: StringEnum(['pct', 'days', 'count', 'dkk', 'score']),
  decimals: Type.Integer(),
  direction: StringEnum(['higher_is_better', 'lower_is_better']),
  aggregation: StringEnum(['ratio', 'sum', 'quantile', 'difference']),
  scale: Type.Number(),
  sourceFeed: StringEnum(['economy', 'budget_plan', 'sickleave', 'cases', 'kpi', 'benchmark', 'population']),
  theme: StringEnum(['oekonomi', 'kerneopgave', 'kompetencer', 'sagsbehandling', 'ressourcer', 'arbejdsplads', 'loefter']),
  personalData: Type.Boolean(),
  flow: Type.Boolean(),
  levels: StringEnum(['all', 'kommune']),
  showN: Type.Boolean(),
  carryForwardMonths: Type.Integer(),
});
export const KpiCatalogue = Type.Array(KpiDefinitionSchema);

export const SeriesPoint = Type.Object({
  period: Type.String(),
  value: Nullable(Type.Number()),
  target: Nullable(Type.Number()),
  status: KpiStatus,
});
export type SeriesPoint = Static<typeof SeriesPoint>;

export const Indicator = Type.Object({
  kpiId: Type.String(),
  value: Nullable(Type.Number()),
  unit: Type.String(),
  status: KpiStatus,
  target: Nullable(Type.Number()),
  /** the yellow band as a fraction of the target */
  tolerance: Nullable(Type.Number()),
  /** where the target comes from: the unit's own, inherited from an ancestor, or computed (phased budget) */
  targetOrgId: Nullable(Type.String()),
  previous: Nullable(Type.Number()),
  sameMonthLastYear: Nullable(Type.Number()),
  ytd: Nullable(Type.Number()),
  /** the year to date of the same month a year before: the same period last year */
  ytdLastYear: Nullable(Type.Number()),
  n: Nullable(Type.Integer()),
  /** when the data behind the value was loaded */
  asOf: Nullable(Type.String({ format: 'date-time' })),
  batchId: Nullable(Type.Integer()),
  /** the month the data is from when older than the period (a yearly survey, the latest budget forecast) */
  dataPeriod: Nullable(Type.String()),
  /** the reason when status is suppressed */
  suppressedReason: Nullable(Type.String()),
  /** the 12 months ending with the period, for the sparkline */
  series: Type.Array(Type.Object({ period: Type.String(), value: Nullable(Type.Number()) })),
});
export type Indicator = Static<typeof Indicator>;

export const Dashboard = Type.Object({
  org: OrgUnit,
  period: Type.String(),
  /** the newest month with data in the store, for the month picker */
  latestPeriod: Nullable(Type.String()),
  /** the oldest month with data in the store */
  firstPeriod: Nullable(Type.String()),
  indicators: Type.Array(Indicator),
});
export type Dashboard = Static<typeof Dashboard>;

export const ExportFormat = Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')]));

export const DashboardQuery = Type.Object({
  org: Type.Optional(Type.String({ minLength: 1, description: "org unit id; default: the caller's top unit" })),
  period: Type.Optional(Period),
  format: ExportFormat,
});

export const KpiParams = Type.Object({ kpiId: Type.String() });

/**
 * The most months one series answers. The range asked for is first cut to the months that hold data
 * (the store's first to newest month), so only a store with more than 20 years of data can meet it.
 */
export const MAX_SERIES_MONTHS = 240;

/**
 * Which tree a month's figures stand on (docs/adr/0011): 'then' the tree valid in that month (som
 * organiseret dengang), 'now' history recast into today's tree (som organiseret nu).
 */
export const ROLLUP_VIEWS = ['then', 'now'] as const;
export type RollupView = (typeof ROLLUP_VIEWS)[number];
/** A view's name as the web app shows it, and what it means. */
export const rollupViewText = (view: RollupView): { name: string; meaning: string } =>
  view === 'then'
    ? { name: 'Som organiseret dengang', meaning: 'hver måned står på den organisation, der gjaldt i måneden' }
    : {
        name: 'Som organiseret nu',
        meaning: 'alle måneder er regnet om til organisationen i dag, så enhederne kan sammenlignes med før en omorganisering',
      };
const ViewQuery = Type.Optional(
  StringEnum(ROLLUP_VIEWS, {
    description:
      "'then' (default): each month on the tree valid in it; 'now': history recast into today's tree, to compare a unit with what its units did before a reorganisation",
  }),
);
const ViewShown = StringEnum(ROLLUP_VIEWS, { description: 'the tree the figures stand on (see the query parameter view)' });

export const SeriesQuery = Type.Object({
  org: Type.String({ minLength: 1 }),
  from: Type.Optional(Type.String({ ...Period, description: 'first month, YYYY-MM; default: 23 months before `to`' })),
  to: Type.Optional(Type.String({ ...Period, description: 'last month, YYYY-MM; default: the newest month with data' })),
  view: ViewQuery,
  format: ExportFormat,
});

export const Series = Type.Object({
  kpiId: Type.String(),
  org: OrgUnit,
  view: ViewShown,
  points: Type.Array(
    Type.Object({
      period: Type.String(),
      value: Nullable(Type.Number()),
      target: Nullable(Type.Number()),
      /** the yellow band as a fraction of that month's target */
      tolerance: Nullable(Type.Number()),
      status: KpiStatus,
      sameMonthLastYear: Nullable(Type.Number()),
      n: Nullable(Type.Integer()),
    }),
  ),
});
export type Series = Static<typeof Series>;

export const BreakdownQuery = Type.Object({
  org: Type.String({ minLength: 1 }),
  period: Period,
  view: ViewQuery,
  format: ExportFormat,
});

export const Breakdown = Type.Object({
  kpiId: Type.String(),
  org: OrgUnit,
  period: Type.String(),
  view: ViewShown,
  items: Type.Array(
    Type.Object({
      org: OrgUnit,
      value: Nullable(Type.Number()),
      target: Nullable(Type.Number()),
      status: KpiStatus,
      n: Nullable(Type.Integer()),
      suppressedReason: Nullable(Type.String()),
    }),
  ),
});
export type Breakdown = Static<typeof Breakdown>;
