import {
  type BenchmarkResult,
  type BenchmarkSource,
  type BenchmarkSummary,
  MAX_SAVED_PEER_GROUPS,
  type Role,
  roleCan,
} from '@lis/contracts';
import {
  areaName,
  BENCHMARK_CAVEAT,
  type BenchmarkMethod,
  BUILT_IN_PEER_GROUPS,
  benchmarkGap,
  benchmarkValue,
  commonPriceYear,
  findMunicipality,
  isBuiltInPeerGroup,
  METHOD_NAMES,
  methodNote,
  municipalityCount,
  municipalityName,
  ownRank,
  peerCodes,
  priceBasisText,
  trendPriceNote,
  trendYears,
  unitCost,
} from '@lis/domain';
import type { ReadContext } from '../../lib/read-context.ts';
import { storeCovers } from './area-functions.ts';
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

/** A save or delete of a peer group that is refused: someone else's group, or the cap reached. */
export class PeerGroupRefusal extends Error {
  constructor(
    message: string,
    readonly statusCode: 403 | 409,
    readonly code: 'peer_group_not_owner' | 'peer_group_limit',
  ) {
    super(message);
  }
}

/** Who saves or reads the peer groups: the principal's name and role. */
export interface Caller {
  name: string;
  role: Role;
}

/** A municipality by code and name, as the answers list them. */
export interface MunicipalityRef {
  municipality: string;
  name: string;
}

/**
 * Where the rows of a benchmark come from: the imported figures (the benchmark table) or the
 * store's own facts (store-rows.ts). The methods, groups and potentials are the same for both.
 */
export interface RowSource {
  kind: BenchmarkSource;
  /** the year when none is asked for */
  latestYear(ctx: ReadContext): Promise<number | null>;
  /** which of the group (other than the own) have figures; null when the source does not say. Throws BenchmarkRequestError. */
  coverage(
    ctx: ReadContext,
    year: number,
    codes: readonly string[],
  ): Promise<{ withData: MunicipalityRef[]; missing: MunicipalityRef[] } | null>;
  /** the rows of the years for the group and the own municipality (others may come along) */
  rows(
    ctx: ReadContext,
    years: readonly number[],
    area: string | null,
    codes: readonly string[],
  ): Promise<(repo.BenchmarkRow & { year: number })[]>;
  /** the price basis of rows with these price years */
  priceBasis(priceYears: readonly (number | null)[]): string;
  /** where the year's figures (of one area, or all) come from */
  sourceText(ctx: ReadContext, year: number, area: string | null): Promise<string>;
}

const priceBase = (basis: string) => `Nettodriftsudgifter (dranst 1+2), ${basis}`;

/** The imported figures: Danmarks Statistik's StatBank or the benchmark feed (the default source). */
export const IMPORTED_ROWS: RowSource = {
  kind: 'statbank',
  latestYear: (ctx) => repo.latestYear(ctx.db, ctx.municipality),
  coverage: async () => null,
  rows: (ctx, years, area) => repo.rowsForYears(ctx.db, ctx.municipality, years, area),
  priceBasis: priceBasisText,
  sourceText: async (ctx, year, area) => sourceText(await repo.sourcesOf(ctx.db, ctx.municipality, year, area)),
};

async function basis(ctx: ReadContext, options: BenchmarkOptions, source: RowSource) {
  const year = options.year ?? (await source.latestYear(ctx));
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
  const storePeers = await source.coverage(ctx, year, group.codes);
  return {
    year,
    codes: group.codes,
    common: {
      sourceKind: source.kind,
      storePeers,
      year,
      method: options.method,
      methodName: METHOD_NAMES[options.method],
      peerGroup: options.peers,
      peerGroupName: group.name,
      includeOwn: options.includeOwn,
      needAdjusted: options.needAdjusted,
      caveat: BENCHMARK_CAVEAT,
    },
  };
}

