/**
 * The feed contract (docs/feeds.md): which files a municipality delivers, their columns and keys.
 * Column names are contracts other systems rely on: add, never rename.
 */

export const FEED_NAMES = [
  'organisation',
  'economy',
  'budget_plan',
  'sickleave',
  'case_types',
  'cases',
  'benchmark',
  'kpi',
  'targets',
  'population',
] as const;
export type FeedName = (typeof FEED_NAMES)[number];

/** The feeds delivered every month: an admin is told when last month's has not arrived by the due day. */
export const MONTHLY_FEEDS: readonly FeedName[] = ['economy', 'sickleave', 'cases'];

/**
 * The order in which a new store is loaded (docs/feeds.md; the example files load this way):
 * organisation first, since every unit reference needs it, and case_types before cases;
 * population and benchmark name no unit.
 */
export const FEED_LOAD_ORDER: readonly FeedName[] = [
  'organisation',
  'case_types',
  'population',
  'benchmark',
  'economy',
  'budget_plan',
  'sickleave',
  'cases',
  'kpi',
  'targets',
];

export function isFeedName(value: string): value is FeedName {
  return (FEED_NAMES as readonly string[]).includes(value);
}

export type ColumnType =
  | { kind: 'text' }
  | { kind: 'month' }
  | { kind: 'date' }
  | { kind: 'year' }
  | { kind: 'integer'; min?: number; max?: number }
  /** `digits`: how many digits before the decimal mark the store keeps (numeric(p, s): p − s) */
  | { kind: 'number'; min?: number; digits: number }
  | { kind: 'function' }
  | { kind: 'municipality' }
  /** `values` maps every accepted spelling (lower case) to the stored value */
  | { kind: 'enum'; values: Readonly<Record<string, string>> };

export interface FeedColumn {
  readonly name: string;
  readonly type: ColumnType;
  readonly required: boolean;
  /** the column in the store, when it differs from the feed's name */
  readonly storedAs?: string;
  readonly description: string;
}

export interface FeedSpec {
  readonly name: FeedName;
  readonly title: string;
  readonly table: string;
  readonly columns: readonly FeedColumn[];
  /** feed column names that identify a row; a later delivery with the same key replaces it */
  readonly key: readonly string[];
  /**
   * When set, a delivery sets aside every row in effect that matches a delivered row on these
   * columns (a part of the key): a unit delivered states all its versions.
   */
  readonly replaces?: readonly string[];
  /** the column that tells which period a row belongs to (for the ledger and the rollup refresh) */
  readonly periodColumn: string | null;
}

const text = { kind: 'text' } as const;
const month = { kind: 'month' } as const;
const date = { kind: 'date' } as const;
const year = { kind: 'year' } as const;
const hours = { kind: 'number', min: 0, digits: 12 } as const;
const identity = (...values: string[]) => Object.fromEntries(values.map((v) => [v, v]));

const col = (name: string, type: ColumnType, description: string, required = true, storedAs?: string): FeedColumn =>
  storedAs ? { name, type, required, description, storedAs } : { name, type, required, description };

