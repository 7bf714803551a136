import type { BenchmarkResult } from '@lis/contracts';
import { useMemo } from 'react';
import { EChart } from '../../../components/charts/echart';
import { formatNumber, MISSING } from '../../../lib/format';
import { buildTrendOption } from '../charts/benchmark-trend';

const unitCost = (value: number | null) => (value === null ? MISSING : formatNumber(value, 0));

/** Own unit cost and benchmark over the year and the two before: a line chart and the same figures as a table. */
export function TrendPanel({ result }: { result: BenchmarkResult }) {
  const option = useMemo(() => buildTrendOption(result), [result]);
  return (
    <div className="benchmark-trend" data-testid="benchmark-trend">
      <h3>
        Udvikling {result.trend[0]?.year}–{result.trend.at(-1)?.year}
      </h3>
      <p className="table-note">Samme metode og gruppe hvert år; et år uden tal står som {MISSING} og giver et hul i linjen.</p>
      <EChart option={option} height={240} testId="benchmark-trend-chart" />
      <div className="table-scroll">
        <table className="data-table" data-testid="benchmark-trend-table">
          <caption>Enhedsudgift pr. år (kr.)</caption>
          <thead>
            <tr>
              <th scope="col">År</th>
              <th scope="col" className="num">
                {result.own.name}
              </th>
              <th scope="col" className="num">
                Benchmark
              </th>
              <th scope="col">Prisår</th>
            </tr>
          </thead>
          <tbody>
            {result.trend.map((point) => (
              <tr key={point.year} data-year={point.year}>
                <th scope="row">{point.year}</th>
                <td className="num" data-value={point.ownUnitCost ?? undefined}>
                  {unitCost(point.ownUnitCost)}
                </td>
                <td className="num" data-value={point.benchmark ?? undefined}>
                  {unitCost(point.benchmark)}
                </td>
                <td>{point.priceYear === null ? (point.ownUnitCost === null ? MISSING : 'ikke oplyst') : point.priceYear}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.trendNote && (
        <p className="table-note" role="note">
          {result.trendNote}
        </p>
      )}
    </div>
  );
}
