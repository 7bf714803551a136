import { describe, expect, it } from 'vitest';
import { budgetYearOptions } from '../src/features/balance/lib/year-options';

describe('budget year options', () => {
  it('offers the years with a plan, newest first', () => {
    expect(budgetYearOptions([2017, 2016], 2017)).toEqual([
      { year: 2017, hasPlan: true },
      { year: 2016, hasPlan: true },
    ]);
  });

  it('lists the year shown without a plan, marked, in its place', () => {
    expect(budgetYearOptions([2017, 2015], 2016)).toEqual([
      { year: 2017, hasPlan: true },
      { year: 2016, hasPlan: false },
      { year: 2015, hasPlan: true },
    ]);
  });

  it('shows the year asked for, unmarked, until the list is known', () => {
    expect(budgetYearOptions(undefined, 2016)).toEqual([{ year: 2016, hasPlan: true }]);
    expect(budgetYearOptions(undefined, null)).toEqual([]);
  });
});
