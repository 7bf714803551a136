import { kpiFamily } from './define.ts';

/** What counts as sick leave: own sickness and work injury (a child's sickness and maternity leave do not). */
export const COUNTED_SICK_HOURS = ['own_sickness_hours', 'work_injury_hours'] as const;

/** The sums the refresh asks the store for: columns of the sickleave feed, added up per unit and month. */
export const SICK_LEAVE_SUMS = {
  countedHours: COUNTED_SICK_HOURS,
  plannedHours: ['planned_hours'],
  longTermHours: ['long_term_hours'],
  headcount: ['headcount'],
  fte: ['fte'],
} as const;

/** Sick leave of monthly-paid staff (sickleave feed); personal data, suppressed in small groups. */
export const SICK_LEAVE_FAMILY = kpiFamily({
  id: 'sickleave',
  name: 'Sygefravær',
  sourceFeed: 'sickleave',
  alsoReads: [],
  sums: Object.fromEntries(Object.entries(SICK_LEAVE_SUMS).map(([name, columns]) => [name, columns.join(' + ')])),
  rollup: 'sickLeaveRollups (packages/domain/src/rollup/sick-leave.ts)',
  definedIn: 'packages/domain/src/kpi-families/sick-leave.ts',
  kpis: [
    {
      id: 'sick_leave_pct',
      name: 'Sygefravær',
      description: 'Fraværsprocent for egen sygdom og arbejdsskade, månedslønnede. Barns sygdom og barsel tælles ikke med.',
      formula: '(Timer egen sygdom + arbejdsskade) / planlagte (normerede) timer × 100',
      unit: 'pct',
      decimals: 1,
      direction: 'lower_is_better',
      aggregation: 'ratio',
      scale: 100,
      theme: 'arbejdsplads',
      personalData: true,
      flow: true,
      marksCurrency: true,
      measure: { numerator: 'countedHours', denominator: 'plannedHours' },
    },
    {
      id: 'sick_leave_days_per_fte',
      name: 'Sygedage pr. årsværk (12 mdr.)',
      description: 'Fraværsdagsværk pr. fuldtidsansat, løbende 12 måneder til og med måneden (KRL’s nøgletal).',
      formula: '(Timer egen sygdom + arbejdsskade i 12 mdr.) / 7,4 / gennemsnitligt antal årsværk i de 12 mdr.',
      unit: 'days',
      decimals: 1,
      direction: 'lower_is_better',
      aggregation: 'ratio',
      theme: 'arbejdsplads',
      personalData: true,
      flow: false,
      measure: { numerator: 'countedHours', denominator: 'fte' },
    },
    {
      id: 'long_term_share',
      name: 'Andel langtidsfravær',
      description: 'Den del af sygefraværet, der ligger i forløb over 29 dage.',
      formula: 'Timer i langtidsforløb / (timer egen sygdom + arbejdsskade) × 100',
      unit: 'pct',
      decimals: 1,
      direction: 'lower_is_better',
      aggregation: 'ratio',
      scale: 100,
      theme: 'arbejdsplads',
      personalData: true,
      flow: true,
      measure: { numerator: 'longTermHours', denominator: 'countedHours' },
    },
  ],
});
