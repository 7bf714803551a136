import { kpiFamily } from './define.ts';

/** The benchmark potential against the KORA neighbours (benchmark feed). */
export const BENCHMARK_FAMILY = kpiFamily({
  id: 'benchmark',
  name: 'Benchmark',
  sourceFeed: 'benchmark',
  alsoReads: [],
  sums: {
    potential: 'Σ over areas of max(0, own unit cost − benchmark) × own target population, from the rows of the benchmark feed',
  },
  rollup: 'benchmarkPotentialRollups (packages/domain/src/rollup/benchmark-potential.ts)',
  definedIn: 'packages/domain/src/kpi-families/benchmark.ts',
  kpis: [
    {
      id: 'benchmark_potential',
      name: 'Effektiviseringspotentiale (benchmark)',
      description:
        'Summen af potentialerne på de områder, hvor kommunens udgift pr. person i målgruppen ligger over gennemsnittet for KORA-nabokommunerne (inkl. egen kommune). Områder under benchmark modregnes ikke. Et gab er ikke en konkret besparelse, før konteringsforskelle er undersøgt.',
      formula:
        'Σ over områder af max(0, egen enhedsudgift − benchmark) × egen målgruppe; benchmark = uvægtet gennemsnit af KORA-nabokommunerne og egen kommune',
      unit: 'dkk',
      decimals: 0,
      direction: 'lower_is_better',
      aggregation: 'sum',
      theme: 'ressourcer',
      flow: false,
      levels: 'kommune',
      measure: { numerator: 'potential', denominator: null },
    },
  ],
});