export const ORG_LEVELS = ['kommune', 'forvaltning', 'afdeling', 'enhed'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const AMOUNT_TYPES = ['original_budget', 'corrected_budget', 'actual', 'forecast'] as const;
export type AmountType = (typeof AMOUNT_TYPES)[number];

export const BUDGET_LINES = [
  'taxes',
  'grants_equalisation',
  'service',
  'transfers',
  'interest',
  'capital',
  'utilities',
  'repayments',
  'borrowing',
  'financial_movements',
] as const;
export type BudgetLine = (typeof BUDGET_LINES)[number];

/** The age bands of the population feed and the demography page (FOLK1A's usual grouping for the core tasks). */
export const AGE_BANDS = ['0-2', '3-5', '6-16', '17-24', '25-64', '65-79', '80+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
/** The oldest single year of age the population feed takes. */
export const MAX_AGE = 125;

export const POPULATION_KINDS = ['actual', 'forecast'] as const;
export type PopulationKind = (typeof POPULATION_KINDS)[number];

export const FEEDS: Readonly<Record<FeedName, FeedSpec>> = {
  organisation: {
    name: 'organisation',
    title: 'Organisation',
    table: 'org_unit_versions',
    columns: [
      col('org_id', text, 'stable id of the unit (often the cost centre, omkostningssted)'),
      col('parent_id', text, 'parent unit; empty for the root', false),
      col('name', text, 'display name'),
      col('level', { kind: 'enum', values: identity(...ORG_LEVELS) }, 'kommune, forvaltning, afdeling or enhed'),
      col('valid_from', date, 'first day this version of the unit holds; empty = open', false),
      col('valid_to', date, 'last day this version of the unit holds; empty = open', false),
    ],
    key: ['org_id', 'valid_from'],
    replaces: ['org_id'],
    periodColumn: null,
  },
  economy: {
    name: 'economy',
    title: 'Økonomi',
    table: 'economy',
    columns: [
      col('period', month, 'the month the amount belongs to'),
      col('org_id', text, 'lowest-level unit'),
      col('function', { kind: 'function' }, 'function of the municipal chart of accounts, h.hf.ff'),
      col('dranst', { kind: 'integer', min: 1, max: 7 }, '1 drift … 7 finansiering'),
      col(
        'amount_type',
        {
          kind: 'enum',
          values: {
            ...identity(...AMOUNT_TYPES),
            oprindeligt_budget: 'original_budget',
            korrigeret_budget: 'corrected_budget',
            forbrug: 'actual',
            forventet_regnskab: 'forecast',
          },
        },
        'original_budget, corrected_budget, actual or forecast (Danish aliases accepted)',
      ),
      col('amount', { kind: 'number', digits: 16 }, 'DKK, + expense, − income'),
    ],
    key: ['period', 'org_id', 'function', 'dranst', 'amount_type'],
    periodColumn: 'period',
  },
  budget_plan: {
    name: 'budget_plan',
    title: 'Budgetbalance',
    table: 'budget_plan',
    columns: [
      col('budget_year', year, 'the budget that made the plan'),
      col('year', year, 'budget_year … budget_year + 3'),
      col('line', { kind: 'enum', values: identity(...BUDGET_LINES) }, 'line of the resultatopgørelse'),
      col('amount', { kind: 'number', digits: 16 }, 'DKK, + expense, − income'),
    ],
    key: ['budget_year', 'year', 'line'],
    periodColumn: 'year',
  },
  sickleave: {
    name: 'sickleave',
    title: 'Sygefravær',
    table: 'sickleave',
    columns: [
      col('period', month, 'the month'),
      col('org_id', text, 'lowest-level unit'),
      col('headcount', { kind: 'integer', min: 0 }, 'employees in the unit that month'),
      col('fte', { ...hours, digits: 9 }, 'full-time equivalents (årsværk)'),
      col('planned_hours', hours, 'normed working hours'),
      col('own_sickness_hours', hours, 'own sickness incl. partial-day and pregnancy-related'),
      col('work_injury_hours', hours, 'work injury'),
      col('long_term_hours', hours, 'part of sickness + injury in spells over 29 days'),
      col('child_sickness_hours', hours, "child's sickness (not counted as sick leave)", false),
      col('parental_leave_hours', hours, 'maternity/parental leave (not counted)', false),
      col('spells_started', { kind: 'integer', min: 0 }, 'sickness spells begun in the month', false),
    ],
    key: ['period', 'org_id'],
    periodColumn: 'period',
  },
  case_types: {
    name: 'case_types',
    title: 'Sagstyper',
    table: 'case_types',
    columns: [
      col('case_type', text, 'id, e.g. SEL112'),
      col('name', text, 'display name'),
      col('deadline_days', { kind: 'integer', min: 0 }, 'published deadline in calendar days'),
      col('legal_basis', text, 'e.g. Retssikkerhedsloven § 3 stk. 2', false),
      col('valid_from', date, 'a changed deadline gets a new row', false),
    ],
    key: ['case_type', 'valid_from'],
    periodColumn: null,
  },
  cases: {
    name: 'cases',
    title: 'Sager',
    table: 'cases',
    columns: [
      col('case_id', text, 'pseudonymous id from the case system'),
      col('org_id', text, 'the handling unit'),
      col('case_type', text, 'from case_types'),
      col('received', date, 'date received'),
      col('complete', date, 'fully documented; when given, duration counts from here', false),
      col('decided', date, 'decision date; empty while open', false),
    ],
    key: ['case_id'],
    periodColumn: 'received',
  },
  benchmark: {
    name: 'benchmark',
    title: 'Benchmark',
    table: 'benchmark',
    columns: [
      col('year', year, 'the year'),
      col('municipality', { kind: 'municipality' }, '3-digit municipality code', true, 'subject_municipality'),
      col('area', text, 'e.g. dagtilbud, folkeskole, aeldre, administration'),
      col('net_expenditure', { kind: 'number', digits: 16 }, 'net operating spending (dranst 1+2), DKK, fixed prices'),
      col('target_population', { kind: 'number', min: 0, digits: 12 }, "the area's target population"),
      col('need_index', { kind: 'number', min: 0, digits: 4 }, 'expenditure-need index (1 = national average)', false),
      col('price_year', year, 'the year whose prices net_expenditure is in (2016 = faste 2016-priser); empty: not stated', false),
    ],
    key: ['year', 'municipality', 'area'],
    periodColumn: 'year',
  },
  kpi: {
    name: 'kpi',
    title: 'Nøgletal',
    table: 'kpi_values',
    columns: [
      col('period', month, 'the month'),
      col('org_id', text, 'the unit'),
      col('kpi_id', text, 'defined in the KPI catalogue'),
      col('numerator', { kind: 'number', digits: 14 }, 'numerator, or the value of a plain sum'),
      col('denominator', { kind: 'number', digits: 14 }, 'empty for KPIs that are plain sums', false),
    ],
    key: ['period', 'org_id', 'kpi_id'],
    periodColumn: 'period',
  },
  targets: {
    name: 'targets',
    title: 'Mål',
    table: 'targets',
    columns: [
      col('kpi_id', text, 'KPI id from the catalogue'),
      col('org_id', text, 'the unit; its descendants inherit unless they have their own'),
      col('year', year, 'the year'),
      col('target', { kind: 'number', digits: 14 }, "in the KPI's unit"),
      col('tolerance', { kind: 'number', min: 0, digits: 4 }, 'yellow band as a fraction of the target, default 0.10', false),
    ],
    key: ['kpi_id', 'org_id', 'year'],
    periodColumn: 'year',
  },
  population: {
    name: 'population',
    title: 'Befolkning',
    table: 'population',
    columns: [
      col('municipality', { kind: 'municipality' }, '3-digit municipality code', true, 'subject_municipality'),
      col('year', year, 'the year; a count is the population on 1 January (FOLK1A, 1st quarter)'),
      col('age', text, `a single year of age 0–${MAX_AGE}, or one of the bands ${AGE_BANDS.join(', ')}`),
      col('count', { kind: 'number', min: 0, digits: 10 }, 'persons (a forecast may hold decimals)'),
      col(
        'kind',
        { kind: 'enum', values: { ...identity(...POPULATION_KINDS), faktisk: 'actual', prognose: 'forecast' } },
        'actual or forecast (Danish aliases faktisk, prognose accepted)',
      ),
      col('vintage', text, 'the forecast\'s name, e.g. "prognose 2016"; required for forecast, empty for actual', false),
    ],
    key: ['municipality', 'year', 'age', 'kind', 'vintage'],
    periodColumn: 'year',
  },
};

export const storedColumn = (column: FeedColumn): string => column.storedAs ?? column.name;

export function feedColumn(spec: FeedSpec, name: string): FeedColumn {
  const column = spec.columns.find((c) => c.name === name);
  if (!column) throw new Error(`${spec.name} has no column ${name}`);
  return column;
}
