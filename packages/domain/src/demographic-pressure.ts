import type { DemographyArea } from './demography-areas.ts';
import { AGE_BANDS, type BandCounts, countInAges, sumIntoBands } from './population-bands.ts';

/**
 * Demographic pressure ("demografiregulering", docs/demography.md): for each demand-driven area and
 * year, the change in its target population against the current year (the latest year with actual
 * counts) × a unit cost = the change in expenditure the ages alone bring. Priced at the
 * municipality's own unit cost (net operating spending on the area's functions ÷ target population
 * in one year) and at the benchmark's.
 */

export interface PopulationFact {
  year: number;
  age: string;
  count: number;
  kind: 'actual' | 'forecast';
  vintage: string | null;
}

export interface PopulationYear {
  year: number;
  kind: 'actual' | 'forecast';
  bands: BandCounts;
}

/**
 * The population per year: actual counts up to the current year (the newest with actual counts),
 * then the forecast `vintage` up to `toYear`; a forecast's own figures for actual years are not used.
 */
export function populationYears(
  facts: readonly PopulationFact[],
  vintage: string | null,
  toYear: number,
): { currentYear: number | null; years: PopulationYear[] } {
  const actual = facts.filter((f) => f.kind === 'actual');
  if (actual.length === 0) return { currentYear: null, years: [] };
  const currentYear = Math.max(...actual.map((f) => f.year));
  const forecast = facts.filter(
    (f) => f.kind === 'forecast' && f.vintage === vintage && f.year > currentYear && f.year <= toYear,
  );
  const byYear = (rows: PopulationFact[], kind: PopulationYear['kind']) =>
    [...new Set(rows.map((f) => f.year))].map((year) => ({
      year,
      kind,
      bands: sumIntoBands(rows.filter((f) => f.year === year)),
    }));
  const years = [...byYear(actual, 'actual'), ...byYear(forecast, 'forecast')].sort((a, b) => a.year - b.year);
  return { currentYear, years };
}

/** Each band's change against the current year (null for a year without counts). */
export function bandChanges(year: PopulationYear, current: PopulationYear): BandCounts {
  return Object.fromEntries(AGE_BANDS.map((b) => [b, year.bands[b] - current.bands[b]])) as BandCounts;
}

/** The year and kind of amounts own unit costs are taken from: the latest full year of actuals, else an original budget. */
export interface UnitCostBasis {
  year: number;
  amountType: 'actual' | 'original_budget';
}

export interface PressureInput {
  areas: readonly DemographyArea[];
  population: { currentYear: number; years: readonly PopulationYear[] };
  /** the last year priced: the newest budget plan's budget year + 3 */
  toYear: number;
  basis: UnitCostBasis | null;
  /** net operating spending (dranst 1+2) on each area's functions in the basis year, by area id */
  basisSpending: Readonly<Record<string, number>>;
  /** the economy feed's original budget (dranst 1+2) on each area's functions, by area id and year */
  budget: Readonly<Record<string, Readonly<Record<number, number>>>>;
  /** the benchmark's unit cost for each area's benchmark area, or why there is none */
  benchmark: Readonly<Record<string, { unitCost: number; year: number } | { missing: string }>>;
}

export interface OwnUnitCost extends UnitCostBasis {
  spending: number;
  targetPopulation: number;
  unitCost: number;
}

export interface AreaPressureYear {
  year: number;
  kind: 'actual' | 'forecast' | null;
  targetPopulation: number | null;
  /** against the current year */
  change: number | null;
  atOwnUnitCost: number | null;
  atBenchmarkUnitCost: number | null;
  /** the economy feed's original budget for the area's functions, where it has one */
  budget: number | null;
}

export interface AreaPressure {
  area: DemographyArea;
  ownUnitCost: OwnUnitCost | null;
  /** why there is no own unit cost */
  ownMissing: string | null;
  benchmarkUnitCost: { unitCost: number; year: number } | null;
  benchmarkMissing: string | null;
  years: AreaPressureYear[];
}

export interface PressureTotal {
  year: number;
  atOwnUnitCost: number | null;
  atBenchmarkUnitCost: number | null;
}

function ownUnitCost(input: PressureInput, area: DemographyArea, byYear: Map<number, PopulationYear>) {
  const { basis } = input;
  if (!basis) return { cost: null, missing: 'Økonomi-feedet har hverken et helt års forbrug eller et oprindeligt budget' };
  const spending = input.basisSpending[area.id] ?? 0;
  if (spending === 0) return { cost: null, missing: `Intet nettodriftsforbrug på områdets funktioner i ${basis.year}` };
  const people = byYear.get(basis.year);
  const target = people?.kind === 'actual' ? countInAges(people.bands, area.ages) : 0;
  if (target <= 0) return { cost: null, missing: `Ingen faktisk målgruppe i ${basis.year} at dele udgiften med` };
  return { cost: { ...basis, spending, targetPopulation: target, unitCost: spending / target }, missing: null };
}

const times = (change: number | null, unitCost: number | undefined) =>
  change === null || unitCost === undefined ? null : change * unitCost;

/** The pressure of every area for the current year … toYear. */
export function demographicPressure(input: PressureInput): { areas: AreaPressure[]; totals: PressureTotal[] } {
  const byYear = new Map(input.population.years.map((y) => [y.year, y]));
  const { currentYear } = input.population;
  const yearList = Array.from({ length: Math.max(0, input.toYear - currentYear + 1) }, (_, i) => currentYear + i);
  const areas = input.areas.map((area): AreaPressure => {
    const own = ownUnitCost(input, area, byYear);
    const bench = input.benchmark[area.id] ?? { missing: 'Området har intet benchmarkområde med samme målgruppe' };
    const benchmarkUnitCost = 'missing' in bench ? null : bench;
    const current = byYear.get(currentYear);
    const base = current ? countInAges(current.bands, area.ages) : null;
    return {
      area,
      ownUnitCost: own.cost,
      ownMissing: own.missing,
      benchmarkUnitCost,
      benchmarkMissing: 'missing' in bench ? bench.missing : null,
      years: yearList.map((year) => {
        const people = byYear.get(year);
        const target = people ? countInAges(people.bands, area.ages) : null;
        const change = target === null || base === null ? null : target - base;
        return {
          year,
          kind: people?.kind ?? null,
          targetPopulation: target,
          change,
          atOwnUnitCost: times(change, own.cost?.unitCost),
          atBenchmarkUnitCost: times(change, benchmarkUnitCost?.unitCost),
          budget: input.budget[area.id]?.[year] ?? null,
        };
      }),
    };
  });
  const counted = areas.filter((a) => a.area.inTotal);
  const sum = (values: (number | null)[]) =>
    values.some((v) => v !== null) ? values.reduce<number>((s, v) => s + (v ?? 0), 0) : null;
  const totals = yearList.map((year, i) => ({
    year,
    atOwnUnitCost: sum(counted.map((a) => a.years[i]?.atOwnUnitCost ?? null)),
    atBenchmarkUnitCost: sum(counted.map((a) => a.years[i]?.atBenchmarkUnitCost ?? null)),
  }));
  return { areas, totals };
}
