import type { Indicator } from '@lis/contracts';
import { addMonths, comparesWithPhasedBudget, type KpiDefinition, STATUS_WORDS } from '@lis/domain';
import { formatKpiValue, formatMonth, formatTarget } from './format';

/** What the month's figure is first compared with: last month, or for the cumulative consumption the phased budget. */
export function firstComparison(
  kpi: KpiDefinition,
  indicator: Pick<Indicator, 'previous' | 'target'>,
  period: string,
): { label: string; earlier: number | null; against: string } {
  if (comparesWithPhasedBudget(kpi.id)) {
    return { label: 'Forventet efter periodiseret budget', earlier: indicator.target, against: 'forventet forbrug' };
  }
  const lastMonth = formatMonth(addMonths(period, -1));
  return { label: 'Forrige måned', earlier: indicator.previous, against: lastMonth };
}

/** The target's label and value; for the consumption, the expected consumption to date from the phased budget. */
export function targetText(kpi: KpiDefinition, target: number | null): { label: string; value: string } {
  if (comparesWithPhasedBudget(kpi.id)) {
    return { label: 'Forventet forbrug år til dato (periodiseret budget)', value: formatKpiValue(target, kpi) };
  }
  return { label: 'Mål', value: target === null ? STATUS_WORDS.no_target : formatTarget(target, kpi) };
}

/** 'Mål: højst 4,5 %', 'Intet mål', or for the consumption what the phased budget expects to date. */
export function targetLine(kpi: KpiDefinition, target: number | null): string {
  if (target === null && !comparesWithPhasedBudget(kpi.id)) return 'Intet mål';
  const { label, value } = targetText(kpi, target);
  return `${label}: ${value}`;
}
