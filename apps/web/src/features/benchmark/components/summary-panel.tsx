import type { BenchmarkSummary } from '@lis/contracts';
import { ExportLinks } from '../../../components/ui/export-links';
import { ErrorMessage, Loading } from '../../../components/ui/query-state';
import { formatDkk, formatNumber, MISSING } from '../../../lib/format';
import { Link } from '../../../lib/navigation';
import { type SummaryInput, summaryExportUrl, useBenchmarkSummary } from '../api/get-summary';

type Area = BenchmarkSummary['areas'][number];

/** 'over benchmark', 'under benchmark (9,0 mio. kr. under)': an area under is named, never netted. */
export function positionText(area: Pick<Area, 'position' | 'gap'>): string {
  switch (area.position) {
    case 'over':
      return 'over benchmark';
    case 'under':
      return `under benchmark (${formatDkk(-(area.gap ?? 0))} under)`;
    case 'at':
      return 'på benchmark';
    case 'no_data':
      return 'ingen data';
  }
}

/** Every area with the same choice: the potential where over, "under benchmark" where under, the total of the positive ones. */
export function SummaryPanel({
  input,
  area,
  hrefForArea,
}: {
  input: SummaryInput;
  area: string;
  hrefForArea: (area: string) => string;
}) {
  const summary = useBenchmarkSummary(input);
  return (
    <section className="panel" aria-labelledby="summary-title">
      <div className="panel__header">
        <h2 id="summary-title">Alle områder</h2>
        <ExportLinks what="oversigten over alle områder" urlFor={(format) => summaryExportUrl(input, format)} />
      </div>
      {summary.isPending && <Loading label="Henter alle områder …" />}
      {summary.isError && <ErrorMessage error={summary.error} onRetry={() => summary.refetch()} />}
      {summary.isSuccess && (
        <div className={`table-scroll${summary.isPlaceholderData ? ' is-updating-table' : ''}`}>
          <table className="data-table" data-testid="benchmark-summary">
            <caption>
              Potentiale pr. område, {summary.data.year}, {summary.data.methodName.toLocaleLowerCase('da')}. Områder under
              benchmark modregnes ikke.
            </caption>
            <thead>
              <tr>
                <th scope="col">Område</th>
                <th scope="col" className="num">
                  Enhedsudgift, egen
                </th>
                <th scope="col" className="num">
                  Benchmark
                </th>
                <th scope="col" className="num">
                  Potentiale
                </th>
                <th scope="col">Placering</th>
                <th scope="col" className="num">
                  Rang (billigst = 1)
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.data.areas.map((row) => (
                <tr
                  key={row.area}
                  className={row.area === area ? 'is-current' : undefined}
                  data-testid={`summary-row-${row.area}`}
                >
                  <th scope="row">
                    <Link href={hrefForArea(row.area)} aria-current={row.area === area ? 'true' : undefined}>
                      {row.areaName}
                    </Link>
                  </th>
                  <td className="num">{formatUnitCost(row.ownUnitCost)}</td>
                  <td className="num">{formatUnitCost(row.benchmark)}</td>
                  <td className="num" data-value={row.potential}>
                    {row.position === 'over' ? formatDkk(row.potential) : MISSING}
                  </td>
                  <td className={`position position--${row.position}`}>{positionText(row)}</td>
                  <td className="num">{row.rank ? `nr. ${row.rank.position} af ${row.rank.of}` : MISSING}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">I alt, kun områder over benchmark</th>
                <td />
                <td />
                <td className="num" data-testid="benchmark-summary-total" data-value={summary.data.totalPotential}>
                  {formatDkk(summary.data.totalPotential)}
                </td>
                <td />
                <td />
              </tr>
            </tfoot>
          </table>
          <p className="table-note" data-testid="benchmark-summary-basis">
            {summary.data.priceBase}. Kilde: {summary.data.source}.{summary.data.methodNote ? ` ${summary.data.methodNote}` : ''}
          </p>
          <ExcludedNote areas={summary.data.areas} />
        </div>
      )}
    </section>
  );
}

const formatUnitCost = (value: number | null): string => (value === null ? MISSING : `${formatNumber(value, 0)} kr.`);

/** Municipalities left out of an area because their row has no target population. */
function ExcludedNote({ areas }: { areas: Area[] }) {
  const left = areas.filter((a) => a.excluded.length > 0);
  if (left.length === 0) return null;
  return (
    <p className="table-note" data-testid="benchmark-summary-excluded">
      Udeladt, fordi målgruppen er 0 i de leverede tal:{' '}
      {left.map((a) => `${a.areaName}: ${a.excluded.map((m) => m.name).join(', ')}`).join('; ')}.
    </p>
  );
}
