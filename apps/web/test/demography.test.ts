import type { Demography } from '@lis/contracts';
import { describe, expect, it } from 'vitest';
import { buildBandChangesOption } from '../src/features/demography/charts/band-changes';
import { millions, signedPersons } from '../src/features/demography/lib/amounts';

const bands = (n: number) => ({ '0-2': n, '3-5': n, '6-16': n, '17-24': n, '25-64': n, '65-79': n, '80+': n });

describe('demography page', () => {
  it('writes amounts in mio. kr. with one decimal and changes with their sign', () => {
    // −300.000 kr. = −0,3 mio. kr.; 2.450.000 kr. = 2,5 mio. kr. (rounded half away from zero)
    expect([millions(-300_000), millions(2_450_000), millions(null)]).toEqual(['-0,3', '2,5', '–']);
    expect([signedPersons(12), signedPersons(-3), signedPersons(0), signedPersons(1234)]).toEqual(['+12', '-3', '0', '+1.234']);
  });

  it('draws one line per band of the change against the current year, marking where the forecast begins', () => {
    const data: Demography = {
      currentYear: 2016,
      budgetYear: 2017,
      toYear: 2020,
      vintage: 'prognose 2016',
      vintages: ['prognose 2016'],
      notes: [],
      bands: ['0-2', '3-5', '6-16', '17-24', '25-64', '65-79', '80+'],
      years: [
        { year: 2016, kind: 'actual', bands: bands(10), total: 70, change: bands(0), totalChange: 0 },
        { year: 2017, kind: 'forecast', bands: bands(12), total: 84, change: bands(2), totalChange: 14 },
      ],
    };
    const option = buildBandChangesOption(data);
    const series = option.series as { name: string; data: number[]; markLine?: { data: { xAxis: string }[] } }[];
    expect(series.map((s) => s.name)).toEqual(['0-2 år', '3-5 år', '6-16 år', '17-24 år', '25-64 år', '65-79 år', '80+ år']);
    expect(series[0]?.data).toEqual([0, 2]);
    expect(series[0]?.markLine?.data).toEqual([{ xAxis: '2016' }]);
  });
});
