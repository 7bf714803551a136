/**
 * The mapping file of `lis import statbank` (format: reference/statbank/README.md): which
 * functions and ages make up each benchmark area, and which categories of the other variables to use.
 */
import { normaliseFunctionCode } from './codes.ts';
import { StatbankError } from './statbank-table.ts';

/** variable code (upper-case) → the accepted categories, by code or label */
export type Filters = Record<string, string[]>;

/** Five-digit function codes, both ends inclusive: one function, a hovedfunktion or a range. */
interface FunctionRange {
  from: string;
  to: string;
}

export interface AgeBand {
  from: number;
  /** Infinity when the band has no upper age */
  to: number;
}

export interface AccountsMapping {
  /** DKK per unit of the extract's figures: 1000 for REGK31 in 1.000 kr. */
  multiplier: number;
  filters: Filters;
  areas: Record<string, FunctionRange[]>;
  /** five-digit functions the areas cover whose number the chart of accounts in LIS does not confirm */
  unconfirmed: string[];
}

export interface PopulationMapping {
  /** which quarter of a quarterly table gives the year's population (1 = 1 January) */
  quarter: number;
  filters: Filters;
  areas: Record<string, AgeBand>;
}

export interface BenchmarkMapping {
  accounts: AccountsMapping | null;
  population: PopulationMapping | null;
}

type Json = Record<string, unknown>;

/** Validates a mapping (its JSON text or parsed value); errors name the offending path. */
export function parseBenchmarkMapping(input: unknown): BenchmarkMapping {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (error) {
      throw new StatbankError(`mapping: not valid JSON: ${(error as Error).message}`);
    }
  }
  const root = object(json, 'mapping');
  allowOnly(root, 'mapping', ['description', 'source', 'accounts', 'population']);
  const mapping: BenchmarkMapping = {
    accounts: root.accounts === undefined ? null : accounts(object(root.accounts, 'accounts')),
    population: root.population === undefined ? null : population(object(root.population, 'population')),
  };
  if (!mapping.accounts && !mapping.population) throw new StatbankError('mapping: needs an "accounts" or a "population" section');
  return mapping;
}

function accounts(section: Json): AccountsMapping {
  allowOnly(section, 'accounts', ['description', 'table', 'multiplier', 'filters', 'areas', 'unconfirmed']);
  const multiplier = section.multiplier;
  if (typeof multiplier !== 'number' || !(multiplier > 0)) {
    throw new StatbankError('mapping: accounts.multiplier must be a positive number (1000 for figures in 1.000 kr.)');
  }
  const areas: Record<string, FunctionRange[]> = {};
  for (const [area, entries] of Object.entries(object(section.areas, 'accounts.areas'))) {
    const path = `accounts.areas.${area}`;
    if (!Array.isArray(entries) || entries.length === 0)
      throw new StatbankError(`mapping: ${path} must be a non-empty list of functions`);
    areas[area] = entries.map((entry, i) => functionRange(entry, `${path}[${i}]`));
  }
  return {
    multiplier,
    filters: filters(section.filters, 'accounts.filters'),
    areas: nonEmpty(areas, 'accounts.areas'),
    unconfirmed: unconfirmed(section.unconfirmed, areas),
  };
}

// Single functions only, each inside an area's entries: a mark on a number no area uses would mislead.
function unconfirmed(value: unknown, areas: Record<string, FunctionRange[]>): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new StatbankError('mapping: accounts.unconfirmed must be a list of functions');
  return value.map((entry, i) => {
    const code = normaliseFunctionCode(typeof entry === 'string' ? entry.trim() : null);
    const path = `accounts.unconfirmed[${i}] ${JSON.stringify(entry)}`;
    if (!code) throw new StatbankError(`mapping: ${path} is no single function (3.22.03 or 32203)`);
    if (!Object.values(areas).some((ranges) => ranges.some((r) => r.from <= code && code <= r.to)))
      throw new StatbankError(`mapping: ${path} is in no area of accounts.areas`);
    return code;
  });
}

function population(section: Json): PopulationMapping {
  allowOnly(section, 'population', ['description', 'table', 'quarter', 'filters', 'areas']);
  const quarter = section.quarter;
  if (quarter !== 1 && quarter !== 2 && quarter !== 3 && quarter !== 4) {
    throw new StatbankError('mapping: population.quarter must be 1, 2, 3 or 4 (1 = population on 1 January)');
  }
  const areas: Record<string, AgeBand> = {};
  for (const [area, band] of Object.entries(object(section.areas, 'population.areas'))) {
    areas[area] = ageBand(band, `population.areas.${area}`);
  }
  return { quarter, filters: filters(section.filters, 'population.filters'), areas: nonEmpty(areas, 'population.areas') };
}

// `3.22.01`, `32201`; a hovedfunktion `5.28` / `528` or hovedkonto `6`; a range `5.25.10-5.25.14`.
function functionRange(entry: unknown, path: string): FunctionRange {
  const text = typeof entry === 'string' ? entry.trim() : '';
  const [first = '', last, ...more] = text.split(/\s*[-–]\s*/);
  if (last !== undefined) {
    const from = normaliseFunctionCode(first);
    const to = normaliseFunctionCode(last);
    if (from && to && from <= to && more.length === 0) return { from, to };
  } else {
    const exact = normaliseFunctionCode(first);
    if (exact) return { from: exact, to: exact };
    const prefix = /^\d$|^\d\.\d\d$|^\d{3}$/.test(first) ? first.replace('.', '') : null;
    if (prefix) return { from: prefix.padEnd(5, '0'), to: prefix.padEnd(5, '9') };
  }
  throw new StatbankError(
    `mapping: ${path} ${JSON.stringify(entry)} is no function (3.22.01 or 32201), hovedfunktion (5.28) or range (5.25.10-5.25.14)`,
  );
}

function ageBand(value: unknown, path: string): AgeBand {
  const band = object(value, path);
  allowOnly(band, path, ['from', 'to']);
  const { from, to } = band;
  const isAge = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
  if (!isAge(from) || (to !== undefined && (!isAge(to) || to < from))) {
    throw new StatbankError(`mapping: ${path} must be {"from": age, "to": age} with from ≤ to, "to" left out for no upper age`);
  }
  return { from, to: to ?? Number.POSITIVE_INFINITY };
}

function filters(value: unknown, path: string): Filters {
  if (value === undefined) return {};
  const result: Filters = {};
  for (const [variable, accepted] of Object.entries(object(value, path))) {
    if (!Array.isArray(accepted) || accepted.length === 0 || !accepted.every((v) => typeof v === 'string')) {
      throw new StatbankError(`mapping: ${path}.${variable} must be a non-empty list of codes or labels`);
    }
    result[variable.toUpperCase()] = accepted;
  }
  return result;
}

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new StatbankError(`mapping: ${path} must be an object`);
  return value as Json;
}

// Unknown keys are refused: a misspelt "filter" would otherwise silently sum every category.
function allowOnly(value: Json, path: string, keys: string[]) {
  const unknown = Object.keys(value).filter((key) => !keys.includes(key));
  if (unknown.length > 0)
    throw new StatbankError(`mapping: ${path} has unknown keys: ${unknown.join(', ')} (allowed: ${keys.join(', ')})`);
}

function nonEmpty<T>(areas: Record<string, T>, path: string): Record<string, T> {
  if (Object.keys(areas).length === 0) throw new StatbankError(`mapping: ${path} names no area`);
  return areas;
}