/** The price year and the source of the rows a figure is made of (the own municipality's and the group's). */
async function provenance(
  ctx: ReadContext,
  source: RowSource,
  year: number,
  area: string | null,
  rows: readonly repo.BenchmarkRow[],
) {
  const priceYears = rows.map((r) => r.priceYear);
  const basis = source.priceBasis(priceYears);
  return {
    priceBase: priceBase(basis),
    priceYear: commonPriceYear(priceYears),
    priceBasis: basis,
    source: await source.sourceText(ctx, year, area),
  };
}

const STATBANK_FILE = 'statbank/';

/** StatBank imports by their extracts, other deliveries by batch and file. */
function sourceText(batches: readonly { batchId: number; fileName: string; fromDemo: boolean }[]): string {
  const statbank = batches.filter((b) => b.fileName.startsWith(STATBANK_FILE));
  const delivered = batches.filter((b) => !b.fileName.startsWith(STATBANK_FILE));
  const parts = [];
  if (statbank.length > 0) {
    const extracts = statbank.flatMap((b) => b.fileName.slice(STATBANK_FILE.length).split('+'));
    parts.push(`Danmarks Statistik, Statistikbanken (udtræk: ${[...new Set(extracts)].join(', ')}), CC BY 4.0`);
  }
  if (delivered.length > 0) {
    const files = delivered.map((b) => `levering ${b.batchId} (${b.fileName})`).join(', ');
    parts.push(`${delivered.every((b) => b.fromDemo) ? 'Demodata i benchmark-feedet' : 'Benchmark-feedet'}: ${files}`);
  }
  return parts.join('; ') || 'ingen leveringer';
}

/** The rows of the municipalities a result is about: the group and the own municipality. */
const concerning = (ctx: ReadContext, rows: readonly repo.BenchmarkRow[], codes: readonly string[]) => {
  const concerned = new Set([...codes, ctx.municipality]);
  return rows.filter((r) => concerned.has(r.municipality));
};

/** A peer group saved under a name, as the built-in groups are: own municipality in or out. */
async function savedGroup(ctx: ReadContext, name: string, includeOwn: boolean) {
  const saved = (await repo.listPeerGroups(ctx.db, ctx.municipality)).find((g) => g.name === name);
  if (!saved) throw new RangeError(`There is no saved peer group "${name}"`);
  const group = peerCodes(ctx.municipality, saved.municipalities.join(','), includeOwn);
  return { codes: group.codes, name: `${name} (${municipalityCount(group.codes.length)})` };
}

/** One year's rows, without the year. */
const rowsOfYear = async (ctx: ReadContext, source: RowSource, year: number, area: string | null, codes: readonly string[]) =>
  (await source.rows(ctx, [year], area, codes)).map(({ year: _, ...row }) => row);

/** A row without a positive target population has no unit cost: it is left out of every figure, and listed. */
const usable = (row: repo.BenchmarkRow) => row.targetPopulation > 0;

function evaluate(ctx: ReadContext, rows: readonly repo.BenchmarkRow[], codes: readonly string[], options: BenchmarkOptions) {
  const byCode = new Map(rows.filter(usable).map((r) => [r.municipality, r]));
  const concerned = new Set([...codes, ctx.municipality]);
  const excluded = rows
    .filter((r) => !usable(r) && concerned.has(r.municipality))
    .map((r) => ({
      municipality: r.municipality,
      name: municipalityName(r.municipality),
      reason: 'no_target_population' as const,
    }));
  const excludedCodes = new Set(excluded.map((e) => e.municipality));
  const peerRows = codes.flatMap((code) => byCode.get(code) ?? []);
  const own = byCode.get(ctx.municipality) ?? null;
  const cost = (row: repo.BenchmarkRow) => unitCost(row, options.needAdjusted);
  const benchmark = benchmarkValue(peerRows, options.method, options.needAdjusted);
  const ownUnitCost = own ? cost(own) : null;
  const groupCosts = peerRows.map(cost);
  const rank =
    ownUnitCost === null
      ? null
      : ownRank(
          ownUnitCost,
          groupCosts,
          peerRows.some((r) => r.municipality === ctx.municipality),
        );
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
        name: municipalityName(row.municipality),
        unitCost: cost(row),
        isOwn: row.municipality === ctx.municipality,
      }))
      .sort((a, b) => a.unitCost - b.unitCost),
    own,
    ownUnitCost,
    benchmark,
    gap,
    rank,
    missing: codes
      .filter((code) => !byCode.has(code) && !excludedCodes.has(code))
      .map((code) => ({ municipality: code, name: municipalityName(code) })),
    excluded,
  };
}

