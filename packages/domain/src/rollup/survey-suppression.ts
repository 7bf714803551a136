import { findKpi } from '../kpis.ts';
import { suppressedUnits } from '../suppression.ts';
import { emptyRow, type RollupRow } from './types.ts';

/**
 * Small-group anonymity for survey-type personal data (wellbeing, development talks): per KPI and
 * month, a unit answered by fewer than 5 people is suppressed, with the same complementary rules
 * as sick leave (suppression.ts). n, the number of answers, plays the part of the headcount.
 */
export function suppressSmallSurveys(rows: readonly RollupRow[], parentOf: (orgId: string) => string | null): RollupRow[] {
  const groups = new Map<string, RollupRow[]>();
  for (const row of rows) {
    if (!findKpi(row.kpiId)?.personalData) continue;
    const key = `${row.kpiId}|${row.period}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const hidden = new Set<RollupRow>();
  for (const group of groups.values()) {
    const suppressed = suppressedUnits(group.map((r) => ({ id: r.orgId, parentId: parentOf(r.orgId), employees: r.n ?? 0 })));
    for (const row of group) if (suppressed.has(row.orgId)) hidden.add(row);
  }
  return rows.map((row) =>
    hidden.has(row)
      ? { ...emptyRow(row.orgId, row.period, row.kpiId), suppressed: true, dataPeriod: row.dataPeriod, batchId: row.batchId }
      : row,
  );
}
