import { OPERATING_SPENDING_WORDS } from '../chart-of-accounts.ts';
import { type KpiStatus, kpiStatus } from '../status.ts';
import { kpiFamily } from './define.ts';

/** budget_consumption_pct is read against the phased budget share: green up to it, yellow up to this fraction over it. */
export const CONSUMPTION_TOLERANCE = 0.05;

/** Budget consumption and the expected deviation, from the economy feed's operating spending (drift). */
export const ECONOMY_FAMILY = kpiFamily({
  id: 'economy',
  name: 'Økonomi (budgetopfølgning)',
  sourceFeed: 'economy',
  alsoReads: [],
  sums: {
    actualYtd: `actuals from January to the month of operating spending (${OPERATING_SPENDING_WORDS})`,
    phasedYtd: 'the corrected budget of January to the month (the phased share the consumption is read against)',
    correctedYear: 'the corrected budget of the whole year',
    forecastDeviation:
      "Σ over account keys with a forecast of (the latest forecast up to the month − the key's corrected budget of the year)",
  },
  rollup: 'budgetRollups (packages/domain/src/rollup/budget.ts)',
  definedIn: 'packages/domain/src/kpi-families/economy.ts',
  kpis: [
    {
      id: 'budget_consumption_pct',
      name: 'Forbrugsprocent',
      description: `Hvor stor en del af årets korrigerede budget der er brugt til og med måneden. Målet er den periodiserede budgetandel år til dato (grøn til og med den, gul op til ${CONSUMPTION_TOLERANCE * 100} % over den).`,
      formula: `Forbrug år til dato / korrigeret budget for hele året × 100 (${OPERATING_SPENDING_WORDS})`,
      unit: 'pct',
      decimals: 1,
      direction: 'lower_is_better',
      aggregation: 'ratio',
      scale: 100,
      theme: 'oekonomi',
      flow: false,
      marksCurrency: true,
      measure: { numerator: 'actualYtd', denominator: 'correctedYear' },
    },
    {
      id: 'budget_forecast_deviation',
      name: 'Forventet afvigelse',
      description: 'Seneste forventede regnskab minus korrigeret budget for året. Positiv = merforbrug.',
      formula:
        'Forventet regnskab (seneste budgetopfølgning) − korrigeret budget, kr. (service og overførsler); konti uden prognose regnes med deres korrigerede budget',
      unit: 'dkk',
      decimals: 0,
      direction: 'lower_is_better',
      aggregation: 'difference',
      theme: 'oekonomi',
      flow: false,
      measure: { numerator: 'forecastDeviation', denominator: null },
    },
    {
      id: 'budget_forecast_deviation_pct',
      name: 'Forventet afvigelse i procent',
      description: 'Den forventede afvigelse i procent af det korrigerede budget. Positiv = merforbrug.',
      formula: '(Forventet regnskab − korrigeret budget) / korrigeret budget × 100 (service og overførsler)',
      unit: 'pct',
      decimals: 1,
      direction: 'lower_is_better',
      aggregation: 'ratio',
      scale: 100,
      theme: 'oekonomi',
      flow: false,
      measure: { numerator: 'forecastDeviation', denominator: 'correctedYear' },
    },
  ],
});

/**
 * The consumption is cumulative (year to date), so last month says little: it is read against the
 * phased budget's expected consumption for the month (its target, computed from the budget).
 */
export const comparesWithPhasedBudget = (kpiId: string): boolean => kpiId === 'budget_consumption_pct';

const CONSUMPTION = ECONOMY_FAMILY.kpis.find((kpi) => kpi.id === 'budget_consumption_pct');

/** The consumption's light: the same on the overview's tile and on the budget follow-up. */
export function consumptionStatus(consumptionPct: number | null, phasedConsumptionPct: number | null): KpiStatus {
  if (!CONSUMPTION) throw new Error('budget_consumption_pct is defined in the economy family');
  return kpiStatus({
    value: consumptionPct,
    target: phasedConsumptionPct,
    tolerance: CONSUMPTION_TOLERANCE,
    direction: CONSUMPTION.direction,
    decimals: CONSUMPTION.decimals,
    suppressed: false,
  });
}
