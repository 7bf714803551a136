import { kpiFamily } from './define.ts';

/** The budget balance of the governing plan (budget_plan feed). */
export const PLAN_FAMILY = kpiFamily({
  id: 'plan',
  name: 'Budgetbalance',
  sourceFeed: 'budget_plan',
  alsoReads: [],
  sums: {
    resultA: 'line A of the governing plan for the year: taxes + grants and equalisation − service − transfers − interest',
  },
  rollup: 'operatingSurplusRollups (packages/domain/src/rollup/plan-and-survey.ts)',
  definedIn: 'packages/domain/src/kpi-families/plan.ts',
  kpis: [
    {
      id: 'operating_surplus',
      name: 'Driftsoverskud',
      description: 'Resultat af ordinær driftsvirksomhed (resultatopgørelsens linje A) i budgettet for året.',
      formula: 'Skatter + tilskud og udligning − service − overførsler − renter (budgetbalancen for året)',
      unit: 'dkk',
      decimals: 0,
      direction: 'higher_is_better',
      aggregation: 'sum',
      theme: 'oekonomi',
      flow: false,
      levels: 'kommune',
      measure: { numerator: 'resultA', denominator: null },
    },
  ],
});
