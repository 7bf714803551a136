import type { BenchmarkResult, BenchmarkSummary } from '@lis/contracts';
import {
  areaName,
  BENCHMARK_CAVEAT,
  type BenchmarkMethod,
  benchmarkGap,
  benchmarkValue,
  findMunicipality,
  METHOD_NAMES,
  peerCodes,
  unitCost,
} from '@lis/domain';
import type { ReadContext } from '../kpi/indicators.service.ts';
import * as repo from './benchmark.repository.ts';

export interface BenchmarkOptions {
  year: number | null;
  peers: string;
  method: BenchmarkMethod;
  includeOwn: boolean;
  needAdjusted: boolean;
}

export class BenchmarkRequestError extends Error {
  constructor(
    message: string,
    readonly parameter: string,
  ) {
    super(message);
  }
}

const PRICE_BASE = 'Nettodriftsudgifter (dranst 1+2) i faste priser, som leveret i benchmark-feedet';
const nameOf = (code: string) => findMunicipality(code)?.name ?? code;

async function basis(ctx: ReadContext, options: BenchmarkOptions) {
  const year = options.year ?? (await repo.latestYear(ctx.db, ctx.municipality));
  if (year === null) throw new BenchmarkRequestError('No benchmark data has been loaded', 'year');
  let group: { codes: string[]; name: string };
  try {
    group = options.peers.startsWith('saved:')
      ? await savedGroup(ctx, options.peers.slice(6), options.includeOwn)
      : peerCodes(ctx.municipality, options.peers, options.includeOwn);
  } catch (error) {
    throw new BenchmarkRequestError((error as Error).message, 'peers');
  }
  if (group.codes.length === 0) throw new BenchmarkRequestError('The peer group is empty', 'peers');
  return {
    year,
    codes: group.codes,
    common: {
      year,
      method: options.method,
      methodName: METHOD_NAMES[options.method],
      peerGroup: options.peers,
      peerGroupName: group.name,
      includeOwn: options.includeOwn,
      needAdjusted: options.needAdjusted,
      priceBase: PRICE_BASE,
      caveat: BENCHMARK_CAVEAT,
    },
  };
}

/** A peer group saved under a name, as the built-in groups are: own municipality in or out. */
async function savedGroup(ctx: ReadContext, name: string, includeOwn: boolean) {
  const saved = (await repo.listPeerGroups(ctx.db, ctx.municipality)).find((g) => g.name === name);
  if (!saved) throw new RangeError(`There is no saved peer group "${name}"`);
  const group = peerCodes(ctx.municipality, saved.municipalities.join(','), includeOwn);
  return { codes: group.codes, name: `${name} (${group.codes.length} kommuner)` };
}

function evaluate(ctx: ReadContext, rows: readonly repo.BenchmarkRow[], codes: readonly string[], options: BenchmarkOptions) {
  const byCode = new Map(rows.map((r) => [r.municipality, r]));
  const peerRows = codes.flatMap((code) => byCode.get(code) ?? []);
  const own = byCode.get(ctx.municipality) ?? null;
  const cost = (row: repo.BenchmarkRow) => unitCost(row, options.needAdjusted);
  const benchmark = benchmarkValue(peerRows, options.method, options.needAdjusted);
  const ownUnitCost = own ? cost(own) : null;
  const gap =
    own && ownUnitCost !== null && benchmark !== null
      ? benchmarkGap({
          ownUnitCost,
          benchmark,
          ownTargetPopulation: own.targetPopulation,
          ownNeedIndex: own.needIndex,
          needAdjusted: options.needAdjusted,
        })
      : null;
  return {
    peers: peerRows
      .map((row) => ({
        ...row,
        name: nameOf(row.municipality),
        unitCost: cost(row),
        isOwn: row.municipality === ctx.municipality,
      }))
      .sort((a, b) => a.unitCost - b.unitCost),
    own,
    ownUnitCost,
    benchmark,
    gap,
    missing: codes.filter((code) => !byCode.has(code)).map((code) => ({ municipality: code, name: nameOf(code) })),
  };
}

