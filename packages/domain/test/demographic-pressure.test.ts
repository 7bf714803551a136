import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type DemographyArea,
  demographicPressure,
  demographyPressureRollups,
  functionInArea,
  type PopulationFact,
  parseDemographyAreas,
  populationYears,
  sumIntoBands,
} from '../src/index.ts';

const area = (id: string, from: number, to: number | null, functions: string[], inTotal = true): DemographyArea => ({
  id,
  name: id,
  ages: { from, to },
  functions,
  benchmarkArea: null,
  inTotal,
});

const AREAS = [
  area('dagtilbud', 0, 5, ['5.25.10-5.25.14']),
  area('folkeskole', 6, 16, ['3.22.01-3.22.08']),
  area('aeldre', 65, null, ['5.30', '5.32.32']),
  area('aeldre_80', 80, null, ['5.30', '5.32.32'], false),
];

const bandRows = (year: number, kind: 'actual' | 'forecast', counts: number[], vintage: string | null = null): PopulationFact[] =>
  ['0-2', '3-5', '6-16', '17-24', '25-64', '65-79', '80+'].map((age, i) => ({ year, age, count: counts[i] ?? 0, kind, vintage }));

// 2016 actual; prognose "p" for 2016 (ignored: 2016 has actual counts), 2017 and 2018; another vintage "q" for 2017.
const FACTS: PopulationFact[] = [
  ...bandRows(2016, 'actual', [300, 320, 1000, 500, 3000, 900, 250]),
  ...bandRows(2016, 'forecast', [1, 1, 1, 1, 1, 1, 1], 'p'),
  ...bandRows(2017, 'forecast', [290, 310, 990, 500, 3000, 930, 270], 'p'),
  ...bandRows(2018, 'forecast', [280, 300, 980, 500, 3000, 950, 300], 'p'),
  ...bandRows(2017, 'forecast', [9, 9, 9, 9, 9, 9, 9], 'q'),
];

describe('population by band', () => {
  it('sums single years into bands and ignores band rows beside them', () => {
    // 0,1,2 → 0-2: 10+20+30 = 60; 4 → 3-5: 40; 80, 99 → 80+: 5+1 = 6; the band row '0-2' 999 is not read
    const bands = sumIntoBands([
      { age: '0', count: 10 },
      { age: '1', count: 20 },
      { age: '2', count: 30 },
      { age: '4', count: 40 },
      { age: '80', count: 5 },
      { age: '99', count: 1 },
      { age: '0-2', count: 999 },
    ]);
    expect(bands).toEqual({ '0-2': 60, '3-5': 40, '6-16': 0, '17-24': 0, '25-64': 0, '65-79': 0, '80+': 6 });
  });

  it('takes actual counts to the current year, then the chosen vintage up to toYear', () => {
    const { currentYear, years } = populationYears(FACTS, 'p', 2017);
    expect(currentYear).toBe(2016);
    expect(years.map((y) => [y.year, y.kind, y.bands['0-2']])).toEqual([
      [2016, 'actual', 300],
      [2017, 'forecast', 290],
    ]);
  });
});

describe('the area mapping', () => {
  it('reads the shipped default and matches functions by code, hovedfunktion and range', () => {
    const shipped = parseDemographyAreas(
      JSON.parse(readFileSync(new URL('../../../reference/demography/areas.json', import.meta.url), 'utf8')),
    );
    expect(shipped.map((a) => [a.id, a.ages.from, a.ages.to, a.inTotal])).toEqual([
      ['dagtilbud', 0, 5, true],
      ['folkeskole', 6, 16, true],
      ['aeldre', 65, null, true],
      ['aeldre_80', 80, null, false],
    ]);
    const [dagtilbud, , aeldre] = shipped as [DemographyArea, DemographyArea, DemographyArea];
    expect(['5.25.10', '5.25.14', '5.25.15', '5.25.17', '5.25.20'].map((fn) => functionInArea(fn, dagtilbud))).toEqual([
      true,
      true,
      false,
      true,
      false,
    ]);
    expect(['5.30.26', '5.32.32', '5.32.35', '5.3'].map((fn) => functionInArea(fn, aeldre))).toEqual([true, true, false, false]);
  });

  it.each([
    [{}, 'areas: skal være en liste med mindst ét område'],
    [
      { areas: [{ id: 'a', name: 'A', ages: { from: 0, to: 4 }, functions: ['5.25'], inTotal: true }] },
      'areas[0].ages: skal begynde og slutte',
    ],
    [{ areas: [{ id: 'a', name: 'A', ages: { from: 0, to: 5 }, functions: ['5.25.1'], inTotal: true }] }, 'areas[0].functions:'],
    [{ areas: [{ id: 'a', name: 'A', ages: { from: 0 }, functions: ['5.25'] }] }, 'areas[0].inTotal:'],
    [
      {
        areas: [
          { id: 'a', name: 'A', ages: { from: 0 }, functions: ['5.25'], inTotal: true },
          { id: 'a', name: 'B', ages: { from: 0 }, functions: ['5.25'], inTotal: true },
        ],
      },
      'areas[1].id: a står to gange',
    ],
  ])('refuses a wrong file, naming the area and field (%#)', (file, message) => {
    expect(() => parseDemographyAreas(file)).toThrow(message);
  });
});

