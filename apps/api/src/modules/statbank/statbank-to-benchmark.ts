/**
 * StatBank extract → the parts of benchmark rows it can give: net expenditure per area from an
 * accounts table (REGK31-like) or target population per area from a population table
 * (FOLK1A-like). Pure: merging the two with what the store holds is the caller's job.
 */
import {
  type AgeSpan,
  ageSpanOf,
  describeCell,
  functionCodeOf,
  matchesAny,
  municipalityOf,
  type Period,
  periodOf,
} from './codes.ts';
import type { AccountsMapping, AgeBand, BenchmarkMapping, Filters, PopulationMapping } from './mapping.ts';
import { type StatbankCell, StatbankError, type StatbankObservation, type StatbankTable } from './statbank-table.ts';

type BenchmarkPartKind = 'accounts' | 'population';

export interface BenchmarkPartRow {
  year: number;
  /** 3-digit kommunekode */
  municipality: string;
  area: string;
  /** DKK (the extract's figures times the mapping's multiplier) */
  netExpenditure?: number;
  targetPopulation?: number;
}

export interface BenchmarkParts {
  kind: BenchmarkPartKind;
  rows: BenchmarkPartRow[];
  /** observations not summed, by reason (missing figures, other categories, non-municipal areas) */
  skipped: { reason: string; count: number }[];
}

const AREA = 'OMRÅDE';
const TIME = 'TID';
const FUNCTION = 'FUNKTION';
const AGE = 'ALDER';
export const MISSING_VALUE = 'missing value (..)';

/** What an observation adds to: the areas it belongs to, or why it is left out. */
type Target = { areas: string[] } | { skip: string };

interface KindRules {
  kind: BenchmarkPartKind;
  keyVariable: string;
  filters: Filters;
  /** the year an observation counts for, or why it is left out */
  yearOf(period: Period, text: string): number | { skip: string };
  areasOf(cell: StatbankCell): Target;
  multiplier: number;
}

export function toBenchmarkParts(table: StatbankTable, mapping: BenchmarkMapping): BenchmarkParts {
  const hasFunction = table.variables.includes(FUNCTION);
  const hasAge = table.variables.includes(AGE);
  if (hasFunction === hasAge) {
    throw new StatbankError(
      `the extract has ${hasFunction ? 'both FUNKTION and ALDER' : 'neither FUNKTION nor ALDER'}, so it is neither an accounts table ` +
        `(REGK31-like) nor a population table (FOLK1A-like); its variables: ${table.variables.join(', ') || 'none'}`,
    );
  }
  if (hasFunction) {
    if (!mapping.accounts)
      throw new StatbankError('the extract is an accounts table (FUNKTION) but the mapping has no "accounts" section');
    return collect(table, accountsRules(mapping.accounts));
  }
  if (!mapping.population)
    throw new StatbankError('the extract is a population table (ALDER) but the mapping has no "population" section');
  return collect(table, populationRules(mapping.population));
}

function accountsRules(mapping: AccountsMapping): KindRules {
  const areas = Object.entries(mapping.areas);
  return {
    kind: 'accounts',
    keyVariable: FUNCTION,
    filters: mapping.filters,
    multiplier: mapping.multiplier,
    yearOf: (period, text) => {
      if (period.quarter !== null || period.monthly) throw new StatbankError(`TID "${text}": accounts are expected per year`);
      return period.year;
    },
    areasOf: (cell) => {
      const code = functionCodeOf(cell);
      if (code === null)
        throw new StatbankError(`FUNKTION "${describeCell(cell)}" is no function number of the chart of accounts`);
      const hits = areas.filter(([, ranges]) => ranges.some((r) => r.from <= code && code <= r.to)).map(([area]) => area);
      return hits.length > 0 ? { areas: hits } : { skip: 'FUNKTION in no area of the mapping' };
    },
  };
}

function populationRules(mapping: PopulationMapping): KindRules {
  const areas = Object.entries(mapping.areas);
  return {
    kind: 'population',
    keyVariable: AGE,
    filters: mapping.filters,
    multiplier: 1,
    yearOf: (period, text) => {
      if (period.monthly)
        throw new StatbankError(`TID "${text}": monthly populations are not supported; use a quarterly or yearly table`);
      if (period.quarter !== null && period.quarter !== mapping.quarter) return { skip: `TID is not quarter ${mapping.quarter}` };
      return period.year;
    },
    areasOf: (cell) => {
      const span = ageSpanOf(cell);
      if (span === 'total') return { skip: 'ALDER is the total (single ages are summed instead)' };
      if (span === null) throw new StatbankError(`ALDER "${describeCell(cell)}" is no age`);
      const hits = areas.filter(([area, band]) => contains(band, span, area)).map(([area]) => area);
      return hits.length > 0 ? { areas: hits } : { skip: 'ALDER in no area of the mapping' };
    },
  };
}

