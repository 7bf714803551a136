import type { Balance, BenchmarkResult, FollowUp } from '@lis/contracts';

/** A year of drift: 100 mio. kr. a month phased, actuals 2 % over, a forecast from BO1 in March. */
export function followUpMonths(): FollowUp['months'] {
  let cumulativeActual = 0;
  let cumulativePhasedBudget = 0;
  return Array.from({ length: 12 }, (_, i) => {
    const period = `2016-${String(i + 1).padStart(2, '0')}`;
    const actual = 102_000_000;
    const phasedBudget = 100_000_000;
    cumulativeActual += actual;
    cumulativePhasedBudget += phasedBudget;
    return {
      period,
      actual,
      phasedBudget,
      cumulativeActual,
      cumulativePhasedBudget,
      forecast: i >= 2 ? 1_220_000_000 : null,
      // last year: 99 mio. kr. a month
      cumulativeActualLastYear: 99_000_000 * (i + 1),
    };
  });
}

const lines = (capital: number): Balance['years'][number]['lines'] => ({
  taxes: -1_960_000_000,
  grants_equalisation: -650_000_000,
  service: 1_950_000_000,
  transfers: 570_000_000,
  interest: 5_000_000,
  capital,
  utilities: 1_000_000,
  repayments: 25_000_000,
  borrowing: -20_000_000,
  financial_movements: 2_000_000,
});

const year = (y: number, capital: number) => {
  const l = lines(capital);
  const resultA = -(l.taxes + l.grants_equalisation) - l.service - l.transfers - l.interest;
  const resultB = resultA - l.capital;
  const resultC = resultB - l.utilities;
  return {
    year: y,
    lines: l,
    resultA,
    resultB,
    resultC,
    cashChange: resultC - l.repayments - l.financial_movements - l.borrowing,
  };
};

export const BALANCE: Balance = {
  budgetYear: 2017,
  years: [year(2017, 68_000_000), year(2018, 60_000_000)],
  policyTargets: [
    {
      id: 'driftsoverskud',
      name: 'Driftsoverskud mindst 50 mio. kr.',
      target: 50_000_000,
      rule: 'at_least',
      tolerance: 0.1,
      results: [
        { year: 2017, value: 85_000_000, status: 'green' },
        { year: 2018, value: 85_000_000, status: 'green' },
      ],
    },
    {
      id: 'anlaeg',
      name: 'Anlæg omkring 50 mio. kr.',
      target: 50_000_000,
      rule: 'about',
      tolerance: 0.1,
      results: [
        { year: 2017, value: 68_000_000, status: 'red' },
        { year: 2018, value: 60_000_000, status: 'yellow' },
      ],
    },
  ],
  reconciliation: {
    year: 2017,
    economyHasYear: true,
    lines: [
      {
        line: 'service',
        name: 'Serviceudgifter',
        plan: 1_950_000_000,
        economy: 1_950_000_000,
        difference: 0,
        status: 'agrees',
        reason: null,
      },
      {
        line: 'transfers',
        name: 'Overførsler',
        plan: 570_000_000,
        economy: 520_000_000,
        difference: 50_000_000,
        status: 'differs',
        reason:
          'budgetplanen er vedtaget budget for hele kommunen; økonomifeedets oprindelige budget summerer til et andet beløb',
      },
      {
        line: 'interest',
        name: 'Renter (netto)',
        plan: 5_000_000,
        economy: null,
        difference: null,
        status: 'not_in_economy',
        reason: 'budgetplanen er vedtaget budget for hele kommunen; økonomifeedet har ingen konti med renter, 7.22–7.58',
      },
    ],
  },
  comparison: { budgetYear: 2016, years: [{ ...year(2017, 62_000_000), resultA: 57_000_000 }], changes: [] },
  batchId: null,
};

const peer = (municipality: string, name: string, unitCost: number, isOwn = false) => ({
  municipality,
  name,
  netExpenditure: unitCost * 2000,
  targetPopulation: 2000,
  needIndex: 1,
  unitCost,
  isOwn,
  priceYear: 2016,
});

export const BENCHMARK: BenchmarkResult = {
  area: 'dagtilbud',
  areaName: 'Dagtilbud (pr. 0–5-årig)',
  year: 2016,
  method: 'mean',
  methodName: 'Gennemsnit (uvægtet)',
  peerGroup: 'kora',
  peerGroupName: 'KORA-nabokommuner',
  includeOwn: true,
  needAdjusted: false,
  priceBase: 'Nettodriftsudgifter (dranst 1+2), faste 2016-priser',
  priceYear: 2016,
  priceBasis: 'faste 2016-priser',
  source: 'Benchmark-feedet: levering 7 (benchmark.csv)',
  sourceKind: 'statbank',
  storePeers: null,
  methodNote: null,
  caveat: 'Et gab er ikke en konkret besparelse.',
  peers: [
    peer('787', 'Thisted', 66_000),
    peer('810', 'Brønderslev', 68_000),
    peer('849', 'Jammerbugt', 75_000, true),
    peer('860', 'Hjørring', 86_000),
  ],
  own: {
    municipality: '849',
    name: 'Jammerbugt',
    netExpenditure: 150_000_000,
    unitCost: 75_000,
    targetPopulation: 2000,
    needIndex: 1,
  },
  benchmark: 73_750,
  gap: 2_500_000,
  potential: 2_500_000,
  missing: [],
  excluded: [],
  // 66.000 and 68.000 are cheaper than 75.000
  rank: { position: 3, of: 4, ownInGroup: true },
  trend: [
    { year: 2014, ownUnitCost: null, benchmark: null, priceYear: null },
    { year: 2015, ownUnitCost: 74_000, benchmark: 72_000, priceYear: 2016 },
    { year: 2016, ownUnitCost: 75_000, benchmark: 73_750, priceYear: 2016 },
  ],
  trendNote: null,
};