/** Unit costs of the peers for one area and year, the benchmark by the chosen method, and the potential. */
export async function benchmarkArea(
  ctx: ReadContext,
  area: string,
  options: BenchmarkOptions,
  source: RowSource = IMPORTED_ROWS,
): Promise<BenchmarkResult> {
  const { year, codes, common } = await basis(ctx, options, source);
  const rows = await rowsOfYear(ctx, source, year, area, codes);
  if (rows.length === 0) throw new BenchmarkRequestError(`No benchmark data for ${area} in ${year}`, 'area');
  const result = guard(() => evaluate(ctx, rows, codes, options));
  const trend = await areaTrend(ctx, source, area, year, codes, options);
  return {
    area,
    areaName: areaName(area),
    ...common,
    ...(await provenance(ctx, source, year, area, concerning(ctx, rows, codes))),
    methodNote: methodNote(options.method, result.peers.length),
    peers: result.peers,
    own: {
      municipality: ctx.municipality,
      name: municipalityName(ctx.municipality),
      netExpenditure: result.own?.netExpenditure ?? null,
      unitCost: result.ownUnitCost,
      targetPopulation: result.own?.targetPopulation ?? null,
      needIndex: result.own?.needIndex ?? null,
    },
    benchmark: result.benchmark,
    gap: result.gap,
    potential: Math.max(0, result.gap ?? 0),
    missing: result.missing,
    excluded: result.excluded,
    rank: result.rank,
    trend: trend.map(({ hasData: _, ...point }) => point),
    trendNote: trendPriceNote(trend),
  };
}

/**
 * Own unit cost and benchmark of the year and the two before, by the same method and group. A year
 * without rows, or whose rows cannot give the figure (e.g. no need index), is a gap in the line.
 */
async function areaTrend(
  ctx: ReadContext,
  source: RowSource,
  area: string,
  year: number,
  codes: readonly string[],
  options: BenchmarkOptions,
) {
  const years = trendYears(year);
  const rows = await source.rows(ctx, years, area, codes);
  return years.map((y) => {
    const ofYear = concerning(
      ctx,
      rows.filter((r) => r.year === y),
      codes,
    );
    const empty = { year: y, ownUnitCost: null, benchmark: null, priceYear: null, hasData: false };
    if (ofYear.length === 0) return empty;
    try {
      const result = evaluate(ctx, ofYear, codes, options);
      return {
        year: y,
        ownUnitCost: result.ownUnitCost,
        benchmark: result.benchmark,
        priceYear: commonPriceYear(ofYear.map((r) => r.priceYear)),
        hasData: true,
      };
    } catch (error) {
      if ((error as Error).name === 'BenchmarkInputError') return empty;
      throw error;
    }
  });
}

/** Every area: the potential where the municipality is over the benchmark, never netted against areas under it. */
export async function benchmarkSummary(
  ctx: ReadContext,
  options: BenchmarkOptions,
  source: RowSource = IMPORTED_ROWS,
): Promise<BenchmarkSummary> {
  const { year, codes, common } = await basis(ctx, options, source);
  const rows = await rowsOfYear(ctx, source, year, null, codes);
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
      excluded: result.excluded,
      rank: result.rank,
    } as const;
  });
  return {
    ...common,
    ...(await provenance(ctx, source, year, null, concerning(ctx, rows, codes))),
    methodNote: methodNote(options.method, codes.length),
    areas: results,
    totalPotential: results.reduce((s, r) => s + r.potential, 0),
  };
}

