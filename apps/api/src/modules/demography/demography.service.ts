import type { Demography, DemographyPressure } from '@lis/contracts';
import {
  AGE_BANDS,
  agesText,
  areaMainFunctions,
  bandChanges,
  type DemographyArea,
  demographicPressure,
  functionInArea,
  type NextYearPressure,
  type PopulationYear,
  populationYears,
  type UnitCostBasis,
} from '@lis/domain';
import type { ReadContext } from '../../lib/read-context.ts';
import { BenchmarkRequestError, benchmarkArea } from '../benchmark/benchmark.service.ts';
import { demographyAreas } from './areas.ts';
import * as repo from './demography.repository.ts';

/** A request the data cannot answer, such as a forecast that was never delivered (400 on the parameter). */
export class DemographyRequestError extends Error {
  constructor(
    message: string,
    readonly parameter: string,
  ) {
    super(message);
  }
}

/** The benchmark page's defaults (routes/benchmark.ts): the KORA neighbours with the own municipality, unweighted mean. */
const BENCHMARK_DEFAULTS = { year: null, peers: 'kora', method: 'mean', includeOwn: true, needAdjusted: false } as const;
/** Years of actual counts shown before the current one, for the chart's history. */
const HISTORY_YEARS = 2;

async function frame(ctx: ReadContext, requested: string | null) {
  // one statement at a time: the tiles' refresh runs this inside the publish transaction, on one connection
  const facts = await repo.populationFacts(ctx.db, ctx.municipality);
  const vintages = await repo.forecastVintages(ctx.db, ctx.municipality);
  const budgetYear = await repo.newestBudgetYear(ctx.db, ctx.municipality);
  if (requested !== null && !vintages.includes(requested))
    throw new DemographyRequestError(`No forecast "${requested}" has been delivered`, 'vintage');
  const vintage = requested ?? vintages[0] ?? null;
  const actualYears = facts.filter((f) => f.kind === 'actual').map((f) => f.year);
  const currentYear = actualYears.length > 0 ? Math.max(...actualYears) : null;
  const toYear = currentYear === null ? null : (budgetYear ?? currentYear + 1) + 3;
  const population = populationYears(facts, vintage, toYear ?? 0);
  const notes = ['Befolkningen pr. 1. januar (FOLK1A, 1. kvartal), leverancen population.'];
  if (currentYear === null) notes.push('Der er ingen faktiske befolkningstal (leverancen population).');
  if (vintage === null) notes.push('Der er ingen befolkningsprognose; kun faktiske tal vises.');
  if (budgetYear === null && currentYear !== null)
    notes.push(`Der er ingen budgetbalance (budget_plan); årene går til ${currentYear + 1} + 3.`);
  if (currentYear !== null && toYear !== null && vintage !== null) {
    const covered = new Set(population.years.map((y) => y.year));
    const gaps = Array.from({ length: toYear - currentYear }, (_, i) => currentYear + 1 + i).filter((y) => !covered.has(y));
    if (gaps.length > 0) notes.push(`Prognosen "${vintage}" har ingen tal for ${gaps.join(', ')}.`);
  }
  return { common: { currentYear, budgetYear, toYear, vintage, vintages, notes }, population };
}

/** Population by band, actual and forecast, from two years before the current year to the budget year + 3. */
export async function demography(ctx: ReadContext, vintage: string | null): Promise<Demography> {
  const { common, population } = await frame(ctx, vintage);
  const current = population.years.find((y) => y.year === common.currentYear);
  const shown = population.years.filter((y) => common.currentYear !== null && y.year >= common.currentYear - HISTORY_YEARS);
  const total = (bands: PopulationYear['bands']) => AGE_BANDS.reduce((sum, b) => sum + bands[b], 0);
  return {
    ...common,
    bands: [...AGE_BANDS],
    years: shown.map((y) => {
      const change = current ? bandChanges(y, current) : y.bands;
      return { year: y.year, kind: y.kind, bands: y.bands, total: total(y.bands), change, totalChange: total(change) };
    }),
  };
}

/** The latest year with actuals for all twelve months, else the newest original budget up to the current year. */
function unitCostBasis(
  amounts: Awaited<ReturnType<typeof repo.operatingAmounts>>,
  months: Map<number, number>,
  currentYear: number,
): UnitCostBasis | null {
  const full = [...months].filter(([, n]) => n === 12).map(([year]) => year);
  if (full.length > 0) return { year: Math.max(...full), amountType: 'actual' };
  const budgeted = amounts.filter((a) => a.amountType === 'original_budget').map((a) => a.year);
  const upToNow = budgeted.filter((y) => y <= currentYear);
  const pick = upToNow.length > 0 ? upToNow : budgeted;
  return pick.length > 0 ? { year: Math.max(...pick), amountType: 'original_budget' } : null;
}

type BenchmarkPrice = { unitCost: number; year: number; peerGroupName: string; methodName: string } | { missing: string };

