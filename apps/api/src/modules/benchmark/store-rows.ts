/**
 * The benchmark from the store's own facts (source=store, issue 13): for each municipality of the
 * group with a closed year and its population in the store, net operating spending (actuals, dranst
 * 1+2) on the area's functions over all its units, per member of the area's target population, both
 * by the StatBank mapping the import uses. The figures of other municipalities are read on the owner
 * connection as sums per municipality only; the need index comes from the imported rows when they have it.
 */

import type { Database } from '@lis/db';
import { commonPriceYear, countOfAges, municipalityName } from '@lis/domain';
import type { Kysely } from 'kysely';
import type { ReadContext } from '../../lib/read-context.ts';
import { areaAges } from './area-functions.ts';
import * as importedRepo from './benchmark.repository.ts';
import { BenchmarkRequestError, type MunicipalityRef, type RowSource } from './benchmark.service.ts';
import * as repo from './store-figures.repository.ts';

type Row = importedRepo.BenchmarkRow & { year: number };

const STORE_SOURCE = 'Egne regnskabstal og befolkningstal i LIS';
const ref = (code: string): MunicipalityRef => ({ municipality: code, name: municipalityName(code) });

/** One year of the store's figures for the municipalities asked about. */
interface YearFigures {
  closed: string[];
  /** closed and with population for the year */
  withData: string[];
  rows: Row[];
}

async function yearFigures(
  owner: Kysely<Database>,
  ctx: ReadContext,
  year: number,
  codes: readonly string[],
): Promise<YearFigures> {
  const closed = await repo.closedAmong(owner, [...new Set([...codes, ctx.municipality])], year);
  const population = await repo.actualPopulation(owner, closed, year);
  const withData = closed.filter((code) => population.some((p) => p.municipality === code));
  const spending = await repo.areaSpending(owner, withData, year);
  const needIndex = new Map(
    (await importedRepo.rowsForYears(ctx.db, ctx.municipality, [year], null)).map((r) => [
      `${r.municipality}|${r.area}`,
      r.needIndex,
    ]),
  );
  const rows = spending.map(({ municipality, area, amount }) => {
    const ages = areaAges(area);
    const people =
      ages &&
      countOfAges(
        population.filter((p) => p.municipality === municipality),
        ages,
      );
    return {
      year,
      municipality,
      area,
      netExpenditure: amount,
      // ages the delivered bands cut through give no target population: the row is listed as excluded
      targetPopulation: people ?? 0,
      needIndex: needIndex.get(`${municipality}|${area}`) ?? null,
      priceYear: year,
    };
  });
  return { closed, withData, rows };
}

/** The rows from the store's own facts, read on `owner` (the primary, which sees every municipality). */
export function storeRows(owner: Kysely<Database>): RowSource {
  const years = new Map<string, Promise<YearFigures>>();
  const figures = (ctx: ReadContext, year: number, codes: readonly string[]) => {
    const key = `${year}|${[...codes].sort().join(',')}`;
    const cached = years.get(key) ?? yearFigures(owner, ctx, year, codes);
    years.set(key, cached);
    return cached;
  };
  return {
    kind: 'store',
    latestYear: async (ctx) => (await repo.closedPopulationYears(owner, ctx.municipality, false)).at(-1) ?? null,
    async coverage(ctx, year, codes) {
      const { closed, withData } = await figures(ctx, year, codes);
      const own = municipalityName(ctx.municipality);
      if (!closed.includes(ctx.municipality))
        throw new BenchmarkRequestError(
          `${year} is not a closed year for ${own} in this store (December ${year} has no actuals), so source=store has no own figures`,
          'year',
        );
      if (!withData.includes(ctx.municipality))
        throw new BenchmarkRequestError(`${own} has no actual population for ${year} in this store`, 'year');
      const peers = codes.filter((code) => code !== ctx.municipality);
      const present = peers.filter((code) => withData.includes(code));
      if (present.length === 0)
        throw new BenchmarkRequestError(
          `No municipality of the peer group has a closed year ${year} and population in this store (source=store); choose another group or source=statbank`,
          'peers',
        );
      return { withData: present.map(ref), missing: peers.filter((code) => !withData.includes(code)).map(ref) };
    },
    async rows(ctx, asked, area, codes) {
      const rows: Row[] = [];
      // one year after the other: a store may have a single connection
      for (const year of asked) rows.push(...(await figures(ctx, year, codes)).rows);
      return rows.filter((r) => area === null || r.area === area);
    },
    priceBasis: (priceYears) => {
      const year = commonPriceYear(priceYears);
      return year === null ? 'løbende priser' : `løbende ${year}-priser (regnskabsårets egne tal)`;
    },
    sourceText: async (_ctx, year) =>
      `${STORE_SOURCE}: regnskab ${year} (forbrug, dranst 1+2) på områdets funktioner i StatBank-kortlægningen over alle enheder, og befolkningen pr. 1. januar ${year}; udgiftsbehovsindeks fra de importerede benchmarktal, hvor de findes`,
  };
}

/** The years source=store answers for the municipality: closed, with population, and another municipality with the same. */
export const storeYears = (owner: Kysely<Database>, municipality: string) =>
  repo.closedPopulationYears(owner, municipality, true);
