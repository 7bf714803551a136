import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BenchmarkInputError,
  type BenchmarkMethod,
  type BenchmarkPeer,
  benchmarkGap,
  benchmarkValue,
  potential,
  summarisePotentials,
  unitCost,
} from '../src/benchmark.ts';

const peer = (
  municipality: string,
  netExpenditure: number,
  targetPopulation: number,
  needIndex: number | null,
): BenchmarkPeer => ({
  municipality,
  netExpenditure,
  targetPopulation,
  needIndex,
});

// unit cost = net / population; need-adjusted = unit cost / need index
const PEERS = [
  peer('787', 100_000_000, 2_000, 1.25), // 50.000; adjusted 40.000
  peer('860', 240_000_000, 4_000, 1.2), // 60.000; adjusted 50.000
  peer('810', 88_000_000, 2_000, 1.1), // 44.000; adjusted 40.000
  peer('820', 110_000_000, 2_500, 0.8), // 44.000; adjusted 55.000
  peer('849', 130_000_000, 2_600, 1.0), // 50.000; adjusted 50.000
  peer('773', 45_000_000, 1_000, 0.9), // 45.000; adjusted 50.000
];
// sorted unit costs:    44.000  44.000  45.000  50.000  50.000  60.000
// sorted need-adjusted: 40.000  40.000  50.000  50.000  50.000  55.000

describe('unitCost', () => {
  it('divides spending by the target population, and by the need index when adjusted', () => {
    expect(unitCost(PEERS[0] as BenchmarkPeer, false)).toBe(50_000); // 100.000.000 / 2.000
    expect(unitCost(PEERS[0] as BenchmarkPeer, true)).toBe(40_000); // 50.000 / 1,25
  });

  it('does not need a need index when not adjusting', () => {
    expect(unitCost(peer('849', 1_000, 10, null), false)).toBe(100);
  });

  it('refuses to need-adjust without an index, naming the municipality', () => {
    expect(() => unitCost(peer('849', 1_000, 10, null), true)).toThrow(BenchmarkInputError);
    expect(() => unitCost(peer('849', 1_000, 10, null), true)).toThrow(/849/);
    expect(() => unitCost(peer('849', 1_000, 10, 0), true)).toThrow(BenchmarkInputError);
  });

  it('refuses a target population of 0', () => {
    expect(() => unitCost(peer('860', 1_000, 0, 1), false)).toThrow(/860/);
  });
});

describe('benchmarkValue', () => {
  it.each([
    ['mean', 293_000 / 6], // (44 + 44 + 45 + 50 + 50 + 60) × 1.000 / 6 = 48.833,33
    ['weighted', 713_000_000 / 14_100], // Σ net 713 mio. / Σ population 14.100 = 50.567,38
    ['median', 47_500], // rank 2,5: (45.000 + 50.000) / 2
    ['best_quartile', 44_250], // rank 0,25 × 5 = 1,25: 44.000 + 0,25 × (45.000 − 44.000)
    ['mean_5_cheapest', 46_600], // (44 + 44 + 45 + 50 + 50) × 1.000 / 5
    ['cheapest', 44_000],
  ] as const)('%s without need adjustment = %d', (method, expected) => {
    expect(benchmarkValue(PEERS, method, false)).toBeCloseTo(expected, 6);
  });

  it.each([
    ['mean', 47_500], // (40 + 40 + 50 + 50 + 50 + 55) × 1.000 / 6 = 285.000 / 6
    // Σ net / need = 80 + 200 + 80 + 137,5 + 130 + 50 = 677,5 mio.; / 14.100 = 48.049,65
    ['weighted', 677_500_000 / 14_100],
    ['median', 50_000], // rank 2,5: (50.000 + 50.000) / 2
    ['best_quartile', 42_500], // rank 1,25: 40.000 + 0,25 × (50.000 − 40.000)
    ['mean_5_cheapest', 46_000], // (40 + 40 + 50 + 50 + 50) × 1.000 / 5
    ['cheapest', 40_000],
  ] as const)('%s with need adjustment = %d', (method, expected) => {
    expect(benchmarkValue(PEERS, method, true)).toBeCloseTo(expected, 6);
  });

  it('takes the mean of all peers when there are fewer than 5', () => {
    // 50.000, 60.000, 44.000 → 154.000 / 3
    expect(benchmarkValue(PEERS.slice(0, 3), 'mean_5_cheapest', false)).toBeCloseTo(154_000 / 3, 6);
  });

  const methods: BenchmarkMethod[] = ['mean', 'weighted', 'median', 'best_quartile', 'mean_5_cheapest', 'cheapest'];

  it.each(methods)('%s is null for no peers', (method) => {
    expect(benchmarkValue([], method, false)).toBeNull();
  });

  it.each(methods)('%s of one peer is its unit cost', (method) => {
    expect(benchmarkValue([PEERS[1] as BenchmarkPeer], method, true)).toBeCloseTo(50_000, 6);
  });

  it('refuses to need-adjust when a peer lacks its index rather than drop it', () => {
    const withGap = [...PEERS, peer('846', 90_000_000, 2_000, null)];
    for (const method of methods) expect(() => benchmarkValue(withGap, method, true)).toThrow(/846/);
  });

  const peers = fc.array(
    fc.record({
      municipality: fc.constantFrom('787', '810', '820', '849', '860'),
      netExpenditure: fc.integer({ min: 0, max: 1_000_000_000 }),
      targetPopulation: fc.integer({ min: 1, max: 100_000 }),
      needIndex: fc.integer({ min: 50, max: 200 }).map((n) => n / 100),
    }),
    { minLength: 1, maxLength: 20 },
  );
  const value = (list: BenchmarkPeer[], method: BenchmarkMethod, adjusted: boolean) =>
    benchmarkValue(list, method, adjusted) as number;

  it('orders the methods: cheapest ≤ best quartile ≤ median, cheapest ≤ mean of 5 cheapest ≤ mean', () => {
    fc.assert(
      fc.property(peers, fc.boolean(), (list, adjusted) => {
        const slack = 1e-6;
        expect(value(list, 'cheapest', adjusted)).toBeLessThanOrEqual(value(list, 'best_quartile', adjusted) + slack);
        expect(value(list, 'best_quartile', adjusted)).toBeLessThanOrEqual(value(list, 'median', adjusted) + slack);
        expect(value(list, 'cheapest', adjusted)).toBeLessThanOrEqual(value(list, 'mean_5_cheapest', adjusted) + slack);
        expect(value(list, 'mean_5_cheapest', adjusted)).toBeLessThanOrEqual(value(list, 'mean', adjusted) + slack);
      }),
    );
  });

  it('keeps every method between the cheapest and the dearest unit cost', () => {
    fc.assert(
      fc.property(peers, fc.boolean(), fc.constantFrom(...methods), (list, adjusted, method) => {
        const costs = list.map((p) => unitCost(p, adjusted));
        expect(value(list, method, adjusted)).toBeGreaterThanOrEqual(Math.min(...costs) - 1e-6);
        expect(value(list, method, adjusted)).toBeLessThanOrEqual(Math.max(...costs) + 1e-6);
      }),
    );
  });
});

