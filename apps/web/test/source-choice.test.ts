import { describe, expect, it } from 'vitest';
import type { BenchmarkArea } from '../src/features/benchmark/api/get-areas';
import { offersSourceChoice, SOURCE_NAMES, yearsOf } from '../src/features/benchmark/lib/source-choice';

const FOLKESKOLE: BenchmarkArea = { area: 'folkeskole', name: 'Folkeskole', years: [2014, 2015, 2016], storeYears: [2016, 2017] };
const VEJE: BenchmarkArea = { area: 'veje', name: 'Veje', years: [2016], storeYears: [] };

describe('the choice between Danmarks Statistik and the own figures in LIS', () => {
  it('is offered only for a year the store can answer, and stays while the own figures are chosen', () => {
    expect(offersSourceChoice(FOLKESKOLE, 2016, 'statbank')).toBe(true);
    expect(offersSourceChoice(FOLKESKOLE, 2015, 'statbank')).toBe(false);
    expect(offersSourceChoice(VEJE, 2016, 'statbank')).toBe(false);
    expect(offersSourceChoice(undefined, 2016, 'statbank')).toBe(false);
    // a link with source=store for another year: the choice is still there to go back
    expect(offersSourceChoice(VEJE, 2016, 'store')).toBe(true);
    expect(SOURCE_NAMES).toEqual({ statbank: 'Danmarks Statistik', store: 'Egne tal i LIS' });
  });

  it('lists the years of the chosen source, newest first, keeping the shown year', () => {
    expect(yearsOf(FOLKESKOLE, 'statbank', 2016)).toEqual([2016, 2015, 2014]);
    expect(yearsOf(FOLKESKOLE, 'store', 2016)).toEqual([2017, 2016]);
    expect(yearsOf(VEJE, 'store', 2016)).toEqual([2016]);
  });
});
