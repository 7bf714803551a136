import type { UsageReport } from '@lis/contracts';
import { describe, expect, it } from 'vitest';
import { usageCsv, usageGroups } from '../src/features/usage/lib/usage-table';
import { parseRoute, routeHref, USAGE_PATH } from '../src/lib/url-state';

const counts = (month: string, activeUsers: number, signIns: number, pageViews: number, explanationsOnTime = 0) => ({
  month,
  activeUsers,
  signIns,
  pageViews,
  explanationsOnTime,
});
const report: UsageReport = {
  from: '2026-01',
  to: '2026-02',
  months: ['2026-01', '2026-02'],
  rows: [
    { forvaltning: { id: 'F1', name: 'Børn; Unge' }, ...counts('2026-01', 2, 3, 10, 2) },
    { forvaltning: { id: 'F1', name: 'Børn; Unge' }, ...counts('2026-02', 1, 1, 4) },
    { forvaltning: null, ...counts('2026-01', 1, 1, 0) },
    { forvaltning: null, ...counts('2026-02', 0, 0, 0) },
  ],
  totals: [counts('2026-01', 3, 4, 10, 2), counts('2026-02', 1, 1, 4)],
};

describe('the page Anvendelse', () => {
  it('groups the rows per forvaltning, the cross-cutting group and the whole kommune last', () => {
    const groups = usageGroups(report);
    expect(groups.map((g) => g.name)).toEqual(['Børn; Unge', 'Hele kommunen / tværgående', 'Hele kommunen i alt']);
    expect(groups[0]?.months.map((m) => m.pageViews)).toEqual([10, 4]);
    expect(groups[2]?.months.map((m) => m.activeUsers)).toEqual([3, 1]);
  });

  it('writes the table as CSV with a line per group, month and the numbers, quoting a name with a semicolon', () => {
    expect(usageCsv(report).split('\r\n')).toEqual([
      'Forvaltning;Måned;Aktive brugere;Log-ind;Sidevisninger;Forklaringer til tiden',
      '"Børn; Unge";2026-01;2;3;10;2',
      '"Børn; Unge";2026-02;1;1;4;0',
      'Hele kommunen / tværgående;2026-01;1;1;0;0',
      'Hele kommunen / tværgående;2026-02;0;0;0;0',
      'Hele kommunen i alt;2026-01;3;4;10;2',
      'Hele kommunen i alt;2026-02;1;1;4;0',
      '',
    ]);
  });

  it('lives at /anvendelse', () => {
    expect(parseRoute(USAGE_PATH, '')).toEqual({ page: 'usage' });
    expect(routeHref({ page: 'usage' })).toBe('/anvendelse');
  });
});