/** Unit costs of the peers for one area and year, the benchmark by the chosen method, and the potential. */
export async function benchmarkArea(ctx: ReadContext, area: string, options: BenchmarkOptions): Promise<BenchmarkResult> {
  const { year, codes, common } = await basis(ctx, options);
  const rows = await repo.rowsFor(ctx.db, ctx.municipality, year, area);
  if (rows.length === 0) throw new BenchmarkRequestError(`No benchmark data for ${area} in ${year}`, 'area');
  const result = guard(() => evaluate(ctx, rows, codes, options));
  return {
    area,
    areaName: areaName(area),
    ...common,
    peers: result.peers,
    own: {
      municipality: ctx.municipality,
      name: nameOf(ctx.municipality),
      netExpenditure: result.own?.netExpenditure ?? null,
      unitCost: result.ownUnitCost,
      targetPopulation: result.own?.targetPopulation ?? null,
      needIndex: result.own?.needIndex ?? null,
    },
    benchmark: result.benchmark,
    gap: result.gap,
    potential: Math.max(0, result.gap ?? 0),
    missing: result.missing,
  };
}

/** Every area: the potential where the municipality is over the benchmark, never netted against areas under it. */
export async function benchmarkSummary(ctx: ReadContext, options: BenchmarkOptions): Promise<BenchmarkSummary> {
  const { year, codes, common } = await basis(ctx, options);
  const rows = await repo.rowsFor(ctx.db, ctx.municipality, year, null);
  const areas = [...new Set(rows.map((r) => r.area))].sort();
  const results = areas.map((area) => {
    const result = guard(() =>
      evaluate(
        ctx,
        rows.filter((r) => r.area === area),
        codes,
        options,
      ),
    );
    const gap = result.gap;
    const position = gap === null ? 'no_data' : gap > 0 ? 'over' : gap < 0 ? 'under' : 'at';
    return {
      area,
      areaName: areaName(area),
      ownUnitCost: result.ownUnitCost,
      benchmark: result.benchmark,
      gap,
      potential: Math.max(0, gap ?? 0),
      position,
    } as const;
  });
  return { ...common, areas: results, totalPotential: results.reduce((s, r) => s + r.potential, 0) };
}

/** The built-in peer groups and the ones saved in the municipality. */
export async function peerGroups(ctx: ReadContext) {
  const builtIn = (['kora', 'kommunegruppe', 'region', 'all'] as const).map((name) => {
    const group = peerCodes(ctx.municipality, name, false);
    return { name, municipalities: group.codes, builtIn: true, description: group.name };
  });
  const saved = (await repo.listPeerGroups(ctx.db, ctx.municipality)).map((g) => ({
    name: g.name,
    municipalities: g.municipalities,
    builtIn: false,
    description: `Gemt liste: ${g.municipalities.map(nameOf).join(', ')}`,
  }));
  return [...builtIn, ...saved];
}

const BUILT_IN = new Set(['kora', 'kommunegruppe', 'region', 'all']);

export async function savePeerGroup(ctx: ReadContext, name: string, codes: readonly string[], createdBy: string) {
  if (BUILT_IN.has(name)) throw new BenchmarkRequestError(`"${name}" is a built-in peer group`, 'name');
  const unknown = codes.filter((code) => !findMunicipality(code));
  if (unknown.length > 0) throw new BenchmarkRequestError(`Unknown municipality codes: ${unknown.join(', ')}`, 'municipalities');
  await repo.savePeerGroup(ctx.db, ctx.municipality, name, [...new Set(codes)].sort(), createdBy);
}

export const deletePeerGroup = (ctx: ReadContext, name: string) => repo.deletePeerGroup(ctx.db, ctx.municipality, name);

export async function benchmarkAreas(ctx: ReadContext) {
  return (await repo.areasAndYears(ctx.db, ctx.municipality)).map((r) => ({
    area: r.area,
    name: areaName(r.area),
    years: r.years,
  }));
}

function guard<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if ((error as Error).name === 'BenchmarkInputError')
      throw new BenchmarkRequestError((error as Error).message, 'needAdjusted');
    throw error;
  }
}
