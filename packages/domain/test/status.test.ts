import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type KpiStatus, kpiStatus, resolveTarget, type StatusInput } from '../src/status.ts';

const lower = (value: number | null, target: number | null, extra: Partial<StatusInput> = {}): KpiStatus =>
  kpiStatus({ value, target, tolerance: null, direction: 'lower_is_better', decimals: 1, suppressed: false, ...extra });
const higher = (value: number | null, target: number | null, extra: Partial<StatusInput> = {}): KpiStatus =>
  kpiStatus({ value, target, tolerance: null, direction: 'higher_is_better', decimals: 1, suppressed: false, ...extra });

describe('kpiStatus: what wins before any comparison', () => {
  it('suppression wins over everything', () => {
    expect(lower(9, 5, { suppressed: true })).toBe('suppressed');
    expect(lower(null, null, { suppressed: true })).toBe('suppressed');
  });

  it('no value is no data, even without a target', () => {
    expect(lower(null, 5)).toBe('no_data');
    expect(lower(null, null)).toBe('no_data');
  });

  it('a value without a target has no light', () => {
    expect(lower(5, null)).toBe('no_target');
  });
});

describe('kpiStatus: lower is better (sick leave 5,0 %, default tolerance 10 % → band 0,5)', () => {
  it.each([
    [4.0, 'green'],
    [5.0, 'green'],
    [5.04, 'green'], // shown as 5,0: meets 5,0
    [5.05, 'yellow'], // shown as 5,1: 0,1 over, within 0,5
    [5.5, 'yellow'], // exactly 0,5 over: the band includes its edge
    [5.54, 'yellow'], // shown as 5,5
    [5.55, 'red'], // shown as 5,6: 0,6 over
    [7.0, 'red'],
  ] as const)('%d → %s', (value, status) => {
    expect(lower(value, 5)).toBe(status);
  });
});

describe('kpiStatus: higher is better (90 % decided within deadline → band 9)', () => {
  it.each([
    [95, 'green'],
    [90, 'green'],
    [89.96, 'green'], // shown as 90,0
    [89.9, 'yellow'],
    [81, 'yellow'], // 90 − 81 = 9: on the edge
    [80.9, 'red'], // 9,1 short
    [0, 'red'],
  ] as const)('%d → %s', (value, status) => {
    expect(higher(value, 90)).toBe(status);
  });
});

describe('kpiStatus: comparing as shown', () => {
  it('rounds the target too, so "41,7 % against 41,7 %" is green', () => {
    // phased budget share 41,6667 % and consumption 41,66 %: both print as 41,7
    expect(lower(41.66, 41.6667)).toBe('green');
  });

  it('binary noise does not push a value on the edge into red', () => {
    // 3,63 − 3,3 = 0,33 and 3,3 × 0,1 = 0,33; in binary 0,33000000000000007 > 0,32999999999999996
    expect(lower(3.63, 3.3, { decimals: 2 })).toBe('yellow');
    expect(lower(3.64, 3.3, { decimals: 2 })).toBe('red');
  });

  it('uses whole numbers for a KPI with no decimals', () => {
    // target 100 cases, band 10: 110,4 shows as 110 → yellow; 110,5 shows as 111 → red
    expect(lower(110.4, 100, { decimals: 0 })).toBe('yellow');
    expect(lower(110.5, 100, { decimals: 0 })).toBe('red');
  });
});

