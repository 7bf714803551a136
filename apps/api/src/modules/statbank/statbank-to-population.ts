/**
 * A FOLK1A-like extract → actual rows of the population feed (docs/feeds.md "population"): per
 * municipality, year and single year of age, the quarter the mapping names (1 = 1 January), summed
 * over sex and marital status. Where the extract holds the total category of a variable (KØN TOT,
 * the mapping's filter) only that is read; where it holds only the parts (men and women), they are
 * added up, as they split the population without overlap.
 */
import { AGE_BANDS, MAX_AGE } from '@lis/contracts';
import { ageSpanOf, describeCell, matchesAny, municipalityOf, periodOf } from './codes.ts';
import type { PopulationMapping } from './mapping.ts';
import { parseStatbank } from './parse-statbank.ts';
import { type StatbankCell, StatbankError, type StatbankTable } from './statbank-table.ts';
import { MISSING_VALUE } from './statbank-to-benchmark.ts';

const AREA = 'OMRÅDE';
const TIME = 'TID';
const AGE = 'ALDER';
/** the variables FOLK1A splits the population by, summed over here */
const SUMMED = ['KØN', 'CIVILSTAND'];

interface PopulationCount {
  year: number;
  municipality: string;
  /** a single year of age, or a band of the feed when the extract gives exactly that band */
  age: string;
  count: number;
}

/** The feed's age for one ALDER value: a single year (an open end such as 100OV counts at its first age), or an exact band. */
function feedAge(cell: StatbankCell): string | 'total' {
  const span = ageSpanOf(cell);
  if (span === 'total') return 'total';
  if (span === null) throw new StatbankError(`ALDER "${describeCell(cell)}" is no age`);
  if (span.from > MAX_AGE) throw new StatbankError(`ALDER "${describeCell(cell)}" is over ${MAX_AGE}`);
  if (span.from === span.to || span.to === Number.POSITIVE_INFINITY) {
    if (span.to === Number.POSITIVE_INFINITY && span.from < 80)
      throw new StatbankError(`ALDER "${describeCell(cell)}" is open-ended below 80; select the single ages`);
    return String(span.from);
  }
  const band = `${span.from}-${span.to}`;
  if ((AGE_BANDS as readonly string[]).includes(band)) return band;
  throw new StatbankError(`ALDER ${span.from}–${span.to} is neither a single age nor a band of the feed; select the single ages`);
}

/** Per summed variable: only its total categories when the extract has them, else every category. */
function categoriesRead(table: StatbankTable, mapping: PopulationMapping) {
  const read = new Map<string, (cell: StatbankCell) => boolean>();
  for (const variable of table.variables.filter((v) => v !== AREA && v !== TIME && v !== AGE)) {
    const totals = mapping.filters[variable] ?? [];
    const hasTotal = table.observations.some((o) => matchesAny(o.dims[variable] as StatbankCell, totals));
    if (hasTotal) read.set(variable, (cell) => matchesAny(cell, totals));
    else if (SUMMED.includes(variable)) read.set(variable, () => true);
    else {
      const categories = new Set(table.observations.map((o) => describeCell(o.dims[variable] as StatbankCell)));
      if (categories.size > 1)
        throw new StatbankError(
          `the extract has several ${variable} categories and none is its total, so the population cannot be read`,
        );
      read.set(variable, () => true);
    }
  }
  return read;
}

function toPopulationCounts(table: StatbankTable, mapping: PopulationMapping) {
  for (const variable of [AREA, TIME, AGE])
    if (!table.variables.includes(variable))
      throw new StatbankError(`the extract has no ${variable} variable; its variables: ${table.variables.join(', ')}`);
  const read = categoriesRead(table, mapping);
  const sums = new Map<string, PopulationCount>();
  const skipped = new Map<string, number>();
  const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  for (const { dims, value } of table.observations) {
    const cell = (variable: string) => dims[variable] as StatbankCell;
    const unread = [...read].find(([variable, reads]) => !reads(cell(variable)));
    if (unread) {
      skip(`${unread[0]}: a part beside its total`);
      continue;
    }
    const period = periodOf(cell(TIME));
    if (period === null) throw new StatbankError(`TID "${describeCell(cell(TIME))}" is no year or quarter`);
    if (period.monthly) throw new StatbankError(`TID "${describeCell(cell(TIME))}": monthly populations are not supported`);
    if (period.quarter !== null && period.quarter !== mapping.quarter) {
      skip(`TID is not quarter ${mapping.quarter}`);
      continue;
    }
    const municipality = municipalityOf(cell(AREA));
    if ('skip' in municipality) {
      skip(municipality.skip);
      continue;
    }
    const age = feedAge(cell(AGE));
    if (age === 'total') {
      skip('ALDER is the total (single ages are read instead)');
      continue;
    }
    if (value === null) {
      skip(MISSING_VALUE);
      continue;
    }
    const key = `${period.year}|${municipality.ok}|${age}`;
    const entry = sums.get(key) ?? { year: period.year, municipality: municipality.ok, age, count: 0 };
    entry.count += value;
    sums.set(key, entry);
  }
  return { counts: [...sums.values()], skipped: [...skipped].map(([reason, count]) => ({ reason, count })) };
}

/**
 * The population extracts among the files → a population feed file (CSV) of actual counts; null
 * when there are none. A count given by two extracts is taken from the later one.
 */
export function statbankToPopulation(files: { name: string; bytes: Uint8Array }[], mapping: PopulationMapping | null) {
  const merged = new Map<string, PopulationCount>();
  const summary: string[] = [];
  for (const file of files) {
    const table = parseStatbank(file.bytes);
    if (!table.variables.includes(AGE)) continue;
    if (!mapping)
      throw new StatbankError('the extract is a population table (ALDER) but the mapping has no "population" section');
    const { counts, skipped } = toPopulationCounts(table, mapping);
    summary.push(`${file.name}: population, ${counts.length} rows by age`);
    for (const s of skipped) summary.push(`  skipped ${s.count} observations: ${s.reason}`);
    for (const c of counts) merged.set(`${c.year}|${c.municipality}|${c.age}`, c);
  }
  if (merged.size === 0) return null;
  const lines = [...merged.values()].map((c) => `${c.municipality};${c.year};${c.age};${c.count};actual;`);
  return { csv: `municipality;year;age;count;kind;vintage\n${lines.join('\n')}\n`, rows: lines.length, summary };
}
