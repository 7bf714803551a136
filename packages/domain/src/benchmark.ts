/**
 * Benchmark of unit costs against comparable municipalities and the efficiency potential
 * (domain.md §6). Whether the own municipality belongs in the peer list is the caller's choice
 * (KORA included it); these functions use exactly the peers they are given.
 */
import { mean, percentileInc } from './stats.ts';

export type BenchmarkMethod = 'mean' | 'weighted' | 'median' | 'best_quartile' | 'mean_5_cheapest' | 'cheapest';

export interface BenchmarkPeer {
  /** kommunekode, e.g. '849' */
  municipality: string;
  /** net operating spending for the area, DKK (dranst 1+2, fixed prices) */
  netExpenditure: number;
  /** the area's target population, e.g. 0–5-year-olds */
  targetPopulation: number;
  /** expenditure-need index (udgiftsbehov), 1 = national average; null when not delivered */
  needIndex: number | null;
}

/** Input that cannot give a meaningful unit cost; the message names the municipality. */
export class BenchmarkInputError extends Error {
  override name = 'BenchmarkInputError';
}

/**
 * DKK per member of the target population, divided by the need index when need-adjusted.
 * Throws BenchmarkInputError when the population is not positive, or when a need adjustment is
 * asked for and the need index is missing or not positive: leaving such a peer out silently would
 * change the peer group behind the user's back, so the caller must decide (e.g. offer need
 * adjustment only when every peer has an index).
 */
export function unitCost(peer: BenchmarkPeer, needAdjusted: boolean): number {
  return adjustedExpenditure(peer, needAdjusted) / positivePopulation(peer);
}

/** The benchmark b over the peers by the chosen method; null for no peers. */
export function benchmarkValue(peers: readonly BenchmarkPeer[], method: BenchmarkMethod, needAdjusted: boolean): number | null {
  if (peers.length === 0) return null;
  if (method === 'weighted') {
    // Σ spending / Σ population: how national averages are formed, big municipalities weigh more.
    const spending = sum(peers.map((peer) => adjustedExpenditure(peer, needAdjusted)));
    return spending / sum(peers.map(positivePopulation));
  }
  const costs = peers.map((peer) => unitCost(peer, needAdjusted)).sort((a, b) => a - b);
  switch (method) {
    case 'mean':
      return mean(costs);
    case 'median':
      return percentileInc(costs, 0.5);
    case 'best_quartile':
      // Low cost is "best", so the best quartile is the 25th percentile.
      return percentileInc(costs, 0.25);
    case 'mean_5_cheapest':
      return mean(costs.slice(0, CHEAPEST_COUNT));
    case 'cheapest':
      return costs[0] ?? null;
  }
}

export interface Rank {
  /** 1 = the lowest unit cost; equal unit costs share a rank (1, 2, 2, 4) */
  position: number;
  /** how many are ranked: the group, plus the own municipality when it is not in the group */
  of: number;
  /** whether the own municipality is one of the group's members */
  ownInGroup: boolean;
}

/**
 * The own municipality's place among the group by unit cost, lowest = 1 ("nr. 85 af 98"). Ties
 * share the better place (competition ranking: 1 + how many are strictly cheaper). A group without
 * the own municipality is ranked with it added, so that the place is still among real kommuner.
 */
export function ownRank(ownUnitCost: number, groupUnitCosts: readonly number[], ownInGroup: boolean): Rank {
  const cheaper = groupUnitCosts.filter((cost) => cost < ownUnitCost).length;
  return { position: cheaper + 1, of: groupUnitCosts.length + (ownInGroup ? 0 : 1), ownInGroup };
}

/** How many the "mean of the cheapest" method averages. */
export const CHEAPEST_COUNT = 5;

/**
 * Whether the chosen method is in fact the plain mean of the group: "mean of the 5 cheapest" over
 * a group of 5 or fewer averages every member.
 */
export const methodIsGroupMean = (method: BenchmarkMethod, groupSize: number): boolean =>
  method === 'mean_5_cheapest' && groupSize <= CHEAPEST_COUNT;

/** The sentence that says so, for the page and the API's method description; null when it does not apply. */
export function methodNote(method: BenchmarkMethod, groupSize: number): string | null {
  if (!methodIsGroupMean(method, groupSize)) return null;
  return `Gruppen har ${groupSize} ${groupSize === 1 ? 'kommune' : 'kommuner'} med tal, så gennemsnittet af de ${CHEAPEST_COUNT} billigste er det samme som gruppens gennemsnit.`;
}

export interface PotentialInput {
  /** the own unit cost, on the same basis as the benchmark (need-adjusted or not) */
  ownUnitCost: number;
  benchmark: number;
  ownTargetPopulation: number;
  ownNeedIndex: number | null;
  needAdjusted: boolean;
}

/**
 * Signed gap in DKK: (u_own − b) × own target population; negative = under the benchmark.
 * Need-adjusted unit costs are in "DKK per need-weighted person", so the gap is multiplied back
 * by the own need index to be real DKK: own spending minus what the benchmark level would cost
 * at the own need (u_own × index × population = the own spending).
 */
export function benchmarkGap(input: PotentialInput): number {
  const gap = (input.ownUnitCost - input.benchmark) * input.ownTargetPopulation;
  if (!input.needAdjusted) return gap;
  if (input.ownNeedIndex === null || !(input.ownNeedIndex > 0)) {
    throw new BenchmarkInputError('The own need index is missing or not positive, so a need-adjusted potential cannot be given');
  }
  return gap * input.ownNeedIndex;
}

/** Efficiency potential in DKK: max(0, gap). A gap is "not a concrete saving" (KORA) until accounting is checked. */
export const potential = (input: PotentialInput): number => Math.max(0, benchmarkGap(input));

export interface AreaGap {
  area: string;
  /** signed gap in DKK, see benchmarkGap */
  gap: number;
}

export interface PotentialSummary {
  /** the sum of the positive gaps only: areas under the benchmark never offset those above */
  total: number;
  overBenchmark: AreaGap[];
  underBenchmark: AreaGap[];
  atBenchmark: AreaGap[];
}

/** Splits the areas by the sign of their gap, keeping the given order. */
export function summarisePotentials(areas: readonly AreaGap[]): PotentialSummary {
  const overBenchmark = areas.filter((a) => a.gap > 0);
  return {
    total: sum(overBenchmark.map((a) => a.gap)),
    overBenchmark,
    underBenchmark: areas.filter((a) => a.gap < 0),
    atBenchmark: areas.filter((a) => a.gap === 0),
  };
}

function adjustedExpenditure(peer: BenchmarkPeer, needAdjusted: boolean): number {
  if (!needAdjusted) return peer.netExpenditure;
  if (peer.needIndex === null || !(peer.needIndex > 0)) {
    throw new BenchmarkInputError(`Municipality ${peer.municipality} has no positive need index; cannot need-adjust`);
  }
  return peer.netExpenditure / peer.needIndex;
}

function positivePopulation(peer: BenchmarkPeer): number {
  if (!(peer.targetPopulation > 0)) {
    throw new BenchmarkInputError(`Municipality ${peer.municipality} has no target population; no unit cost`);
  }
  return peer.targetPopulation;
}

const sum = (values: readonly number[]): number => values.reduce((total, v) => total + v, 0);
