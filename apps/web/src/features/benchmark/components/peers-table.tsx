import type { BenchmarkResult } from '@lis/contracts';
import { formatDkk, formatNumber } from '../../../lib/format';

const FOLD_ABOVE = 20;

/** The peers behind the benchmark, cheapest first: exactly the export's Input sheet. */
export function PeersTable({ result }: { result: BenchmarkResult }) {
  const { peers, own, missing, excluded, year, areaName, needAdjusted, includeOwn } = result;
  return (
    <>
      {/* The whole country is 97 rows: folded, with the chart above showing them all. */}
      <details className="table-details" open={peers.length <= FOLD_ABOVE}>
        <summary>Kommunerne i gruppen ({peers.length})</summary>
        <div className="table-scroll">
          <table className="data-table" data-testid="benchmark-peers-table">
            <caption>
              Kommunerne i gruppen for {areaName}, {year}, billigste først
              {needAdjusted ? '; enhedsudgift divideret med udgiftsbehovsindekset' : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Kommune</th>
                <th scope="col" className="num">
                  Nettodriftsudgift
                </th>
                <th scope="col" className="num">
                  Målgruppe
                </th>
                <th scope="col" className="num">
                  Enhedsudgift{needAdjusted ? ', behovskorrigeret' : ''}
                </th>
                <th scope="col" className="num">
                  Udgifts&shy;behovsindeks
                </th>
              </tr>
            </thead>
            <tbody>
              {peers.map((peer) => (
                <tr
                  key={peer.municipality}
                  className={peer.isOwn ? 'is-own' : undefined}
                  data-testid={`peer-row-${peer.municipality}`}
                  data-value={peer.unitCost}
                >
                  <th scope="row">
                    {peer.name}
                    {peer.isOwn && <span className="own-tag">egen kommune</span>}
                  </th>
                  <td className="num">{formatDkk(peer.netExpenditure)}</td>
                  <td className="num">{formatNumber(peer.targetPopulation, 0)}</td>
                  <td className="num">{formatNumber(peer.unitCost, 0)} kr.</td>
                  <td className="num">{formatNumber(peer.needIndex, 3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      {!includeOwn && (
        <p className="table-note">
          {own.name} er ikke med i gruppen og indgår ikke i benchmark (enhedsudgift {formatNumber(own.unitCost, 0)} kr.).
        </p>
      )}
      {missing.length > 0 && (
        <p className="table-note">
          Uden tal for {year}, derfor ikke med: {missing.map((m) => m.name).join(', ')}.
        </p>
      )}
      {excluded.length > 0 && (
        <p className="table-note" data-testid="benchmark-excluded">
          Udeladt, fordi målgruppen er 0 i de leverede tal (ingen enhedsudgift): {excluded.map((m) => m.name).join(', ')}.
        </p>
      )}
    </>
  );
}
