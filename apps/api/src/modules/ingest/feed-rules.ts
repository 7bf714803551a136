import type { FeedName, FeedSpec } from '@lis/contracts';
import { COUNTED_SICK_HOURS, findKpi, isBalanceTargetId } from '@lis/domain';
import type { RowError } from './errors.ts';
import { populationRule } from './population-rule.ts';
import { type MonthSpan, spanHolds, spanText } from './unit-validity.ts';
import type { StoredValue } from './validate-row.ts';

/** What a row may refer to: units and case types already in the store. */
export interface ReferenceData {
  orgIds: ReadonlySet<string>;
  /** units in effect that have children */
  parentIds: ReadonlySet<string>;
  /** the months each unit holds in, for units that do not exist always */
  validity: ReadonlyMap<string, readonly MonthSpan[]>;
  caseTypes: ReadonlySet<string>;
}

type Row = Readonly<Record<string, StoredValue>>;
type Check = (row: Row, refs: ReferenceData) => readonly Omit<RowError, 'line'>[];

const problem = (column: string, value: StoredValue | undefined, message: string) => ({
  column,
  value: value === null || value === undefined ? null : String(value),
  message,
});

const num = (v: StoredValue | undefined) => (typeof v === 'number' ? v : 0);
const NONE: readonly Omit<RowError, 'line'>[] = Object.freeze([]);

function knownOrg(row: Row, refs: ReferenceData): readonly Omit<RowError, 'line'>[] {
  const orgId = row.org_id;
  return typeof orgId === 'string' && !refs.orgIds.has(orgId)
    ? [problem('org_id', orgId, 'ukendt enhed (indlæs den med leverancen organisation først)')]
    : NONE; // the economy feed's one rule: no allocation for a row that passes
}

/**
 * A fact belongs to its unit as organised in its month (docs/adr/0011): the unit must hold in the
 * month of each of the given date columns.
 */
function withinValidity(row: Row, refs: ReferenceData, columns: readonly string[]): readonly Omit<RowError, 'line'>[] {
  const orgId = row.org_id;
  const spans = typeof orgId === 'string' ? refs.validity.get(orgId) : undefined;
  if (!spans) return NONE;
  for (const column of columns) {
    const date = row[column];
    if (typeof date !== 'string' || spans.some((span) => spanHolds(span, date.slice(0, 7)))) continue;
    const held = spans.length === 0 ? 'ingen måneder' : spans.map(spanText).join(', ');
    return [problem(column, date, `enheden ${orgId} findes ikke i ${date.slice(0, 7)} (den gælder ${held})`)];
  }
  return NONE;
}

const PERIOD = ['period'];
const knownOrgIn = (row: Row, refs: ReferenceData) => {
  const unknown = knownOrg(row, refs);
  return unknown.length > 0 ? unknown : withinValidity(row, refs, PERIOD);
};

/**
 * Personal-data rows (sick leave, surveys) are delivered for lowest-level units only (domain.md
 * §4): a row for a unit with children would be a hidden small group beside them (parent − children).
 */
function lowestLevel(row: Row, refs: ReferenceData, what: string): readonly Omit<RowError, 'line'>[] {
  const orgId = row.org_id;
  return typeof orgId === 'string' && refs.parentIds.has(orgId)
    ? [problem('org_id', orgId, `har underenheder; ${what} er personoplysninger og leveres kun for enheder uden underenheder`)]
    : NONE;
}

/** Hours for a message, as the people correcting the file write them: 347,6 (not 347.59999999999997). */
const shown = (hours: number) => String(Math.round(hours * 100) / 100).replace('.', ',');

function knownKpi(row: Row, fromFeed: boolean) {
  const id = row.kpi_id;
  if (typeof id !== 'string') return [];
  const kpi = findKpi(id);
  if (!kpi) return [problem('kpi_id', id, 'er ikke et nøgletal i kataloget (GET /api/v1/kpis viser dem)')];
  if (fromFeed && kpi.sourceFeed !== 'kpi') {
    return [problem('kpi_id', id, `beregnes ud fra leverancen ${kpi.sourceFeed} og kan ikke leveres i leverancen kpi`)];
  }
  if (fromFeed && kpi.aggregation === 'ratio' && row.denominator === null) {
    return [problem('denominator', null, `skal udfyldes for ${id} (en brøk)`)];
  }
  return [];
}

