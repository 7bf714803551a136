import type { MatrixRow } from '@lis/contracts';
import { describe, expect, it } from 'vitest';
import { BY_NAME, nextSort, sortRows } from '../src/features/matrix/lib/sort-rows';

const row = (id: string, name: string, value: number | null, own = false): MatrixRow => ({
  org: { id, parentId: own ? null : 'K', name, level: own ? 'kommune' : 'forvaltning', validFrom: null, validTo: null },
  own,
  worstStatus: 'green',
  cells: [
    {
      kpiId: 'sick_leave_pct',
      value,
      target: null,
      status: value === null ? 'suppressed' : 'no_target',
      suppressedReason: null,
      explained: false,
    },
  ],
});

describe('sorting the matrix', () => {
  const rows = [row('B', 'Børn', 4), row('K', 'Kommunen', 5, true), row('A', 'Ældre', null), row('S', 'Social', 7)];
  const ids = (sorted: MatrixRow[]) => sorted.map((r) => r.org.id);

  it("keeps the unit's own row first and sorts the children by name (Danish order: Æ after S)", () => {
    expect(ids(sortRows(rows, BY_NAME))).toEqual(['K', 'B', 'S', 'A']);
  });

  it('sorts by a KPI from the highest, then the lowest; units without a value last either way', () => {
    const first = nextSort(BY_NAME, 'sick_leave_pct');
    expect(first).toEqual({ column: 'sick_leave_pct', direction: 'desc' });
    expect(ids(sortRows(rows, first))).toEqual(['K', 'S', 'B', 'A']);
    expect(ids(sortRows(rows, nextSort(first, 'sick_leave_pct')))).toEqual(['K', 'B', 'S', 'A']);
  });
});
