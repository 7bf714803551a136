import { USAGE_CROSS_CUTTING_NAME, type UsageMonthTotal, type UsageReport } from '@lis/contracts';

type Counts = Omit<UsageMonthTotal, 'month'>;

/** The numbers of the page, in the order shown, with their Danish names. */
export const USAGE_MEASURES: readonly { key: keyof Counts; name: string }[] = [
  { key: 'activeUsers', name: 'Aktive brugere' },
  { key: 'signIns', name: 'Log-ind' },
  { key: 'pageViews', name: 'Sidevisninger' },
  { key: 'explanationsOnTime', name: 'Forklaringer til tiden' },
];

export interface UsageGroup {
  id: string;
  name: string;
  /** the group's counts in each of the report's months */
  months: Counts[];
}

/** One group per forvaltning (the API's order), the cross-cutting group, and the whole kommune last. */
export function usageGroups(report: UsageReport): UsageGroup[] {
  const groups = new Map<string, UsageGroup>();
  for (const row of report.rows) {
    const id = row.forvaltning?.id ?? '';
    if (!groups.has(id)) groups.set(id, { id, name: row.forvaltning?.name ?? USAGE_CROSS_CUTTING_NAME, months: [] });
    groups.get(id)?.months.push(row);
  }
  return [...groups.values(), { id: 'total', name: 'Hele kommunen i alt', months: report.totals }];
}

/** The table as CSV for a spreadsheet (semicolons, as the API's exports): one line per group, month and number. */
export function usageCsv(report: UsageReport): string {
  const lines = [['Forvaltning', 'Måned', ...USAGE_MEASURES.map((m) => m.name)].join(';')];
  for (const group of usageGroups(report))
    group.months.forEach((counts, index) => {
      lines.push([quote(group.name), report.months[index], ...USAGE_MEASURES.map((m) => counts[m.key])].join(';'));
    });
  return `${lines.join('\r\n')}\r\n`;
}

const quote = (text: string) => (/[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
