/**
 * A StatBank extract (api.statbank.dk, table data) read into one shape whatever format it came in,
 * so the mapping to benchmark rows never looks at CSV or JSON-stat details.
 */

type StatbankFormat = 'csv' | 'jsonstat1' | 'jsonstat2';

/**
 * One variable's value in an observation. Which halves are known depends on how the extract was
 * requested (valuePresentation): Code gives only `code`, Default (labels) only `label`,
 * CodeAndValue both. JSON-stat always carries both.
 */
export interface StatbankCell {
  code: string | null;
  label: string | null;
}

export interface StatbankObservation {
  /** keyed by the upper-case variable code, e.g. `OMRÅDE`, `TID` */
  dims: Record<string, StatbankCell>;
  /** null where StatBank has no figure (`..`, `.`, empty, JSON null) */
  value: number | null;
}

export interface StatbankTable {
  format: StatbankFormat;
  /**
   * Upper-case variable codes in the extract's order, the time variable included (`TID`).
   * `CONTENTSCODE` is left out when it has a single value (it then only names the table's
   * measure, and the CSV format does not show it); with several values it is kept as a variable.
   */
  variables: string[];
  observations: StatbankObservation[];
}

/** The extract or the mapping cannot be used; the message says what and where (line for CSV). */
export class StatbankError extends Error {
  override name = 'StatbankError';
}

// StatBank's symbols: `..` not available or confidential, `.` cannot occur.
const MISSING = new Set(['', '.', '..']);
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/**
 * StatBank writes figures without thousands separators; the decimal mark is a comma in Danish
 * extracts and a point in English ones. Returns undefined for text that is no figure.
 */
export function parseStatbankValue(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (MISSING.has(trimmed)) return null;
  if (!PLAIN_NUMBER.test(trimmed)) return undefined;
  return Number(trimmed.replace(',', '.'));
}

const CONTENTS = 'CONTENTSCODE';

/** Applies the CONTENTSCODE rule of `StatbankTable.variables` to a freshly read extract. */
export function withoutSingleContents(table: StatbankTable): StatbankTable {
  if (!table.variables.includes(CONTENTS)) return table;
  const codes = new Set(table.observations.map((o) => cellKey(o.dims[CONTENTS])));
  if (codes.size > 1) return table;
  return {
    ...table,
    variables: table.variables.filter((v) => v !== CONTENTS),
    observations: table.observations.map(({ dims: { [CONTENTS]: _, ...dims }, value }) => ({ dims, value })),
  };
}

const cellKey = (cell: StatbankCell | undefined) => `${cell?.code ?? ''}\u0000${cell?.label ?? ''}`;