/** Whether the band holds the ages of one ALDER value; one only partly inside cannot be split. */
function contains(band: AgeBand, span: AgeSpan, area: string): boolean {
  if (span.to < band.from || span.from > band.to) return false;
  if (band.from <= span.from && span.to <= band.to) return true;
  throw new StatbankError(`ALDER ${span.from}–${span.to} lies partly inside the ages of ${area}; use single ages`);
}

function collect(table: StatbankTable, rules: KindRules): BenchmarkParts {
  checkVariables(table, rules);
  const sums = new Map<string, BenchmarkPartRow & { sum: number }>();
  const skipped = new Map<string, number>();
  const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);

  for (const observation of table.observations) {
    const cell = (variable: string) => observation.dims[variable] as StatbankCell;
    const unselected = Object.keys(rules.filters).find((v) => !matchesAny(cell(v), rules.filters[v] ?? []));
    if (unselected !== undefined) {
      skip(`${unselected} not selected by the mapping's filter`);
      continue;
    }
    const year = yearOf(cell(TIME), rules);
    if (typeof year !== 'number') {
      skip(year.skip);
      continue;
    }
    const municipality = municipalityOf(cell(AREA));
    if ('skip' in municipality) {
      skip(municipality.skip);
      continue;
    }
    const target = rules.areasOf(cell(rules.keyVariable));
    if ('skip' in target) {
      skip(target.skip);
      continue;
    }
    if (observation.value === null) {
      skip(MISSING_VALUE);
      continue;
    }
    for (const area of target.areas) add(sums, { year, municipality: municipality.ok, area }, observation);
  }
  const field = rules.kind === 'accounts' ? 'netExpenditure' : 'targetPopulation';
  const rows = [...sums.values()]
    .sort((a, b) => a.year - b.year || a.municipality.localeCompare(b.municipality) || a.area.localeCompare(b.area))
    .map(({ year, municipality, area, sum }) => ({ year, municipality, area, [field]: sum * rules.multiplier }));
  return { kind: rules.kind, rows, skipped: [...skipped].map(([reason, count]) => ({ reason, count })) };
}

function yearOf(cell: StatbankCell, rules: KindRules): number | { skip: string } {
  const period = periodOf(cell);
  if (period === null) throw new StatbankError(`TID "${describeCell(cell)}" is no year, quarter or month`);
  return rules.yearOf(period, describeCell(cell));
}

function add(sums: Map<string, BenchmarkPartRow & { sum: number }>, key: BenchmarkPartRow, observation: StatbankObservation) {
  const id = `${key.year}|${key.municipality}|${key.area}`;
  const entry = sums.get(id) ?? { ...key, sum: 0 };
  entry.sum += observation.value ?? 0;
  sums.set(id, entry);
}

/**
 * Required variables must be there, and any other variable must have a single category: a second
 * one (KØN 1 and 2 next to TOT, say) would be summed in and count the same people twice.
 */
function checkVariables(table: StatbankTable, rules: KindRules) {
  const filtered = Object.keys(rules.filters);
  for (const variable of [AREA, TIME, rules.keyVariable, ...filtered]) {
    if (!table.variables.includes(variable)) {
      const why = filtered.includes(variable) ? "the mapping's filters name it" : `needed for ${rules.kind}`;
      throw new StatbankError(`the extract has no ${variable} variable (${why}); its variables: ${table.variables.join(', ')}`);
    }
  }
  const handled = new Set([AREA, TIME, rules.keyVariable, ...filtered]);
  for (const variable of table.variables.filter((v) => !handled.has(v))) {
    const categories = new Set(table.observations.map((o) => describeCell(o.dims[variable] as StatbankCell)));
    if (categories.size > 1) {
      const some = [...categories].slice(0, 5).join('; ');
      throw new StatbankError(
        `the extract has several ${variable} categories (${some}) but the mapping has no filter for ${variable}, so they would be added together`,
      );
    }
  }
}
