import { findKpi } from '../kpis.ts';
import { suppressedUnits } from '../suppression.ts';
import type { KpiFeedMonth } from './plan-and-survey.ts';
import { emptyRow, type RollupRow } from './types.ts';

/**
 * Small-group anonymity for survey-type personal data (wellbeing, development talks): per KPI and
 * month of measurement, a unit answered by fewer than MIN_GROUP_SIZE people is suppressed, with the same
 * complementary rules as sick leave (suppression.ts). n, the number of answers, plays the part of
 * the headcount. A value carried forward into later months is judged in the month it is from,
 * among the units measured that month: judged among the values that happen to be shown in a
 * later month, a complement hidden in its own month could appear there and give the small
 * unit back (parent − siblings).
 */
export function suppressSmallSurveys(
  rows: readonly RollupRow[],
  months: readonly KpiFeedMonth[],
  parentOf: (orgId: string) => string | null,
): RollupRow[] {
  const hidden = hiddenSurveyValues(months, parentOf);
  return rows.map((row) =>
    hidden.has(surveyKey(row.kpiId, row.dataPeriod ?? row.period, row.orgId))
      ? { ...emptyRow(row.orgId, row.period, row.kpiId), suppressed: true, dataPeriod: row.dataPeriod, batchId: row.batchId }
      : row,
  );
}

const surveyKey = (kpiId: string, period: string, orgId: string) => `${kpiId}|${period}|${orgId}`;

/** The suppressed units of each personal-data KPI and month of measurement. */
function hiddenSurveyValues(months: readonly KpiFeedMonth[], parentOf: (orgId: string) => string | null): Set<string> {
  const groups = new Map<string, KpiFeedMonth[]>();
  for (const month of months) {
    if (!findKpi(month.kpiId)?.personalData) continue;
    const key = `${month.kpiId}|${month.period}`; // the first two parts of surveyKey
    groups.set(key, [...(groups.get(key) ?? []), month]);
  }
  const hidden = new Set<string>();
  for (const [kpiAndPeriod, group] of groups) {
    const nodes = group.map((m) => ({ id: m.orgId, parentId: parentOf(m.orgId), employees: m.denominator ?? 0 }));
    for (const orgId of suppressedUnits(nodes)) hidden.add(`${kpiAndPeriod}|${orgId}`);
  }
  return hidden;
}