describe('potential', () => {
  it('is the gap per person times the own target population', () => {
    // (50.000 − 44.250) × 2.600 = 5.750 × 2.600
    const input = { ownUnitCost: 50_000, benchmark: 44_250, ownTargetPopulation: 2_600, ownNeedIndex: 1.0, needAdjusted: false };
    expect(potential(input)).toBe(14_950_000);
    expect(benchmarkGap(input)).toBe(14_950_000);
  });

  it('is 0 under the benchmark, where the signed gap is negative', () => {
    // (40.000 − 44.250) × 2.600 = −4.250 × 2.600
    const input = { ownUnitCost: 40_000, benchmark: 44_250, ownTargetPopulation: 2_600, ownNeedIndex: null, needAdjusted: false };
    expect(potential(input)).toBe(0);
    expect(benchmarkGap(input)).toBe(-11_050_000);
  });

  it('is in real kroner when need-adjusted: own spending − the benchmark level at the own need', () => {
    // own: 120 mio. kr. on 2.000 people with need 1,2 → adjusted unit cost 60.000 / 1,2 = 50.000
    // benchmark 42.500 per need-weighted person costs 42.500 × 1,2 × 2.000 = 102 mio. at the own need
    // 120 mio. − 102 mio. = 18 mio. = (50.000 − 42.500) × 2.000 × 1,2
    const input = { ownUnitCost: 50_000, benchmark: 42_500, ownTargetPopulation: 2_000, ownNeedIndex: 1.2, needAdjusted: true };
    expect(potential(input)).toBeCloseTo(18_000_000, 6);
  });

  it('refuses a need-adjusted potential without the own need index', () => {
    const input = { ownUnitCost: 50_000, benchmark: 42_500, ownTargetPopulation: 2_000, ownNeedIndex: null, needAdjusted: true };
    expect(() => potential(input)).toThrow(BenchmarkInputError);
  });

  it('need-adjusted, equals own spending minus benchmark × need × population', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 50, max: 200 }).map((n) => n / 100),
        fc.integer({ min: 0, max: 200_000 }),
        (spending, population, need, benchmark) => {
          const ownUnitCost = unitCost(peer('849', spending, population, need), true);
          const gap = benchmarkGap({
            ownUnitCost,
            benchmark,
            ownTargetPopulation: population,
            ownNeedIndex: need,
            needAdjusted: true,
          });
          expect(gap).toBeCloseTo(spending - benchmark * need * population, 2);
          expect(
            potential({ ownUnitCost, benchmark, ownTargetPopulation: population, ownNeedIndex: need, needAdjusted: true }),
          ).toBe(Math.max(0, gap));
        },
      ),
    );
  });
});

describe('summarisePotentials', () => {
  it('adds the positive gaps only and lists the others apart', () => {
    const areas = [
      { area: 'Dagtilbud', gap: 14_950_000 },
      { area: 'Folkeskole', gap: -11_050_000 },
      { area: 'Ældre', gap: 3_000_000 },
      { area: 'Veje', gap: 0 },
    ];
    // 14.950.000 + 3.000.000; the −11.050.000 is not netted
    expect(summarisePotentials(areas)).toEqual({
      total: 17_950_000,
      overBenchmark: [areas[0], areas[2]],
      underBenchmark: [areas[1]],
      atBenchmark: [areas[3]],
    });
  });

  it('is 0 with nothing over the benchmark', () => {
    expect(summarisePotentials([]).total).toBe(0);
    expect(summarisePotentials([{ area: 'Folkeskole', gap: -5 }]).total).toBe(0);
  });

  it('never lets areas under the benchmark reduce the total', () => {
    const gaps = fc.array(fc.record({ area: fc.string(), gap: fc.integer({ min: -1e9, max: 1e9 }) }));
    fc.assert(
      fc.property(gaps, (areas) => {
        const summary = summarisePotentials(areas);
        expect(summary.total).toBe(areas.reduce((sum, a) => sum + Math.max(0, a.gap), 0));
        expect(summary.overBenchmark.length + summary.underBenchmark.length + summary.atBenchmark.length).toBe(areas.length);
      }),
    );
  });
});
