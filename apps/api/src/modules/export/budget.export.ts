import type { Accounts, Balance, FollowUp } from '@lis/contracts';
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
type Figures = Omit<FollowUp['byCategory'][number], 'category' | 'name'>;
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
      columns: [{ header: 'Kategori', kind: 'text' }, ...FIGURE_COLUMNS],
      rows: [
        [
          own ? `Drift i alt for hele ${f.org.name} (service + overførsler)` : 'Drift i alt (service + overførsler)',
          ...figures(f),
        ],
        ...f.byCategory.map((c) => [own ? `${c.name}, dine enheder` : c.name, ...figures(c)]),
      ],
    },
    {
      title: own ? 'Dine enheder' : 'Underenheder',
      columns: [{ header: 'Enhed', kind: 'text' }, { header: 'Enheds-id', kind: 'text' }, ...FIGURE_COLUMNS],
      rows: f.children.map((c) => [c.org.name, c.org.id, ...figures(c)]),
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
      ],
      rows: f.months.map((m) => [m.period, m.actual, m.phasedBudget, m.cumulativeActual, m.cumulativePhasedBudget, m.forecast]),
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

const LINE_NAMES: Record<string, string> = {
  taxes: 'Skatter',
  grants_equalisation: 'Tilskud og udligning',
  service: 'Serviceudgifter',
  transfers: 'Overførsler',
  interest: 'Renter (netto)',
  capital: 'Anlæg',
  utilities: 'Forsyning (netto)',
  repayments: 'Afdrag på lån',
  borrowing: 'Låneoptagelse',
  financial_movements: 'Finansforskydninger',
};

export function balanceTables(b: Balance): ExportTable[] {
  const columns: ExportColumn[] = [
    { header: 'Linje (+ udgift, − indtægt)', kind: 'text' },
    ...b.years.map((y) => amount(String(y.year))),
  ];
  const lineRows = Object.keys(LINE_NAMES).map((line) => [
    LINE_NAMES[line] ?? line,
    ...b.years.map((y) => y.lines[line as keyof typeof y.lines]),
  ]);
  const results = [
    ['A. Driftsoverskud (+ = overskud)', ...b.years.map((y) => y.resultA)],
    ['B. Resultat af det skattefinansierede område', ...b.years.map((y) => y.resultB)],
    ['C. Resultat inkl. forsyning', ...b.years.map((y) => y.resultC)],
    ['Kasseforøgelse (+) / kassetræk (−)', ...b.years.map((y) => y.cashChange)],
  ];
  return [{ title: `Budgetbalance B${b.budgetYear}`, columns, rows: [...lineRows, ...results] }];
}
