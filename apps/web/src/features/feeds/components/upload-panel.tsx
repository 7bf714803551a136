import { FEED_NAMES, FEEDS, type FeedName } from '@lis/contracts';
import { type FormEvent, useState } from 'react';
import { ErrorMessage } from '../../../components/ui/query-state';
import { formatCount } from '../../../lib/format';
import { type UploadOutcome, useUploadFeed } from '../api/feeds-api';
import { columnText } from '../lib/column-words';

/** Choose a feed and a file, send it, and see what became of it. */
export function UploadPanel() {
  const [feed, setFeed] = useState<FeedName>('economy');
  const [file, setFile] = useState<File | null>(null);
  const upload = useUploadFeed();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate({ feed, file });
  };
  return (
    <section className="panel" aria-labelledby="upload-title">
      <h2 id="upload-title">Indlæs en fil</h2>
      <p className="panel__note">
        CSV (med ; eller , og gerne Windows-1252 fra økonomisystemet), XLSX eller JSON, med kolonnerne fra leverancebeskrivelsen.
        En fil med fejl afvises helt: intet gemmes, og fejlene vises med linje og kolonne.
      </p>
      <form className="upload-form" onSubmit={submit}>
        <label>
          <span>Leverance</span>
          <select value={feed} onChange={(event) => setFeed(event.target.value as FeedName)} data-testid="upload-feed">
            {FEED_NAMES.map((name) => (
              <option key={name} value={name}>
                {FEEDS[name].title} ({name})
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Fil</span>
          <input
            type="file"
            accept=".csv,.txt,.xlsx,.json"
            required
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            data-testid="upload-file"
          />
        </label>
        <button type="submit" className="button button--primary" disabled={!file || upload.isPending}>
          {upload.isPending ? 'Indlæser …' : 'Indlæs'}
        </button>
      </form>
      <p className="upload-columns" data-testid="upload-columns">
        Kolonner i {FEEDS[feed].title.toLowerCase()}: {FEEDS[feed].columns.map(columnText).join(' · ')}
      </p>
      {upload.isError && <ErrorMessage error={upload.error} />}
      {upload.isSuccess && upload.variables && (
        <UploadResult outcome={upload.data} feed={upload.variables.feed} fileName={upload.variables.file.name} />
      )}
    </section>
  );
}

function UploadResult({ outcome, feed, fileName }: { outcome: UploadOutcome; feed: FeedName; fileName: string }) {
  const title = FEEDS[feed].title;
  if (outcome.kind === 'stored') {
    const { result } = outcome;
    return (
      <p className="notice notice--ok" role="status" data-testid="upload-result" data-status={result.status}>
        {result.status === 'loaded'
          ? `${fileName} er indlæst som ${title}: ${formatCount(result.rows)} ${result.rows === 1 ? 'række' : 'rækker'} (leverance nr. ${result.batchId}). Nøgletallene er opdateret.`
          : `${fileName} er allerede indlæst (leverance nr. ${result.batchId}). Intet er ændret.`}
      </p>
    );
  }
  const { rejection } = outcome;
  return (
    <div className="notice notice--error" role="alert" data-testid="upload-result" data-status="rejected">
      <h3>
        {fileName} blev afvist: {formatCount(rejection.errorCount)} fejl. Intet er gemt.
      </h3>
      {rejection.errorCount > rejection.errors.length && <p>De første {rejection.errors.length} fejl vises.</p>}
      <div className="table-scroll">
        <table className="data-table" data-testid="upload-errors">
          <thead>
            <tr>
              <th scope="col" className="num">
                Linje
              </th>
              <th scope="col">Kolonne</th>
              <th scope="col">Værdi</th>
              <th scope="col">Fejl</th>
            </tr>
          </thead>
          <tbody>
            {rejection.errors.map((error, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same line can hold several errors, and the list is never reordered
              <tr key={index}>
                <td className="num">{error.line}</td>
                <td>{error.column ?? '–'}</td>
                <td>{error.value ?? '–'}</td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
