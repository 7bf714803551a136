import { type Static, Type } from 'typebox';
import { AGE_BANDS, POPULATION_KINDS } from '../feeds.ts';
import { Nullable, StringEnum } from './common.ts';

const Format = Type.Optional(
  Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')], {
    description: 'xlsx: the figures and their inputs, full kroner; csv: the first sheet',
  }),
);

export const DemographyQuery = Type.Object({
  vintage: Type.Optional(
    Type.String({ minLength: 1, description: 'the forecast to use (default: the one delivered last), e.g. "prognose 2016"' }),
  ),
  format: Format,
});

const Bands = Type.Object(Object.fromEntries(AGE_BANDS.map((b) => [b, Type.Number()])), {
  description: `persons per age band (${AGE_BANDS.join(', ')})`,
});
const Kind = StringEnum(POPULATION_KINDS);

/** What every demography answer shares: the years covered and which forecast was used. */
const Frame = {
  /** the latest year with actual counts; the change is measured against it */
  currentYear: Nullable(Type.Integer()),
  /** the newest budget plan's budget year (+ 3 is the last year shown); null without a plan */
  budgetYear: Nullable(Type.Integer()),
  toYear: Nullable(Type.Integer()),
  vintage: Nullable(Type.String()),
  vintages: Type.Array(Type.String(), { description: 'the forecasts delivered, the one used by default first' }),
  /** what is missing or how a figure is made, in Danish, for the page */
  notes: Type.Array(Type.String()),
};

export const Demography = Type.Object({
  ...Frame,
  bands: Type.Array(Type.String()),
  years: Type.Array(
    Type.Object({
      year: Type.Integer(),
      kind: Kind,
      bands: Bands,
      total: Type.Number(),
      /** against the current year; zero in it */
      change: Bands,
      totalChange: Type.Number(),
    }),
  ),
});
export type Demography = Static<typeof Demography>;

const UnitCostBasis = Type.Union([Type.Literal('actual'), Type.Literal('original_budget')]);

export const DemographyPressure = Type.Object({
  ...Frame,
  areas: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      ages: Type.String({ description: "the target population's ages, e.g. '0–5 år'" }),
      functions: Type.Array(Type.String(), { description: 'the functions of the chart of accounts the area covers' }),
      inTotal: Type.Boolean(),
      benchmarkArea: Nullable(Type.String()),
      ownUnitCost: Nullable(
        Type.Object({
          year: Type.Integer(),
          amountType: UnitCostBasis,
          spending: Type.Number({ description: 'net operating spending (dranst 1+2) on the functions, kr.' }),
          targetPopulation: Type.Number(),
          unitCost: Type.Number({ description: 'kr. per person in the target population' }),
        }),
      ),
      ownMissing: Nullable(Type.String()),
      benchmarkUnitCost: Nullable(
        Type.Object({
          unitCost: Type.Number(),
          year: Type.Integer(),
          peerGroupName: Type.String(),
          methodName: Type.String(),
        }),
      ),
      benchmarkMissing: Nullable(Type.String()),
      years: Type.Array(
        Type.Object({
          year: Type.Integer(),
          kind: Nullable(Type.Union([Type.Literal('actual'), Type.Literal('forecast')])),
          targetPopulation: Nullable(Type.Number()),
          change: Nullable(Type.Number()),
          atOwnUnitCost: Nullable(Type.Number({ description: 'kr.' })),
          atBenchmarkUnitCost: Nullable(Type.Number({ description: 'kr.' })),
          budget: Nullable(Type.Number({ description: "the economy feed's original budget for the functions, kr." })),
        }),
      ),
    }),
  ),
  totals: Type.Array(
    Type.Object({ year: Type.Integer(), atOwnUnitCost: Nullable(Type.Number()), atBenchmarkUnitCost: Nullable(Type.Number()) }),
  ),
});
export type DemographyPressure = Static<typeof DemographyPressure>;
