import { describe, expect, it } from 'vitest';
import { countOfAges } from '../src/population-bands.ts';

// The target population of a benchmark area from one year's population rows (source=store).
const BANDS = [
  { age: '0-2', count: 1_002 },
  { age: '3-5', count: 1_048 },
  { age: '6-16', count: 5_021 },
  { age: '17-24', count: 3_149 },
  { age: '25-64', count: 19_352 },
  { age: '65-79', count: 6_398 },
  { age: '80+', count: 1_887 },
];

describe('countOfAges', () => {
  it('sums the bands when the ages start and end on band limits', () => {
    expect(countOfAges(BANDS, { from: 0, to: 5 })).toBe(1_002 + 1_048);
    expect(countOfAges(BANDS, { from: 65, to: null })).toBe(6_398 + 1_887);
    expect(countOfAges(BANDS, { from: 0, to: null })).toBe(1_002 + 1_048 + 5_021 + 3_149 + 19_352 + 6_398 + 1_887);
  });

  it('has no answer from bands the ages cut through, or from no rows', () => {
    expect(countOfAges(BANDS, { from: 0, to: 17 })).toBeNull();
    expect(countOfAges(BANDS, { from: 18, to: 64 })).toBeNull();
    expect(countOfAges([], { from: 0, to: 5 })).toBeNull();
  });

  it('sums single years, and leaves band rows beside them unread', () => {
    const single = [16, 17, 18, 64, 65].map((age) => ({ age: String(age), count: age }));
    expect(countOfAges([...single, { age: '6-16', count: 1_000 }], { from: 0, to: 17 })).toBe(16 + 17);
    expect(countOfAges(single, { from: 18, to: 64 })).toBe(18 + 64);
    expect(countOfAges(single, { from: 65, to: null })).toBe(65);
  });
});
