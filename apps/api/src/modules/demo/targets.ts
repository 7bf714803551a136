/**
 * targets: a target per KPI for the kommune for each year, and a few overrides lower in the tree
 * so inheritance shows (care work gets a higher sick-leave target, building cases their national
 * service goal). An empty tolerance means the default band of 10 % of the target.
 */
import type { OrgLevel } from '@lis/contracts';
import { YEARS } from './calendar.ts';
import { type DemoUnit, ROOT_ID, unitNamed } from './organisation.ts';

interface TargetDef {
  kpi: string;
  /** null = the kommune; otherwise an afdeling or forvaltning by name */
  unit: { name: string; level: OrgLevel } | null;
  /** per year; a year left out inherits from the parent */
  byYear: Readonly<Partial<Record<number, number>>>;
  tolerance?: number;
}

const everyYear = (value: number) => Object.fromEntries(YEARS.map((y) => [y, value]));
const SSA = { name: 'Social-, Sundheds- og Arbejdsmarkedsforvaltningen', level: 'forvaltning' } as const;

const TARGETS: readonly TargetDef[] = [
  { kpi: 'sick_leave_pct', unit: null, byYear: { 2014: 5, 2015: 4.8, 2016: 4.5 } },
  { kpi: 'sick_leave_days_per_fte', unit: null, byYear: { 2014: 13, 2015: 12.5, 2016: 12 } },
  { kpi: 'long_term_share', unit: null, byYear: everyYear(40), tolerance: 0.15 },
  { kpi: 'case_within_deadline_pct', unit: null, byYear: everyYear(90), tolerance: 0.05 },
  { kpi: 'case_median_days', unit: null, byYear: everyYear(30) },
  { kpi: 'wellbeing_score', unit: null, byYear: { 2014: 72, 2015: 74, 2016: 75 }, tolerance: 0.05 },
  { kpi: 'development_talks_pct', unit: null, byYear: everyYear(95), tolerance: 0.05 },
  { kpi: 'citizen_satisfaction_pct', unit: null, byYear: everyYear(85) },
  { kpi: 'promises_kept_pct', unit: null, byYear: everyYear(90), tolerance: 0.1 },
  // Jammerbugt's budget-balance policy targets, also for the plan of Budget 2017: driftsoverskud at
  // least 50 mio. kr., anlæg about 50 mio. kr. (the tolerance empty: 10 % either side is on target)
  { kpi: 'operating_surplus', unit: null, byYear: { ...everyYear(50_000_000), 2017: 50_000_000 } },
  { kpi: 'capital_spending', unit: null, byYear: { 2016: 50_000_000, 2017: 50_000_000 } },
  { kpi: 'budget_forecast_deviation_pct', unit: null, byYear: everyYear(0.5), tolerance: 1 },
  // care work has more sick leave everywhere; the targets say so
  { kpi: 'sick_leave_pct', unit: SSA, byYear: { 2014: 5.5, 2015: 5.3, 2016: 5 } },
  {
    kpi: 'sick_leave_pct',
    unit: { name: 'Ældre og Sundhed', level: 'afdeling' },
    byYear: { 2015: 6, 2016: 5.5 },
    tolerance: 0.08,
  },
  { kpi: 'sick_leave_pct', unit: { name: 'Økonomi og Personale', level: 'forvaltning' }, byYear: { 2016: 3.5 } },
  { kpi: 'case_within_deadline_pct', unit: { name: 'Byg og Industri', level: 'afdeling' }, byYear: { 2015: 85, 2016: 85 } },
  { kpi: 'case_median_days', unit: { name: 'Byg og Industri', level: 'afdeling' }, byYear: everyYear(45) },
  {
    kpi: 'case_median_days',
    unit: { name: 'Visitation og Hjælpemidler', level: 'afdeling' },
    byYear: everyYear(21),
    tolerance: 0.2,
  },
  { kpi: 'wellbeing_score', unit: { name: 'Børne- og Familieforvaltningen', level: 'forvaltning' }, byYear: { 2016: 77 } },
  { kpi: 'citizen_satisfaction_pct', unit: { name: 'Dagtilbud', level: 'afdeling' }, byYear: everyYear(90) },
  { kpi: 'development_talks_pct', unit: { name: 'Skole', level: 'afdeling' }, byYear: { 2016: 98 } },
];

export function* targetRows(units: readonly DemoUnit[]): Generator<string[]> {
  for (const t of TARGETS) {
    const orgId = t.unit ? unitNamed(units, t.unit.name, t.unit.level).id : ROOT_ID;
    for (const [year, target] of Object.entries(t.byYear)) {
      if (target === undefined) continue;
      yield [t.kpi, orgId, String(year), plain(target), t.tolerance === undefined ? '' : plain(t.tolerance)];
    }
  }
}

/** 4.5 → '4,5', 90 → '90' */
const plain = (n: number) => String(n).replace('.', ',');
