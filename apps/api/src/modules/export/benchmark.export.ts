import type { BenchmarkResult, BenchmarkSummary } from '@lis/contracts';
import type { ExportTable } from './table.ts';

/** The three sheets an economist hands on: inputs per municipality, the method, the result. */
export function benchmarkSheets(result: BenchmarkResult): ExportTable[] {
  return [
    {
      title: 'Input',
      columns: [
        { header: 'Kommunekode', kind: 'text' },
        { header: 'Kommune', kind: 'text' },
        { header: 'Nettodriftsudgift (kr.)', kind: 'number', decimals: 0 },
        { header: 'Målgruppe (personer)', kind: 'number', decimals: 0 },
        { header: 'Udgiftsbehovsindeks', kind: 'number', decimals: 3 },
        {
          header: result.needAdjusted ? 'Enhedsudgift, behovskorrigeret (kr.)' : 'Enhedsudgift (kr. pr. person)',
          kind: 'number',
          decimals: 0,
        },
        { header: 'Egen kommune', kind: 'text' },
      ],
      rows: result.peers.map((p) => [
        p.municipality,
        p.name,
        p.netExpenditure,
        p.targetPopulation,
        p.needIndex,
        p.unitCost,
        p.isOwn ? 'ja' : 'nej',
      ]),
    },
    methodSheet(result, [
      ['Område', result.areaName],
      [
        'Placering, egen kommune',
        result.rank ? `nr. ${result.rank.position} af ${result.rank.of} (laveste enhedsudgift = nr. 1)` : 'ingen data',
      ],
      ['Sammenligningskommuner', result.peers.map((p) => `${p.municipality} ${p.name}`).join(', ')],
      ...excludedRow(result.excluded),
    ]),
    {
      title: 'Resultat',
      columns: [
        { header: 'Område', kind: 'text' },
        { header: `Enhedsudgift ${result.own.name} (kr.)`, kind: 'number', decimals: 0 },
        { header: 'Benchmark (kr.)', kind: 'number', decimals: 0 },
        { header: 'Målgruppe, egen kommune', kind: 'number', decimals: 0 },
        { header: 'Gab (kr.)', kind: 'number', decimals: 0 },
        { header: 'Potentiale (kr.)', kind: 'number', decimals: 0 },
      ],
      rows: [[result.areaName, result.own.unitCost, result.benchmark, result.own.targetPopulation, result.gap, result.potential]],
    },
  ];
}

export function summarySheets(summary: BenchmarkSummary): ExportTable[] {
  return [
    {
      title: 'Resultat',
      columns: [
        { header: 'Område', kind: 'text' },
        { header: 'Enhedsudgift, egen kommune (kr.)', kind: 'number', decimals: 0 },
        { header: 'Benchmark (kr.)', kind: 'number', decimals: 0 },
        { header: 'Gab (kr.)', kind: 'number', decimals: 0 },
        { header: 'Potentiale (kr.)', kind: 'number', decimals: 0 },
        { header: 'Placering', kind: 'text' },
      ],
      rows: [
        ...summary.areas.map((a) => [
          a.areaName,
          a.ownUnitCost,
          a.benchmark,
          a.gap,
          a.potential,
          POSITION[a.position] ?? a.position,
        ]),
        ['I alt (kun områder over benchmark)', null, null, null, summary.totalPotential, ''],
      ],
    },
    methodSheet(
      summary,
      summary.areas.flatMap((a) =>
        excludedRow(a.excluded).map(([term, value]): [string, string] => [`${term}, ${a.areaName}`, value]),
      ),
    ),
  ];
}

/** Municipalities whose row could not enter the computation, named where the method is. */
const excludedRow = (excluded: BenchmarkResult['excluded']): [string, string][] =>
  excluded.length === 0 ? [] : [['Udeladt (ingen målgruppe)', excluded.map((e) => `${e.municipality} ${e.name}`).join(', ')]];

const POSITION: Record<string, string> = {
  over: 'over benchmark',
  under: 'under benchmark',
  at: 'på benchmark',
  no_data: 'ingen data',
};

function methodSheet(basis: Omit<BenchmarkSummary, 'areas' | 'totalPotential'>, extra: [string, string][]): ExportTable {
  return {
    title: 'Metode',
    columns: [
      { header: 'Forudsætning', kind: 'text' },
      { header: 'Værdi', kind: 'text' },
    ],
    rows: [
      ['År', String(basis.year)],
      ['Metode', basis.methodName],
      ['Sammenligningsgruppe', basis.peerGroupName],
      ['Egen kommune med i gruppen', basis.includeOwn ? 'ja' : 'nej'],
      ['Behovskorrigeret', basis.needAdjusted ? 'ja (enhedsudgift / udgiftsbehovsindeks)' : 'nej'],
      ['Prisgrundlag', basis.priceBase],
      ['Prisår', basis.priceBasis],
      ...(basis.methodNote ? [['Bemærkning til metoden', basis.methodNote] as [string, string]] : []),
      ...extra,
      ['Forbehold', basis.caveat],
      ['Kilde', `${basis.source}; kommunegrupper og regioner: Danmarks Statistik (CC BY 4.0)`],
    ],
  };
}