const RULES: Partial<Record<FeedName, Check>> = {
  organisation: (row) =>
    typeof row.valid_from === 'string' && typeof row.valid_to === 'string' && row.valid_to < row.valid_from
      ? [problem('valid_to', row.valid_to, 'ligger før valid_from')]
      : [],
  economy: knownOrgIn,
  budget_plan: (row) => {
    const [budgetYear, year] = [num(row.budget_year), num(row.year)];
    return year < budgetYear || year > budgetYear + 3
      ? [problem('year', year, `skal være budgetåret ${budgetYear} eller et af de 3 år efter det`)]
      : [];
  },
  sickleave: (row, refs) => {
    const errors = [...knownOrgIn(row, refs), ...lowestLevel(row, refs, 'sygefravær')];
    const counted = COUNTED_SICK_HOURS.reduce((sum, column) => sum + num(row[column] ?? null), 0);
    const countedText = COUNTED_SICK_HOURS.join(' + ');
    if (num(row.long_term_hours) > counted + 1e-9) {
      errors.push(problem('long_term_hours', row.long_term_hours, `er større end ${countedText} (${counted})`));
    }
    const hourColumns = [
      'planned_hours',
      'own_sickness_hours',
      'work_injury_hours',
      'long_term_hours',
      'child_sickness_hours',
      'parental_leave_hours',
    ];
    if (row.headcount === 0 && hourColumns.some((c) => num(row[c] ?? null) > 0)) {
      errors.push(problem('headcount', 0, 'er 0, men rækken har timer'));
    }
    const planned = num(row.planned_hours);
    // Sick leave is a share of the planned hours (domain.md §4): more sick hours than planned cannot be.
    if (planned === 0 && counted > 0) {
      errors.push(
        problem('planned_hours', row.planned_hours, `er 0, men rækken har ${shown(counted)} timers sygdom og arbejdsskade`),
      );
    } else if (counted > planned + 1e-9) {
      errors.push(
        problem(
          'own_sickness_hours',
          row.own_sickness_hours,
          `${countedText} (${shown(counted)}) er flere timer end planned_hours (${shown(planned)})`,
        ),
      );
    }
    return errors;
  },
  cases: (row, refs) => {
    const unknown = knownOrg(row, refs);
    const errors = [...(unknown.length > 0 ? unknown : withinValidity(row, refs, ['received', 'decided']))];
    if (typeof row.case_type === 'string' && !refs.caseTypes.has(row.case_type)) {
      errors.push(problem('case_type', row.case_type, 'ukendt sagstype (indlæs den med leverancen case_types først)'));
    }
    const { received, complete, decided } = row;
    if (typeof decided === 'string' && typeof received === 'string' && decided < received) {
      errors.push(problem('decided', decided, `ligger før received (${received})`));
    }
    if (typeof complete === 'string' && typeof received === 'string' && complete < received) {
      errors.push(problem('complete', complete, `ligger før received (${received})`));
    }
    if (typeof decided === 'string' && typeof complete === 'string' && decided < complete && decided >= String(received)) {
      errors.push(problem('decided', decided, `ligger før complete (${complete})`));
    }
    return errors;
  },
  // Unit cost is spending per member of the target population, and need-adjusted cost divides by the index.
  benchmark: (row) => [
    ...(row.target_population === 0 ? [problem('target_population', 0, 'skal være større end 0 (udgiften deles med den)')] : []),
    ...(row.need_index === 0 ? [problem('need_index', 0, 'skal være større end 0 eller tom (udgiften deles med den)')] : []),
  ],
  kpi: (row, refs) => {
    const personal = typeof row.kpi_id === 'string' && findKpi(row.kpi_id)?.personalData === true;
    return [...knownOrgIn(row, refs), ...knownKpi(row, true), ...(personal ? lowestLevel(row, refs, String(row.kpi_id)) : NONE)];
  },
  population: populationRule,
  targets: (row, refs) => [
    ...knownOrg(row, refs),
    // the budget balance's anlæg target has no KPI of its own
    ...(typeof row.kpi_id === 'string' && isBalanceTargetId(row.kpi_id) ? NONE : knownKpi(row, false)),
  ],
};

/** Checks one valid row (spec column order); returns its errors, usually none. */
export type FeedRuleCheck = (values: readonly StoredValue[], line: number) => readonly RowError[];

/** The feed-specific checks of the contract, prepared once per file. */
export function feedRuleChecker(spec: FeedSpec, refs: ReferenceData): FeedRuleCheck {
  const rule = RULES[spec.name];
  if (!rule) return () => NO_ERRORS;
  // One row object, refilled for every row: rules read it and keep nothing of it.
  const names = spec.columns.map((c) => c.name);
  const row: Record<string, StoredValue> = Object.fromEntries(names.map((name) => [name, null]));
  return (values, line) => {
    for (let i = 0; i < names.length; i++) row[names[i] as string] = values[i] ?? null;
    const problems = rule(row, refs);
    return problems.length === 0 ? NO_ERRORS : problems.map((e) => ({ line, ...e }));
  };
}

const NO_ERRORS: readonly RowError[] = Object.freeze([]);
