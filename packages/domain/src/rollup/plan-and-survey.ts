import { governingBudgetYear, type PlanAmount, planLines, planResults } from '../budget-balance.ts';
import { getKpi } from '../kpis.ts';
import { addMonths, periodRange } from '../period.ts';
import { emptyRow, maxBatch, type RollupRow, ratio } from './types.ts';

/** operating_surplus (line A of the governing plan) for every month of every planned year, at the root. */
export function operatingSurplusRollups(amounts: readonly PlanAmount[], rootOrgId: string, batchId: number | null): RollupRow[] {
  const rows: RollupRow[] = [];
  for (const year of [...new Set(amounts.map((a) => a.year))].sort()) {
    const budgetYear = governingBudgetYear(amounts, year);
    if (budgetYear === null) continue;
    const { resultA } = planResults(planLines(amounts.filter((a) => a.budgetYear === budgetYear && a.year === year)));
    for (const period of periodRange(`${year}-01`, `${year}-12`)) {
      rows.push({
        ...emptyRow(rootOrgId, period, 'operating_surplus'),
        value: resultA,
        numerator: resultA,
        dataPeriod: `${budgetYear}-01`,
        batchId,
      });
    }
  }
  return rows;
}

/** Sums of a kpi-feed KPI over one unit's subtree in one month. */
export interface KpiFeedMonth {
  orgId: string;
  period: string;
  kpiId: string;
  numerator: number;
  denominator: number | null;
  batchId: number | null;
}

/**
 * kpi-feed indicators for [from, to]. A survey delivered once a year is shown in the following
 * months too (the KPI's carryForwardMonths), marked with the month it is from.
 */
export function kpiFeedRollups(months: readonly KpiFeedMonth[], from: string, to: string): RollupRow[] {
  const series = new Map<string, Map<string, KpiFeedMonth>>();
  for (const m of months) {
    const id = `${m.orgId}|${m.kpiId}`;
    let s = series.get(id);
    if (!s) {
      s = new Map();
      series.set(id, s);
    }
    s.set(m.period, m);
  }
  const rows: RollupRow[] = [];
  for (const s of series.values()) {
    const first = s.values().next().value as KpiFeedMonth;
    const kpi = getKpi(first.kpiId);
    for (const period of periodRange(from, to)) {
      let source: KpiFeedMonth | undefined;
      for (let back = 0; back <= kpi.carryForwardMonths && !source; back++) source = s.get(addMonths(period, -back));
      if (!source) continue;
      const value = kpi.aggregation === 'ratio' ? ratio(source.numerator, source.denominator, kpi.scale) : source.numerator;
      rows.push({
        ...emptyRow(source.orgId, period, source.kpiId),
        value,
        numerator: source.numerator,
        denominator: source.denominator,
        n: source.denominator,
        dataPeriod: source.period === period ? null : source.period,
        batchId: maxBatch(null, source.batchId),
      });
    }
  }
  return rows;
}