describe('kpiStatus: tolerance', () => {
  it('takes the tolerance given with the target', () => {
    // 12 days per FTE, 5 %: band 0,6
    expect(lower(12.6, 12, { tolerance: 0.05 })).toBe('yellow');
    expect(lower(12.7, 12, { tolerance: 0.05 })).toBe('red');
  });

  it('with no tolerance any shortfall is red', () => {
    expect(lower(5.1, 5, { tolerance: 0 })).toBe('red');
    expect(lower(5, 5, { tolerance: 0 })).toBe('green');
  });

  it('a target of 0 has no yellow band', () => {
    expect(lower(0, 0)).toBe('green');
    expect(lower(0.1, 0)).toBe('red');
  });

  it('measures the band from |target| for a negative target', () => {
    // forecast deviation, target −1.000.000 kr. (a surplus), band 100.000 kr.
    const dkk = { decimals: 0 };
    expect(lower(-1_200_000, -1_000_000, dkk)).toBe('green');
    expect(lower(-950_000, -1_000_000, dkk)).toBe('yellow'); // 50.000 kr. short
    expect(lower(-900_000, -1_000_000, dkk)).toBe('yellow'); // on the edge
    expect(lower(-850_000, -1_000_000, dkk)).toBe('red'); // 150.000 kr. short
  });

  it('rejects a negative tolerance', () => {
    expect(() => lower(5, 5, { tolerance: -0.1 })).toThrow(RangeError);
  });
});

describe('kpiStatus: properties', () => {
  const amount = fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 10);
  const tolerance = fc.constantFrom(null, 0, 0.05, 0.1, 0.25);
  const rank: Record<KpiStatus, number> = { green: 0, yellow: 1, red: 2, no_data: -1, suppressed: -1, no_target: -1 };

  it('higher is better mirrors lower is better', () => {
    fc.assert(
      fc.property(amount, amount, tolerance, (value, target, tol) => {
        expect(higher(value, target, { tolerance: tol })).toBe(lower(-value, -target, { tolerance: tol }));
      }),
    );
  });

  it('a worse value never gets a better light', () => {
    fc.assert(
      fc.property(amount, amount, amount, tolerance, (a, b, target, tol) => {
        const [better, worse] = a <= b ? [a, b] : [b, a];
        expect(rank[lower(better, target, { tolerance: tol })]).toBeLessThanOrEqual(
          rank[lower(worse, target, { tolerance: tol })],
        );
      }),
    );
  });

  it('matches the band computed in whole tenths (no floating point)', () => {
    // V, T in tenths; shortfall V − T; band |T| × 10 % ⇒ yellow when 0 < V − T and 10 × (V − T) ≤ |T|
    // small shortfalls and round targets, so values on the edge of the band come up often
    const target = fc.integer({ min: -200, max: 200 }).map((n) => n * 10);
    const shortfall = fc.integer({ min: -30, max: 30 });
    fc.assert(
      fc.property(target, shortfall, (T, d) => {
        const V = T + d;
        const expected = V <= T ? 'green' : 10 * (V - T) <= Math.abs(T) ? 'yellow' : 'red';
        expect(lower(V / 10, T / 10)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('is green exactly when the value meets the target', () => {
    fc.assert(
      fc.property(amount, amount, tolerance, (value, target, tol) => {
        expect(lower(value, target, { tolerance: tol }) === 'green').toBe(value <= target);
      }),
    );
  });
});

describe('resolveTarget', () => {
  const path = ['skole', 'skoleafdeling', 'boern-og-familie', 'kommune'];

  it('takes the unit’s own target first', () => {
    const targets = new Map([
      ['skole', 4],
      ['kommune', 5],
    ]);
    expect(resolveTarget(path, (id) => targets.get(id))).toBe(4);
  });

  it('inherits from the nearest ancestor that has one', () => {
    const targets = new Map([
      ['boern-og-familie', 4.5],
      ['kommune', 5],
    ]);
    expect(resolveTarget(path, (id) => targets.get(id) ?? null)).toBe(4.5);
  });

  it('is null when no unit on the path has one', () => {
    expect(resolveTarget(path, () => null)).toBeNull();
    expect(resolveTarget([], () => 1)).toBeNull();
  });

  it('a target of 0 is a target', () => {
    expect(resolveTarget(path, (id) => (id === 'skole' ? 0 : 5))).toBe(0);
  });

  it('stops looking at the first unit with a target', () => {
    const asked: string[] = [];
    resolveTarget(path, (id) => {
      asked.push(id);
      return id === 'skoleafdeling' ? { target: 3, orgId: id } : null;
    });
    expect(asked).toEqual(['skole', 'skoleafdeling']);
  });
});
