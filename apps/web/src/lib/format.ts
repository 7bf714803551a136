/**
 * Danish text for the UI: the domain's formatting (shared with the API's exports, so screen and
 * spreadsheet agree) plus the few phrasings only the screen needs.
 */
import type { KpiDefinition } from '@lis/domain';
import { formatDate, formatKpiValue, formatMonth, formatNumber, MISSING } from '@lis/domain';

export {
  formatChange,
  formatDate,
  formatDkk,
  formatKpiValue,
  formatMillionKroner,
  formatMonth,
  formatMonthLong,
  formatNumber,
  formatPct,
  MISSING,
} from '@lis/domain';

/** '27. nov. 2026' for an ISO timestamp, on the reader's calendar day. */
export function formatTimestampDate(timestamp: string | null): string {
  if (timestamp === null) return MISSING;
  const at = new Date(timestamp);
  if (Number.isNaN(at.getTime())) return MISSING;
  const pad = (n: number) => String(n).padStart(2, '0');
  return formatDate(`${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`);
}

/** 'højst 4,5 %' or 'mindst 90,0 %': the target says which side is good. */
export function formatTarget(target: number | null, kpi: Pick<KpiDefinition, 'unit' | 'decimals' | 'direction'>): string {
  if (target === null) return MISSING;
  return `${kpi.direction === 'lower_is_better' ? 'højst' : 'mindst'} ${formatKpiValue(target, kpi)}`;
}

/** '2.188' for the number of cases or answers behind a value. */
export const formatCount = (n: number | null): string => formatNumber(n, 0);

/** 'jan.–mar. 2015' for '2016-03': the year to date a year before, what a year-to-date figure is compared with. */
export function samePeriodLastYear(period: string): string {
  const year = Number(period.slice(0, 4)) - 1;
  const month = period.slice(5, 7);
  const end = formatMonth(`${year}-${month}`);
  return month === '01' ? end : `${formatMonth(`${year}-01`).split(' ')[0]}–${end}`;
}
