import { type Static, Type } from 'typebox';
import { BreakdownCoverage } from './budget.ts';
import { Nullable } from './common.ts';
import { OrgUnit } from './indicators.ts';

const Format = Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')]));
export const BenchmarkMethodSchema = Type.Union([
  Type.Literal('mean'),
  Type.Literal('weighted'),
  Type.Literal('median'),
  Type.Literal('best_quartile'),
  Type.Literal('mean_5_cheapest'),
  Type.Literal('cheapest'),
]);

/** The built-in kinds of peer group; `peers` also takes a list of codes or a saved group. */
export const PeerGroupKindSchema = Type.Union([
  Type.Literal('kora'),
  Type.Literal('kommunegruppe'),
  Type.Literal('region'),
  Type.Literal('all'),
]);

/** Where the figures come from: the imported ones (StatBank or the benchmark feed) or the store's own economy and population facts. */
export const BenchmarkSourceSchema = Type.Union([Type.Literal('statbank'), Type.Literal('store')], {
  description:
    'statbank (the default): the imported benchmark figures; store: computed from the economy actuals and population of the municipalities in this store, for a closed year',
});
export type BenchmarkSource = Static<typeof BenchmarkSourceSchema>;

const common = {
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2200, description: 'default: the latest year with data' })),
  peers: Type.Optional(
    Type.Union([PeerGroupKindSchema, Type.String()], {
      description:
        'a kind of peer group, a comma-separated list of municipality codes, or saved:<name> of a saved group (default kora)',
    }),
  ),
  method: Type.Optional(BenchmarkMethodSchema),
  includeOwn: Type.Optional(
    Type.Boolean({ description: 'whether the own municipality is among the peers (default true, as KORA did)' }),
  ),
  needAdjusted: Type.Optional(Type.Boolean({ description: 'divide unit costs by the expenditure-need index first' })),
  source: Type.Optional(BenchmarkSourceSchema),
  format: Format,
};

export const BenchmarkQuery = Type.Object({ area: Type.String({ minLength: 1 }), ...common });
export const BenchmarkSummaryQuery = Type.Object(common);

/** A municipality's row that cannot enter the computation (target population ≤ 0), left out and said so. */
const Excluded = Type.Array(
  Type.Object({
    municipality: Type.String(),
    name: Type.String(),
    reason: Type.Literal('no_target_population'),
  }),
);

const Peer = Type.Object({
  municipality: Type.String(),
  name: Type.String(),
  netExpenditure: Type.Number(),
  targetPopulation: Type.Number(),
  needIndex: Nullable(Type.Number()),
  unitCost: Type.Number(),
  isOwn: Type.Boolean(),
  /** the year whose prices netExpenditure is in; null when the delivery did not say */
  priceYear: Nullable(Type.Integer()),
});

const Basis = {
  year: Type.Integer(),
  method: BenchmarkMethodSchema,
  methodName: Type.String(),
  peerGroup: Type.String(),
  peerGroupName: Type.String(),
  includeOwn: Type.Boolean(),
  needAdjusted: Type.Boolean(),
  priceBase: Type.String(),
  /** the year whose prices the figures are in (the feed's price_year, the same for every row), else null */
  priceYear: Nullable(Type.Integer()),
  /** "faste 2016-priser", "prisår ikke oplyst" or "prisår ikke ens for alle kommuner" */
  priceBasis: Type.String(),
  /** where the year's figures come from: Danmarks Statistik's StatBank, or the deliveries of the benchmark feed */
  source: Type.String(),
  /** the `source` asked for */
  sourceKind: BenchmarkSourceSchema,
  /** with source=store: the group's municipalities (other than the own) with and without a closed year and population in the store; null otherwise */
  storePeers: Nullable(
    Type.Object({
      withData: Type.Array(Type.Object({ municipality: Type.String(), name: Type.String() })),
      missing: Type.Array(Type.Object({ municipality: Type.String(), name: Type.String() })),
    }),
  ),
  /** said when the method amounts to another, e.g. the mean of the 5 cheapest of 5 or fewer = the group mean */
  methodNote: Nullable(Type.String()),
  caveat: Type.String(),
};

/** The own municipality's place by unit cost, lowest = 1; ties share a place. */
const Rank = Nullable(
  Type.Object({
    position: Type.Integer({ minimum: 1 }),
    of: Type.Integer({ minimum: 1 }),
    /** whether the own municipality is one of the group (else it is ranked with the group plus itself) */
    ownInGroup: Type.Boolean(),
  }),
);

/** One year of a trend: own unit cost and benchmark by the same method and group; null = no data that year. */
const TrendPoint = Type.Object({
  year: Type.Integer(),
  ownUnitCost: Nullable(Type.Number()),
  benchmark: Nullable(Type.Number()),
  priceYear: Nullable(Type.Integer()),
});

