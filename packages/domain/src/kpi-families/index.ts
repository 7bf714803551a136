import { BENCHMARK_FAMILY } from './benchmark.ts';
import { CASES_FAMILY } from './cases.ts';
import type { KpiFamily } from './define.ts';
import { DEMOGRAPHY_FAMILY } from './demography.ts';
import { ECONOMY_FAMILY } from './economy.ts';
import { KPI_FEED_FAMILY } from './kpi-feed.ts';
import { PLAN_FAMILY } from './plan.ts';
import { SICK_LEAVE_FAMILY } from './sick-leave.ts';

export * from './define.ts';
export { CONSUMPTION_TOLERANCE, comparesWithPhasedBudget, consumptionStatus } from './economy.ts';
export { COUNTED_SICK_HOURS, SICK_LEAVE_SUMS } from './sick-leave.ts';

/** Every family of KPIs; the catalogue (KPIS) is their KPIs in this order. */
export const KPI_FAMILIES: readonly KpiFamily[] = [
  ECONOMY_FAMILY,
  PLAN_FAMILY,
  CASES_FAMILY,
  SICK_LEAVE_FAMILY,
  KPI_FEED_FAMILY,
  BENCHMARK_FAMILY,
  DEMOGRAPHY_FAMILY,
];
