import { describe, expect, it } from 'vitest';
import { barLabel, benchmarkBars, buildBenchmarkOption } from '../src/features/benchmark/charts/benchmark-bars';
import { BENCHMARK } from './economy-fixtures';

type Bar = {
  data: { value: number; itemStyle: { color: string; borderColor?: string } }[];
  markLine?: { data: { xAxis: number }[]; label: { formatter: string } };
};

describe('buildBenchmarkOption', () => {
  const option = buildBenchmarkOption(BENCHMARK);
  const bars = (option.series as Bar[])[0] as Bar;
  const labels = (option.yAxis as { data: string[] }).data;

  it('sorts the peers by unit cost, cheapest first', () => {
    expect(bars.data.map((d) => d.value)).toEqual([66_000, 68_000, 75_000, 86_000]);
    expect(labels).toEqual(['Thisted', 'Brønderslev', 'Jammerbugt (egen)', 'Hjørring']);
  });

  it('highlights the own municipality in its own colour and in bold', () => {
    const colors = bars.data.map((d) => d.itemStyle.color);
    expect(new Set(colors).size).toBe(2);
    expect(colors.filter((c) => c === colors[2])).toHaveLength(1);
    const axisLabel = (option.yAxis as { axisLabel: { formatter: (label: string, index: number) => string } }).axisLabel;
    expect(axisLabel.formatter('Jammerbugt (egen)', 2)).toBe('{own|Jammerbugt (egen)}');
    expect(axisLabel.formatter('Thisted', 0)).toBe('Thisted');
  });

  it('draws the benchmark as a line', () => {
    expect(bars.markLine?.data).toEqual([{ xAxis: 73_750 }]);
    expect(bars.markLine?.label.formatter).toBe('Benchmark 73.750 kr.');
  });

  it('still shows the own municipality, hollow and named so, when it is left out of the group', () => {
    const excluded = {
      ...BENCHMARK,
      includeOwn: false,
      peers: BENCHMARK.peers.filter((p) => !p.isOwn),
    };
    const list = benchmarkBars(excluded);
    expect(list.map((b) => b.municipality)).toEqual(['787', '810', '849', '860']);
    expect(barLabel(list[2] as (typeof list)[number])).toBe('Jammerbugt (egen, ikke i gruppen)');
    const own = ((buildBenchmarkOption(excluded).series as Bar[])[0] as Bar).data[2];
    expect(own?.itemStyle).toMatchObject({ color: '#fff', borderColor: '#b04a00' });
  });

  it('says the unit and the own rank in the description', () => {
    const description = (option.aria as { label: { description: string } }).label.description;
    expect(description).toContain('kr. pr. person i målgruppen');
    expect(description).toContain('Jammerbugt 75.000 kr., nr. 3 af 4 fra den billigste');
    const adjusted = buildBenchmarkOption({ ...BENCHMARK, needAdjusted: true });
    expect((adjusted.aria as { label: { description: string } }).label.description).toContain('behovsvægtet');
  });
});