export const BenchmarkResult = Type.Object({
  area: Type.String(),
  areaName: Type.String(),
  ...Basis,
  peers: Type.Array(Peer),
  own: Type.Object({
    municipality: Type.String(),
    name: Type.String(),
    netExpenditure: Nullable(Type.Number()),
    unitCost: Nullable(Type.Number()),
    targetPopulation: Nullable(Type.Number()),
    needIndex: Nullable(Type.Number()),
  }),
  benchmark: Nullable(Type.Number()),
  /** (own unit cost − benchmark) × own target population; negative = under the benchmark */
  gap: Nullable(Type.Number()),
  /** max(0, gap), DKK */
  potential: Type.Number(),
  /** peers without data for the year and area */
  missing: Type.Array(Type.Object({ municipality: Type.String(), name: Type.String() })),
  /** peers (or the own municipality) whose row is unusable: the others are computed without them */
  excluded: Excluded,
  rank: Rank,
  /** the year and the two before it, oldest first */
  trend: Type.Array(TrendPoint),
  /** said when the trend's years are not in one price year */
  trendNote: Nullable(Type.String()),
});
export type BenchmarkResult = Static<typeof BenchmarkResult>;

export const BenchmarkSummary = Type.Object({
  ...Basis,
  areas: Type.Array(
    Type.Object({
      area: Type.String(),
      areaName: Type.String(),
      ownUnitCost: Nullable(Type.Number()),
      benchmark: Nullable(Type.Number()),
      gap: Nullable(Type.Number()),
      potential: Type.Number(),
      position: Type.Union([Type.Literal('over'), Type.Literal('under'), Type.Literal('at'), Type.Literal('no_data')]),
      excluded: Excluded,
      rank: Rank,
    }),
  ),
  /** Σ of the positive potentials; areas under the benchmark are not netted */
  totalPotential: Type.Number(),
});
export type BenchmarkSummary = Static<typeof BenchmarkSummary>;

export const BenchmarkAreas = Type.Array(
  Type.Object({
    area: Type.String(),
    name: Type.String(),
    years: Type.Array(Type.Integer()),
    /**
     * the years source=store can answer: closed (December has actuals) with population for the
     * own municipality and at least one other municipality in the store
     */
    storeYears: Type.Array(Type.Integer()),
  }),
);

/** The longest name of a saved peer group. */
export const PEER_GROUP_NAME_MAX_LENGTH = 80;

export const PeerGroup = Type.Object({
  name: Type.String({ minLength: 1, maxLength: PEER_GROUP_NAME_MAX_LENGTH }),
  municipalities: Type.Array(Type.String({ pattern: '^\\d{3}$' }), { minItems: 1, maxItems: 98 }),
});
export type PeerGroup = Static<typeof PeerGroup>;
export const PeerGroupList = Type.Array(
  Type.Object({
    name: Type.String(),
    municipalities: Type.Array(Type.String()),
    builtIn: Type.Boolean(),
    description: Type.String(),
    /** who saved it (null for the built-in groups); only they or an admin may replace or delete it */
    owner: Nullable(Type.String()),
    /** whether the caller may replace or delete it */
    mayChange: Type.Boolean(),
  }),
);

/** At most this many saved peer groups per municipality: a list longer than a picker can show is no help. */
export const MAX_SAVED_PEER_GROUPS = 200;
export const PeerGroupParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: PEER_GROUP_NAME_MAX_LENGTH }) });

export const BenchmarkAccountsParams = Type.Object({ area: Type.String({ minLength: 1, maxLength: 80 }) });
export const BenchmarkAccountsQuery = Type.Object({
  year: Type.Optional(
    Type.Integer({ minimum: 1990, maximum: 2200, description: 'default: the latest year with benchmark data' }),
  ),
});

/**
 * An area's functions of the chart of accounts and who spends on them: the own economy facts
 * (net operating spending, dranst 1+2) of the benchmark year, per function and per unit.
 */
export const BenchmarkAccounts = Type.Object({
  area: Type.String(),
  areaName: Type.String(),
  year: Type.Integer(),
  /**
   * which amounts: the year's actuals when the year is closed (December has actuals), else its
   * original budget; 'none' when the economy feed has no fact at all for the year (no amounts)
   */
  amountType: Type.Union([Type.Literal('actual'), Type.Literal('original_budget'), Type.Literal('none')]),
  amountTypeName: Type.String(),
  /** where the area's functions come from */
  functionsSource: Type.String(),
  /** the mapping's entries for the area (functions, hovedfunktioner, ranges); empty when it maps none */
  entries: Type.Array(Type.String()),
  /** function numbers of the area's entries that the chart of accounts in LIS does not confirm */
  unconfirmed: Type.Array(Type.String()),
  breakdown: BreakdownCoverage,
  functions: Type.Array(
    Type.Object({
      function: Type.String(),
      name: Nullable(Type.String()),
      /** false: the mapping marks the number as not confirmed by the chart of accounts */
      confirmed: Type.Boolean(),
      amount: Type.Number(),
    }),
  ),
  /** the forvaltninger (with breakdown 'own_units' the caller's own units) that spend on the functions */
  units: Type.Array(Type.Object({ org: OrgUnit, amount: Type.Number() })),
  /** amounts booked on the kommune unit itself, outside every forvaltning; 0 for own_units */
  bookedOnKommune: Type.Number(),
  /** Σ of the functions (within the breakdown) */
  total: Type.Number(),
});
export type BenchmarkAccounts = Static<typeof BenchmarkAccounts>;
