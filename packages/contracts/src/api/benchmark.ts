import { type Static, Type } from 'typebox';
import { Nullable } from './common.ts';

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
  caveat: Type.String(),
};

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
    }),
  ),
  /** Σ of the positive potentials; areas under the benchmark are not netted */
  totalPotential: Type.Number(),
});
export type BenchmarkSummary = Static<typeof BenchmarkSummary>;

export const BenchmarkAreas = Type.Array(
  Type.Object({ area: Type.String(), name: Type.String(), years: Type.Array(Type.Integer()) }),
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
