import { describe, expect, it } from 'vitest';
import { buildTrendOption } from '../src/features/benchmark/charts/benchmark-trend';
import { BENCHMARK } from './economy-fixtures';

type Line = { id: string; name: string; data: (number | null)[]; connectNulls: boolean };

describe('buildTrendOption', () => {
  const option = buildTrendOption(BENCHMARK);
  const series = option.series as Line[];

  it('draws the own unit cost and the benchmark over the three years, oldest first', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['2014', '2015', '2016']);
    expect(series.map((s) => [s.id, s.name])).toEqual([
      ['own', 'Jammerbugt'],
      ['benchmark', 'Benchmark (gennemsnit (uvægtet))'],
    ]);
    expect(series[0]?.data).toEqual([null, 74_000, 75_000]);
    expect(series[1]?.data).toEqual([null, 72_000, 73_750]);
  });

  it('leaves a year without data as a gap, never bridged or drawn as 0', () => {
    expect(series.every((s) => s.connectNulls === false && s.data[0] === null)).toBe(true);
  });

  it('says every year in words for a screen reader, the missing one too', () => {
    const description = (option.aria as { label: { description: string } }).label.description;
    expect(description).toContain('2014: Jammerbugt ingen data, benchmark ingen data');
    expect(description).toContain('2016: Jammerbugt 75.000 kr., benchmark 73.750 kr.');
  });
});
