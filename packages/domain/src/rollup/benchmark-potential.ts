import { benchmarkGap, benchmarkValue, unitCost } from '../benchmark.ts';
import { peerCodes } from '../benchmark-areas.ts';
import { periodRange } from '../period.ts';
import { emptyRow, type RollupRow } from './types.ts';

export interface BenchmarkFact {
  year: number;
  municipality: string;
  area: string;
  netExpenditure: number;
  targetPopulation: number;
  needIndex: number | null;
  batchId: number | null;
}

/**
 * benchmark_potential for every month of each year with data, at the root: the B2017 reading
 * (KORA neighbours with the own municipality, unweighted mean), positive gaps only, summed.
 */
export function benchmarkPotentialRollups(facts: readonly BenchmarkFact[], own: string, rootOrgId: string): RollupRow[] {
  const peers = new Set(peerCodes(own, 'kora', true).codes);
  const rows: RollupRow[] = [];
  for (const year of [...new Set(facts.map((f) => f.year))].sort()) {
    const ofYear = facts.filter((f) => f.year === year);
    let total = 0;
    let areas = 0;
    for (const area of new Set(ofYear.map((f) => f.area))) {
      const inArea = ofYear.filter((f) => f.area === area && f.targetPopulation > 0);
      const mine = inArea.find((f) => f.municipality === own);
      const benchmark = benchmarkValue(
        inArea.filter((f) => peers.has(f.municipality)),
        'mean',
        false,
      );
      if (!mine || benchmark === null) continue;
      const gap = benchmarkGap({
        ownUnitCost: unitCost(mine, false),
        benchmark,
        ownTargetPopulation: mine.targetPopulation,
        ownNeedIndex: mine.needIndex,
        needAdjusted: false,
      });
      total += Math.max(0, gap);
      areas++;
    }
    if (areas === 0) continue;
    const batchId = ofYear.reduce<number | null>(
      (b, f) => (f.batchId !== null && (b === null || f.batchId > b) ? f.batchId : b),
      null,
    );
    for (const period of periodRange(`${year}-01`, `${year}-12`)) {
      rows.push({ ...emptyRow(rootOrgId, period, 'benchmark_potential'), value: total, numerator: total, n: areas, batchId });
    }
  }
  return rows;
}
