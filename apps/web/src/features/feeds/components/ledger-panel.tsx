import { FEEDS, isFeedName } from '@lis/contracts';
import { ErrorMessage, Loading } from '../../../components/ui/query-state';
import { formatCount, formatTimestampDate } from '../../../lib/format';
import { useBatches, useRestoreBatch } from '../api/feeds-api';
import { batchPeriodText, batchStatusText, canRestore } from '../lib/batch-status';

/** Every delivery, newest first, and the way back to an earlier one. */
export function LedgerPanel() {
  const batches = useBatches();
  const restore = useRestoreBatch();
  const confirmRestore = (id: number) => {
    if (window.confirm(`Genindsæt leverance nr. ${id}? Dens rækker gælder igen i stedet for nyere rækker med samme nøgle.`))
      restore.mutate(id);
  };
  return (
    <section className="panel" aria-labelledby="ledger-title">
      <h2 id="ledger-title">Alle leverancer</h2>
      <p className="panel__note">
        Hver fil, der er sendt til LIS, nyeste først. En ny leverance erstatter rækker med samme nøgle; de gamle gemmes og kan
        genindsættes.
      </p>
      {restore.isError && <ErrorMessage error={restore.error} />}
      {batches.isPending && <Loading label="Henter leverancer …" />}
      {batches.isError && <ErrorMessage error={batches.error} onRetry={() => batches.refetch()} />}
      {batches.isSuccess && (
        <div className="table-scroll">
          <table className="data-table" data-testid="ledger">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Nr.
                </th>
                <th scope="col">Leverance</th>
                <th scope="col">Fil</th>
                <th scope="col" className="num">
                  Rækker
                </th>
                <th scope="col">Periode</th>
                <th scope="col">Indlæst</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Handling</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {batches.data.map((batch) => (
                <tr key={batch.id} data-testid={`batch-${batch.id}`}>
                  <td className="num">{batch.id}</td>
                  <td>{isFeedName(batch.feed) ? FEEDS[batch.feed].title : batch.feed}</td>
                  <td className="ledger__file">{batch.fileName}</td>
                  <td className="num">{formatCount(batch.rows)}</td>
                  <td>{batchPeriodText(batch)}</td>
                  <td>
                    {formatTimestampDate(batch.loadedAt)} af {batch.loadedBy}
                  </td>
                  <td data-testid="batch-status">{batchStatusText(batch)}</td>
                  <td>
                    {canRestore(batch) && (
                      <button
                        type="button"
                        className="button"
                        disabled={restore.isPending}
                        onClick={() => confirmRestore(batch.id)}
                      >
                        Genindsæt
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
