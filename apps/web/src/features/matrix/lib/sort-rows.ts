import type { MatrixRow } from '@lis/contracts';

/** The column sorted by: a KPI's id, or the unit's name. */
export interface MatrixSort {
  column: string;
  direction: 'asc' | 'desc';
}

export const BY_NAME: MatrixSort = { column: 'name', direction: 'asc' };

/** A click on the sorted column turns the direction; on another, sorts by it from the highest value (names from A). */
export const nextSort = (current: MatrixSort, column: string): MatrixSort =>
  current.column === column
    ? { column, direction: current.direction === 'asc' ? 'desc' : 'asc' }
    : { column, direction: column === 'name' ? 'asc' : 'desc' };

const cellValue = (row: MatrixRow, kpiId: string) => row.cells.find((cell) => cell.kpiId === kpiId)?.value ?? null;

/**
 * The unit's own row stays first; its children follow in the chosen order. Units without a value
 * (no data, suppressed) go last in either direction, so sorting never ranks a hidden figure.
 */
export function sortRows(rows: readonly MatrixRow[], sort: MatrixSort): MatrixRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const children = rows.filter((row) => !row.own);
  children.sort((a, b) => {
    if (sort.column === 'name') return sign * a.org.name.localeCompare(b.org.name, 'da');
    const va = cellValue(a, sort.column);
    const vb = cellValue(b, sort.column);
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    return sign * (va - vb);
  });
  return [...rows.filter((row) => row.own), ...children];
}
