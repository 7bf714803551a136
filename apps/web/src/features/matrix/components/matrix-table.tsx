import type { Matrix, MatrixCell } from '@lis/contracts';
import { formatThousandKroner, getKpi, type KpiDefinition, STATUS_WORDS, THOUSAND_KRONER } from '@lis/domain';
import { type ReactNode, useMemo, useState } from 'react';
import { StatusBadge } from '../../../components/kpi/status-badge';
import { formatKpiValue, formatMonthLong } from '../../../lib/format';
import { Link } from '../../../lib/navigation';
import { kpiHref, overviewHref } from '../../../lib/url-state';
import { BY_NAME, type MatrixSort, nextSort, sortRows } from '../lib/sort-rows';

const UNIT_WORDS: Record<KpiDefinition['unit'], string> = {
  pct: '%',
  days: 'dage',
  count: 'antal',
  dkk: THOUSAND_KRONER,
  score: 'point',
};
/** Amounts in one unit per column (1.000 kr.), the rest as everywhere else. */
const cellText = (value: number | null, kpi: KpiDefinition) =>
  kpi.unit === 'dkk' ? formatThousandKroner(value) : formatKpiValue(value, kpi);
const SORT_WORDS = { asc: 'stigende', desc: 'faldende' } as const;

/** The unit and its children (rows) × the KPIs by theme (columns); a header click sorts, a cell opens that unit's KPI. */
export function MatrixTable({ matrix }: { matrix: Matrix }) {
  const [sort, setSort] = useState<MatrixSort>(BY_NAME);
  const rows = useMemo(() => sortRows(matrix.rows, sort), [matrix.rows, sort]);
  const kpis = matrix.themes.flatMap((theme) => theme.kpiIds.map(getKpi));
  const ariaSort = (column: string) =>
    sort.column === column ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  const sortButton = (column: string, label: ReactNode) => (
    <button
      type="button"
      className="matrix__sort"
      onClick={() => setSort(nextSort(sort, column))}
      data-testid={`matrix-sort-${column}`}
    >
      {label}
      <span className="matrix__sort-mark" aria-hidden="true">
        {sort.column === column ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
      </span>
    </button>
  );
  return (
    <div className="table-scroll matrix-scroll">
      <table className="data-table matrix" data-testid="matrix">
        <caption>
          {matrix.org.name} og underenheder × nøgletal, {formatMonthLong(matrix.period)}. Enheden selv står øverst; sorteret efter{' '}
          {sort.column === 'name' ? 'navn' : getKpi(sort.column).name}, {SORT_WORDS[sort.direction]}.
        </caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2} className="matrix__unit" aria-sort={ariaSort('name')}>
              {sortButton('name', 'Enhed')}
            </th>
            {matrix.themes.map((theme) => (
              <th key={theme.theme} scope="colgroup" colSpan={theme.kpiIds.length} className="matrix__theme">
                {theme.name}
              </th>
            ))}
          </tr>
          <tr>
            {kpis.map((kpi) => (
              <th key={kpi.id} scope="col" className="matrix__kpi" aria-sort={ariaSort(kpi.id)}>
                {sortButton(
                  kpi.id,
                  <>
                    {kpi.name} <span className="matrix__measure">({UNIT_WORDS[kpi.unit]})</span>
                  </>,
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.org.id} className={row.own ? 'matrix__own' : undefined} data-testid={`matrix-row-${row.org.id}`}>
              <th scope="row" className="matrix__unit">
                <Link href={overviewHref(row.org.id, matrix.period)}>{row.org.name}</Link>
                {row.own && <span className="matrix__own-note"> (i alt)</span>}
                <span className="matrix__worst">
                  <span className="visually-hidden">værste status: </span>
                  <StatusBadge status={row.worstStatus} />
                </span>
              </th>
              {row.cells.map((cell, index) => (
                <MatrixCellView
                  key={cell.kpiId}
                  cell={cell}
                  kpi={kpis[index] ?? getKpi(cell.kpiId)}
                  href={kpiHref(cell.kpiId, row.org.id, matrix.period)}
                  testId={`matrix-cell-${row.org.id}-${cell.kpiId}`}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MatrixCellView({ cell, kpi, href, testId }: { cell: MatrixCell; kpi: KpiDefinition; href: string; testId: string }) {
  const suppressed = cell.status === 'suppressed';
  return (
    <td
      className={`matrix__cell matrix__cell--${cell.status}`}
      data-testid={testId}
      data-status={cell.status}
      title={cell.suppressedReason ?? undefined}
    >
      <Link href={href} className="matrix__link">
        <span className="matrix__value">{suppressed ? STATUS_WORDS.suppressed : cellText(cell.value, kpi)}</span>
        {!suppressed && <StatusBadge status={cell.status} />}
        {suppressed && <span className="visually-hidden">: {cell.suppressedReason}</span>}
        {cell.explained && (
          <span className="matrix__explained" data-testid="matrix-explained">
            <span aria-hidden="true">✎ </span>forklaret
          </span>
        )}
      </Link>
    </td>
  );
}
