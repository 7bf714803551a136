import type { Breakdown, Dashboard, Series } from '@lis/contracts';
import { getKpi, STATUS_WORDS } from '@lis/domain';
import type { ExportCell, ExportTable } from './table.ts';

/** The unit of measure as a column header says it. */
export const UNIT: Record<string, string> = { pct: '%', days: 'dage', count: 'antal', dkk: 'kr.', score: 'point' };

export function dashboardTable(d: Dashboard): ExportTable {
  return {
    title: `${d.org.name} ${d.period}`,
    columns: [
      { header: 'Nøgletal', kind: 'text' },
      { header: 'KPI-id', kind: 'text' },
      { header: 'Enhed', kind: 'text' },
      { header: 'Periode', kind: 'text' },
      { header: 'Værdi', kind: 'number', decimals: 2 },
      { header: 'Måleenhed', kind: 'text' },
      { header: 'Mål', kind: 'number', decimals: 2 },
      { header: 'Status', kind: 'text' },
      { header: 'Forrige måned', kind: 'number', decimals: 2 },
      { header: 'Samme måned sidste år', kind: 'number', decimals: 2 },
      { header: 'År til dato', kind: 'number', decimals: 2 },
      { header: 'n', kind: 'number', decimals: 0 },
      { header: 'Data fra batch', kind: 'number', decimals: 0 },
    ],
    rows: d.indicators.map((i) => [
      getKpi(i.kpiId).name,
      i.kpiId,
      d.org.name,
      d.period,
      i.value,
      UNIT[i.unit] ?? i.unit,
      i.target,
      STATUS_WORDS[i.status],
      i.previous,
      i.sameMonthLastYear,
      i.ytd,
      i.n,
      i.batchId,
    ]),
  };
}

/** `explanations`: the text of each month's explanation (period → text), in a last column. */
export function seriesTable(s: Series, explanations: ReadonlyMap<string, string> = new Map()): ExportTable {
  const kpi = getKpi(s.kpiId);
  return {
    title: `${kpi.name}`,
    columns: [
      { header: 'Enhed', kind: 'text' },
      { header: 'Periode', kind: 'text' },
      { header: `${kpi.name} (${UNIT[kpi.unit] ?? kpi.unit})`, kind: 'number', decimals: kpi.decimals },
      { header: 'Mål', kind: 'number', decimals: kpi.decimals },
      { header: 'Status', kind: 'text' },
      { header: 'Samme måned sidste år', kind: 'number', decimals: kpi.decimals },
      { header: 'n', kind: 'number', decimals: 0 },
      { header: 'Forklaring', kind: 'text' },
    ],
    rows: seriesRows(s, explanations),
  };
}

/** Made as they are written: a long series is not copied into a second array. */
function* seriesRows(s: Series, explanations: ReadonlyMap<string, string>): Generator<ExportCell[]> {
  for (const p of s.points)
    yield [
      s.org.name,
      p.period,
      p.value,
      p.target,
      STATUS_WORDS[p.status],
      p.sameMonthLastYear,
      p.n,
      explanations.get(p.period) ?? null,
    ];
}

/** `explanations`: the text of each unit's explanation of the month (org id → text), in a last column. */
export function breakdownTable(b: Breakdown, explanations: ReadonlyMap<string, string> = new Map()): ExportTable {
  const kpi = getKpi(b.kpiId);
  return {
    title: `${kpi.name} ${b.period}`,
    columns: [
      { header: 'Enhed', kind: 'text' },
      { header: 'Enheds-id', kind: 'text' },
      { header: 'Niveau', kind: 'text' },
      { header: `${kpi.name} (${UNIT[kpi.unit] ?? kpi.unit})`, kind: 'number', decimals: kpi.decimals },
      { header: 'Mål', kind: 'number', decimals: kpi.decimals },
      { header: 'Status', kind: 'text' },
      { header: 'n', kind: 'number', decimals: 0 },
      { header: 'Forklaring', kind: 'text' },
    ],
    rows: b.items.map((i) => [
      i.org.name,
      i.org.id,
      i.org.level,
      i.value,
      i.target,
      STATUS_WORDS[i.status],
      i.n,
      explanations.get(i.org.id) ?? null,
    ]),
  };
}
