import { kpiFamily } from './define.ts';

/** Both KPIs: an amount for the kommune, next year's expenditure change (less is easier to carry). */
const AMOUNT_AT_ROOT = {
  unit: 'dkk',
  decimals: 0,
  direction: 'lower_is_better',
  aggregation: 'sum',
  theme: 'kerneopgave',
  flow: false,
  levels: 'kommune',
} as const;

/** The demographic pressure on the core tasks (population feed, priced with the economy and benchmark feeds; docs/demography.md). */
export const DEMOGRAPHY_FAMILY = kpiFamily({
  id: 'demography',
  name: 'Demografi',
  sourceFeed: 'population',
  alsoReads: ['economy', 'benchmark'],
  sums: {
    pressure:
      'Σ over the areas counted in the total of (target population next year − this year) × own unit cost (net operating spending on the area’s functions ÷ target population, latest full year of actuals)',
    pressure_benchmark:
      'the same change priced at the benchmark’s unit cost (KORA neighbours with the own municipality, unweighted mean)',
  },
  rollup: 'demographyPressureRollups (packages/domain/src/rollup/demography-pressure.ts)',
  definedIn: 'packages/domain/src/kpi-families/demography.ts',
  kpis: [
    {
      id: 'demography_pressure',
      name: 'Demografisk pres næste år',
      description:
        'Hvad ændringen i målgrupperne fra i år til næste år koster ved kommunens egen enhedsudgift: dagtilbud (0–5 år), folkeskole (6–16 år) og ældre (65+). Positivt = flere udgifter. Vises hver måned i det seneste år med faktiske befolkningstal.',
      formula:
        'Σ over områder af (målgruppe næste år − målgruppe i år) × egen enhedsudgift; enhedsudgift = nettodriftsudgift (dranst 1+2) på områdets funktioner ÷ målgruppen, seneste hele regnskabsår',
      ...AMOUNT_AT_ROOT,
      measure: { numerator: 'pressure', denominator: null },
    },
    {
      id: 'demography_pressure_benchmark',
      name: 'Demografisk pres næste år ved benchmark',
      description:
        'Samme ændring i målgrupperne prissat ved benchmarkets enhedsudgift (KORA-nabokommunerne inkl. egen kommune, uvægtet gennemsnit). Områder uden benchmark tæller ikke med.',
      formula: 'Σ over områder med benchmark af (målgruppe næste år − målgruppe i år) × benchmarkets enhedsudgift',
      ...AMOUNT_AT_ROOT,
      measure: { numerator: 'pressure_benchmark', denominator: null },
    },
  ],
});