async function benchmarkPrice(ctx: ReadContext, area: DemographyArea): Promise<BenchmarkPrice> {
  if (area.benchmarkArea === null) return { missing: 'Området har intet benchmarkområde med samme målgruppe.' };
  try {
    const result = await benchmarkArea(ctx, area.benchmarkArea, { ...BENCHMARK_DEFAULTS });
    if (result.benchmark === null) return { missing: `Benchmarket for ${area.benchmarkArea} har ingen værdi i ${result.year}.` };
    return { unitCost: result.benchmark, year: result.year, peerGroupName: result.peerGroupName, methodName: result.methodName };
  } catch (error) {
    if (error instanceof BenchmarkRequestError) return { missing: `Ingen benchmarkdata for ${area.benchmarkArea}.` };
    throw error;
  }
}

/** Demographic pressure per area and year, at own and at benchmark unit cost, beside the economy feed's budget. */
export async function demographyPressure(ctx: ReadContext, vintage: string | null): Promise<DemographyPressure> {
  const { common, population } = await frame(ctx, vintage);
  const areas = demographyAreas();
  if (common.currentYear === null || common.toYear === null) return { ...common, areas: [], totals: [] };
  const mainFunctions = areaMainFunctions(areas);
  const amounts = await repo.operatingAmounts(ctx.db, ctx.municipality, mainFunctions);
  const months = await repo.monthsWithActuals(ctx.db, ctx.municipality, mainFunctions);
  const basis = unitCostBasis(amounts, months, common.currentYear);
  const sumFor = (area: DemographyArea, year: number, type: 'actual' | 'original_budget') =>
    amounts
      .filter((a) => a.year === year && a.amountType === type && functionInArea(a.function, area))
      .reduce((s, a) => s + a.amount, 0);
  const budget = Object.fromEntries(
    areas.map((area) => {
      const years = [
        ...new Set(
          amounts.filter((a) => a.amountType === 'original_budget' && functionInArea(a.function, area)).map((a) => a.year),
        ),
      ];
      return [area.id, Object.fromEntries(years.map((y) => [y, sumFor(area, y, 'original_budget')]))];
    }),
  );
  const prices = new Map<string, BenchmarkPrice>();
  for (const area of areas) prices.set(area.id, await benchmarkPrice(ctx, area));
  const result = demographicPressure({
    areas,
    population: { currentYear: common.currentYear, years: population.years },
    toYear: common.toYear,
    basis,
    basisSpending: basis ? Object.fromEntries(areas.map((a) => [a.id, sumFor(a, basis.year, basis.amountType)])) : {},
    budget,
    benchmark: Object.fromEntries(prices),
  });
  return {
    ...common,
    notes: [...common.notes, ...pressureNotes(basis, areas)],
    areas: result.areas.map((p) => {
      const price = prices.get(p.area.id);
      return {
        id: p.area.id,
        name: p.area.name,
        ages: agesText(p.area.ages),
        functions: p.area.functions,
        inTotal: p.area.inTotal,
        benchmarkArea: p.area.benchmarkArea,
        ownUnitCost: p.ownUnitCost,
        ownMissing: p.ownMissing,
        benchmarkUnitCost: price && 'unitCost' in price ? price : null,
        benchmarkMissing: p.benchmarkMissing,
        years: p.years,
      };
    }),
    totals: result.totals,
  };
}

function pressureNotes(basis: UnitCostBasis | null, areas: readonly DemographyArea[]): string[] {
  const notes = [
    'Demografisk pres = ændringen i målgruppen mod det aktuelle år × enhedsudgiften.',
    basis
      ? `Egen enhedsudgift: nettodriftsudgifter (dranst 1+2) på områdets funktioner i ${basis.year} (${
          basis.amountType === 'actual' ? 'regnskab, seneste hele år' : 'oprindeligt budget; der er intet helt års regnskab'
        }) ÷ målgruppen samme år, løbende priser.`
      : 'Egen enhedsudgift mangler: økonomi-feedet har hverken et helt års regnskab eller et oprindeligt budget.',
    'Benchmark-enhedsudgift: benchmarksidens standard (gennemsnit af KORA-nabokommunerne inkl. egen kommune), seneste år, i benchmark-feedets faste priser.',
    'Budget: økonomi-feedets oprindelige budget (dranst 1+2) på områdets funktioner. Budgetbalancen (budget_plan) har ingen tal pr. område, så år uden budget i økonomi-feedet står tomme.',
  ];
  for (const area of areas.filter((a) => !a.inTotal))
    notes.push(`${area.name} måler samme udgift på en anden målgruppe og tælles ikke med i totalen.`);
  return notes;
}

/** The coming year's pressure for the Kerneopgaven tiles (refreshed in the publish transaction); null without population. */
export async function nextYearPressure(ctx: ReadContext): Promise<NextYearPressure | null> {
  const pressure = await demographyPressure(ctx, null);
  if (pressure.currentYear === null) return null;
  const next = pressure.currentYear + 1;
  const counted = pressure.areas.filter((a) => a.inTotal).map((a) => a.years.find((y) => y.year === next));
  const total = pressure.totals.find((t) => t.year === next);
  return {
    currentYear: pressure.currentYear,
    atOwnUnitCost: total?.atOwnUnitCost ?? null,
    atBenchmarkUnitCost: total?.atBenchmarkUnitCost ?? null,
    areasPriced: counted.filter((y) => y?.atOwnUnitCost != null).length,
    areasPricedAtBenchmark: counted.filter((y) => y?.atBenchmarkUnitCost != null).length,
  };
}
