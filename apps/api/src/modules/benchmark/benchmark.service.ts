import { type BenchmarkResult, type BenchmarkSummary, MAX_SAVED_PEER_GROUPS, type Role, roleCan } from '@lis/contracts';
import {
  areaName,
  BENCHMARK_CAVEAT,
  type BenchmarkMethod,
  BUILT_IN_PEER_GROUPS,
  benchmarkGap,
  benchmarkValue,
  findMunicipality,
  isBuiltInPeerGroup,
  METHOD_NAMES,
  peerCodes,
  unitCost,
} from '@lis/domain';
import type { ReadContext } from '../../lib/read-context.ts';
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

/** A row without a positive target population has no unit cost: it is left out of every figure, and listed. */
const usable = (row: repo.BenchmarkRow) => row.targetPopulation > 0;

function evaluate(ctx: ReadContext, rows: readonly repo.BenchmarkRow[], codes: readonly string[], options: BenchmarkOptions) {
  const byCode = new Map(rows.filter(usable).map((r) => [r.municipality, r]));
  const concerned = new Set([...codes, ctx.municipality]);
  const excluded = rows
    .filter((r) => !usable(r) && concerned.has(r.municipality))
    .map((r) => ({ municipality: r.municipality, name: nameOf(r.municipality), reason: 'no_target_population' as const }));
  const excludedCodes = new Set(excluded.map((e) => e.municipality));
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
    missing: codes
      .filter((code) => !byCode.has(code) && !excludedCodes.has(code))
      .map((code) => ({ municipality: code, name: nameOf(code) })),
    excluded,
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
    excluded: result.excluded,
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
      excluded: result.excluded,
    } as const;
  });
  return { ...common, areas: results, totalPotential: results.reduce((s, r) => s + r.potential, 0) };
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
    description: `Gemt liste: ${g.municipalities.map(nameOf).join(', ')}`,
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
