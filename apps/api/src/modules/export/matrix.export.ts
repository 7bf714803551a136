import type { Matrix } from '@lis/contracts';
import { getKpi, STATUS_WORDS } from '@lis/domain';
import { UNIT } from './indicators.export.ts';
import type { ExportColumn, ExportTable } from './table.ts';

/** One line per unit (the unit itself first), a value and a status column per KPI; suppressed values are empty with status diskretioneret. */
export function matrixTable(m: Matrix): ExportTable {
  const kpis = m.themes.flatMap((theme) => theme.kpiIds.map(getKpi));
  const columns: ExportColumn[] = [
    { header: 'Enhed', kind: 'text' },
    { header: 'Enheds-id', kind: 'text' },
    { header: 'Niveau', kind: 'text' },
    { header: 'Periode', kind: 'text' },
    { header: 'Værste status', kind: 'text' },
    ...kpis.flatMap((kpi): ExportColumn[] => [
      { header: `${kpi.name} (${UNIT[kpi.unit] ?? kpi.unit})`, kind: 'number', decimals: kpi.decimals },
      { header: `${kpi.name}, status`, kind: 'text' },
    ]),
  ];
  return {
    title: `${m.org.name} ${m.period}`,
    columns,
    rows: m.rows.map((row) => [
      row.org.name,
      row.org.id,
      row.org.level,
      m.period,
      STATUS_WORDS[row.worstStatus],
      ...row.cells.flatMap((cell) => [cell.value, `${STATUS_WORDS[cell.status]}${cell.explained ? ' (forklaret)' : ''}`]),
    ]),
  };
}
