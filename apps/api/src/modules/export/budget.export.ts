import type { Accounts, Balance, FollowUp } from '@lis/contracts';
import {
  effectOnResult,
  PLAN_ROW_SIGNS,
  PLAN_ROWS,
  planRowValue,
  RECONCILIATION_STATUS_WORDS,
  reconciliationWithoutEconomyYear,
} from '@lis/domain';
import type { ExportColumn, ExportTable } from './table.ts';

const amount = (header: string): ExportColumn => ({ header, kind: 'number', decimals: 0 });
const percent = (header: string): ExportColumn => ({ header, kind: 'number', decimals: 1 });
const FIGURE_COLUMNS = [
  amount('Oprindeligt budget'),
  amount('Korrigeret budget'),
  amount('Periodiseret budget år til dato'),
  amount('Forbrug år til dato'),
  percent('Forbrugsprocent'),
  percent('Periodiseret forbrugsprocent'),
  amount('Forventet regnskab'),
  { header: 'Forventet pr.', kind: 'text' } as ExportColumn,
  amount('Afvigelse (+ = merforbrug)'),
  percent('Afvigelse %'),
];
type Figures = Omit<FollowUp['byCategory'][number], 'category' | 'name' | 'actualsYtdLastYear'>;
/** the follow-up's tables add the same period last year after the figures */
const LAST_YEAR_COLUMN = amount('Forbrug år til dato sidste år');
const figures = (f: Figures) => [
  f.originalBudget,
  f.correctedBudget,
  f.phasedBudgetYtd,
  f.actualsYtd,
  f.consumptionPct,
  f.phasedConsumptionPct,
  f.forecast,
  f.forecastMadeIn,
  f.deviation,
  f.deviationPct,
];

export function followUpTables(f: FollowUp): ExportTable[] {
  // a chef at the kommune root: kommune totals, but categories and units of their own units only
  const own = f.breakdown === 'own_units';
  return [
    {
      title: own ? 'Kategorier, dine enheder' : 'Kategorier',
      columns: [{ header: 'Kategori', kind: 'text' }, ...FIGURE_COLUMNS, LAST_YEAR_COLUMN],
      rows: [
        [
          own ? `Drift i alt for hele ${f.org.name} (service + overførsler)` : 'Drift i alt (service + overførsler)',
          ...figures(f),
          f.lastYear?.actualsYtd ?? null,
        ],
        ...f.byCategory.map((c) => [own ? `${c.name}, dine enheder` : c.name, ...figures(c), c.actualsYtdLastYear]),
      ],
    },
    {
      title: own ? 'Dine enheder' : 'Underenheder',
      columns: [{ header: 'Enhed', kind: 'text' }, { header: 'Enheds-id', kind: 'text' }, ...FIGURE_COLUMNS, LAST_YEAR_COLUMN],
      rows: f.children.map((c) => [c.org.name, c.org.id, ...figures(c), c.actualsYtdLastYear]),
    },
    {
      title: 'Måneder',
      columns: [
        { header: 'Måned', kind: 'text' },
        amount('Forbrug'),
        amount('Periodiseret budget'),
        amount('Forbrug akkumuleret'),
        amount('Budget akkumuleret'),
        amount('Forventet regnskab'),
        amount('Forbrug akkumuleret sidste år'),
      ],
      rows: f.months.map((m) => [
        m.period,
        m.actual,
        m.phasedBudget,
        m.cumulativeActual,
        m.cumulativePhasedBudget,
        m.forecast,
        m.cumulativeActualLastYear,
      ]),
    },
  ];
}

export function accountsTable(a: Accounts): ExportTable {
  return {
    title: `Konti ${a.prefix || 'hovedkonti'}${a.breakdown === 'own_units' ? ', dine enheder' : ''}`,
    columns: [
      // a CSV has no title: the column says it too
      { header: a.breakdown === 'own_units' ? 'Konto (dine enheder)' : 'Konto', kind: 'text' },
      { header: 'Navn', kind: 'text' },
      { header: 'Kategori', kind: 'text' },
      ...FIGURE_COLUMNS,
    ],
    rows: a.lines.map((l) => [l.code, l.name, l.category, ...figures(l)]),
  };
}

export function balanceTables(b: Balance): ExportTable[] {
  // as on the screen: each line by its effect on the result (income +, expense −), in full kroner
  const columns: ExportColumn[] = [
    { header: `Linje (${PLAN_ROW_SIGNS}; kr.)`, kind: 'text' },
    ...b.years.map((y) => amount(String(y.year))),
  ];
  const rows = PLAN_ROWS.flatMap((row) =>
    row.kind === 'heading' ? [] : [[row.label, ...b.years.map((year) => planRowValue(row, year))]],
  );
  return [{ title: `Budgetbalance B${b.budgetYear}`, columns, rows }, reconciliationTable(b.reconciliation)];
}

/** The page's reconciliation block: signed as the plan table, in full kroner, with the page's words. */
function reconciliationTable(r: Balance['reconciliation']): ExportTable {
  // + 0: an agreeing line's difference is 0, not the −0 a CSV would print
  const effect = (amount: number | null) => (amount === null ? null : effectOnResult(amount) + 0);
  const columns: ExportColumn[] = [
    { header: `Linje (${PLAN_ROW_SIGNS}; kr.)`, kind: 'text' },
    amount('Budgetplan'),
    amount('Økonomifeed, oprindeligt budget'),
    amount('Forskel'),
    { header: 'Afstemning', kind: 'text' },
    { header: 'Begrundelse', kind: 'text' },
  ];
  const rows = r.economyHasYear
    ? r.lines.map((l) => [
        l.name,
        effect(l.plan),
        effect(l.economy),
        effect(l.difference),
        RECONCILIATION_STATUS_WORDS[l.status],
        l.reason,
      ])
    : [[reconciliationWithoutEconomyYear(r.year), null, null, null, null, null]];
  return { title: `Afstemning med økonomien ${r.year}`, columns, rows };
}