describe('demographic pressure', () => {
  const population = populationYears(FACTS, 'p', 2018);
  const result = demographicPressure({
    areas: AREAS,
    population: { currentYear: 2016, years: population.years },
    toYear: 2018,
    basis: { year: 2016, amountType: 'actual' },
    basisSpending: { dagtilbud: 62_000_000, aeldre: 57_500_000, aeldre_80: 57_500_000 },
    budget: { dagtilbud: { 2016: 63_000_000 } },
    benchmark: { dagtilbud: { unitCost: 90_000, year: 2016 }, aeldre: { missing: 'Ingen benchmarkdata' } },
  });
  const byId = (id: string) => result.areas.find((a) => a.area.id === id);

  it("divides the basis year's spending by that year's target population", () => {
    // dagtilbud: 62.000.000 / (300 + 320) = 100.000 kr.; ældre 65+: 57.500.000 / (900 + 250) = 50.000 kr.;
    // ældre 80+: 57.500.000 / 250 = 230.000 kr.
    expect(byId('dagtilbud')?.ownUnitCost).toEqual({
      year: 2016,
      amountType: 'actual',
      spending: 62_000_000,
      targetPopulation: 620,
      unitCost: 100_000,
    });
    expect(byId('aeldre')?.ownUnitCost?.unitCost).toBe(50_000);
    expect(byId('aeldre_80')?.ownUnitCost?.unitCost).toBe(230_000);
    expect(byId('folkeskole')?.ownUnitCost).toBeNull();
    expect(byId('folkeskole')?.ownMissing).toBe('Intet nettodriftsforbrug på områdets funktioner i 2016');
  });

  it('prices the change against the current year at own and benchmark unit cost, beside the budget', () => {
    // dagtilbud 2017: 290 + 310 = 600, change 600 − 620 = −20; × 100.000 = −2.000.000; × 90.000 = −1.800.000
    // dagtilbud 2018: 280 + 300 = 580, change −40; × 100.000 = −4.000.000; × 90.000 = −3.600.000
    expect(byId('dagtilbud')?.years).toEqual([
      {
        year: 2016,
        kind: 'actual',
        targetPopulation: 620,
        change: 0,
        atOwnUnitCost: 0,
        atBenchmarkUnitCost: 0,
        budget: 63_000_000,
      },
      {
        year: 2017,
        kind: 'forecast',
        targetPopulation: 600,
        change: -20,
        atOwnUnitCost: -2_000_000,
        atBenchmarkUnitCost: -1_800_000,
        budget: null,
      },
      {
        year: 2018,
        kind: 'forecast',
        targetPopulation: 580,
        change: -40,
        atOwnUnitCost: -4_000_000,
        atBenchmarkUnitCost: -3_600_000,
        budget: null,
      },
    ]);
    // ældre 65+ 2017: 930 + 270 = 1.200, change +50 × 50.000 = 2.500.000; 2018: 950 + 300 = 1.250, +100 × 50.000 = 5.000.000
    expect(byId('aeldre')?.years.map((y) => [y.change, y.atOwnUnitCost, y.atBenchmarkUnitCost])).toEqual([
      [0, 0, null],
      [50, 2_500_000, null],
      [100, 5_000_000, null],
    ]);
    expect(byId('aeldre')?.benchmarkMissing).toBe('Ingen benchmarkdata');
    // ældre 80+ 2018: 300 − 250 = +50 × 230.000 = 11.500.000 (shown, not in the total)
    expect(byId('aeldre_80')?.years[2]?.atOwnUnitCost).toBe(11_500_000);
  });

  it('totals the areas counted in the total', () => {
    // 2017: −2.000.000 (dagtilbud) + 2.500.000 (ældre 65+) = 500.000; folkeskole has no unit cost, ældre 80+ is not counted
    // 2018: −4.000.000 + 5.000.000 = 1.000.000; at benchmark only dagtilbud has a price: −1.800.000, −3.600.000
    expect(result.totals).toEqual([
      { year: 2016, atOwnUnitCost: 0, atBenchmarkUnitCost: 0 },
      { year: 2017, atOwnUnitCost: 500_000, atBenchmarkUnitCost: -1_800_000 },
      { year: 2018, atOwnUnitCost: 1_000_000, atBenchmarkUnitCost: -3_600_000 },
    ]);
  });
});

describe('the Kerneopgaven tiles', () => {
  it('puts next year’s total pressure on the root for every month of the current year', () => {
    // the totals above: 2017 at own unit cost 500.000 kr. (2 areas priced), at benchmark −1.800.000 kr. (dagtilbud only)
    const rows = demographyPressureRollups(
      { currentYear: 2016, atOwnUnitCost: 500_000, atBenchmarkUnitCost: -1_800_000, areasPriced: 2, areasPricedAtBenchmark: 1 },
      'K',
      7,
    );
    expect(rows).toHaveLength(24);
    expect(rows[0]).toMatchObject({
      orgId: 'K',
      period: '2016-01',
      kpiId: 'demography_pressure',
      value: 500_000,
      n: 2,
      batchId: 7,
    });
    expect(rows.at(-1)).toMatchObject({
      period: '2016-12',
      kpiId: 'demography_pressure_benchmark',
      value: -1_800_000,
      n: 1,
      batchId: 7,
    });
    expect(demographyPressureRollups(null, 'K', 7)).toEqual([]);
  });
});