/** The owner of a saved group, or an admin, may replace or delete it (ADR 0003). */
const mayChange = (caller: Caller, owner: string) => caller.role === 'admin' || caller.name === owner;

/** The built-in peer groups and the ones saved in the municipality, each saying whether the caller may change it. */
export async function peerGroups(ctx: ReadContext, caller: Caller) {
  const writes = roleCan(caller.role, 'benchmark:write');
  const builtIn = BUILT_IN_PEER_GROUPS.map((name) => {
    const group = peerCodes(ctx.municipality, name, false);
    return { name, municipalities: group.codes, builtIn: true, description: group.name, owner: null, mayChange: false };
  });
  const saved = (await repo.listPeerGroups(ctx.db, ctx.municipality)).map((g) => ({
    name: g.name,
    municipalities: g.municipalities,
    builtIn: false,
    description: `Gemt liste: ${g.municipalities.map(municipalityName).join(', ')}`,
    owner: g.owner,
    mayChange: writes && mayChange(caller, g.owner),
  }));
  return [...builtIn, ...saved];
}

const notOwner = (name: string, owner: string, what: string) =>
  new PeerGroupRefusal(
    `The peer group "${name}" was saved by ${owner}; only they or an admin may ${what} it`,
    403,
    'peer_group_not_owner',
  );

/**
 * Saves a new group (owned by the caller) or replaces the municipalities of an existing one (its
 * owner's or an admin's call). Returns what happened, for the audit log.
 */
export async function savePeerGroup(
  ctx: ReadContext,
  name: string,
  codes: readonly string[],
  caller: Caller,
): Promise<{ change: 'created' | 'replaced'; owner: string; municipalities: string[] }> {
  if (isBuiltInPeerGroup(name)) throw new BenchmarkRequestError(`"${name}" is a built-in peer group`, 'name');
  const unknown = codes.filter((code) => !findMunicipality(code));
  if (unknown.length > 0) throw new BenchmarkRequestError(`Unknown municipality codes: ${unknown.join(', ')}`, 'municipalities');
  const municipalities = [...new Set(codes)].sort();
  const existing = await repo.findPeerGroup(ctx.db, ctx.municipality, name);
  if (existing) {
    if (!mayChange(caller, existing.owner)) throw notOwner(name, existing.owner, 'replace');
    await repo.replacePeerGroup(ctx.db, ctx.municipality, name, municipalities);
    return { change: 'replaced', owner: existing.owner, municipalities };
  }
  const group = { name, codes: municipalities, owner: caller.name };
  if (await repo.insertPeerGroup(ctx.db, ctx.municipality, group, MAX_SAVED_PEER_GROUPS))
    return { change: 'created', owner: caller.name, municipalities };
  // saved by someone else a moment ago: now a replace, with its owner check
  if (await repo.findPeerGroup(ctx.db, ctx.municipality, name)) return savePeerGroup(ctx, name, codes, caller);
  throw new PeerGroupRefusal(
    `The municipality has ${MAX_SAVED_PEER_GROUPS} saved peer groups, the most there may be; delete one first`,
    409,
    'peer_group_limit',
  );
}

/** Deletes a saved group (its owner's or an admin's call); null when there is none by the name. */
export async function deletePeerGroup(ctx: ReadContext, name: string, caller: Caller): Promise<{ owner: string } | null> {
  const existing = await repo.findPeerGroup(ctx.db, ctx.municipality, name);
  if (!existing) return null;
  if (!mayChange(caller, existing.owner)) throw notOwner(name, existing.owner, 'delete');
  return (await repo.deletePeerGroup(ctx.db, ctx.municipality, name)) ? existing : null;
}

/** The areas with imported figures and their years; `storeYears` are the years source=store answers, for the areas it covers. */
export async function benchmarkAreas(ctx: ReadContext, storeYears: readonly number[]) {
  return (await repo.areasAndYears(ctx.db, ctx.municipality)).map((r) => ({
    area: r.area,
    name: areaName(r.area),
    years: r.years,
    storeYears: storeCovers(r.area) ? [...storeYears] : [],
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
