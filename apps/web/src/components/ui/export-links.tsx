import './ui.css';

/** The API's own CSV/XLSX of what the page shows: plain download links, so the browser saves the file. */
export function ExportLinks({ what, urlFor }: { what: string; urlFor: (format: 'csv' | 'xlsx') => string }) {
  return (
    <span className="export-links">
      <span className="export-links__label">Hent {what}:</span>
      <a className="button button--small" href={urlFor('csv')} download aria-label={`Hent ${what} som CSV`}>
        CSV
      </a>
      <a className="button button--small" href={urlFor('xlsx')} download aria-label={`Hent ${what} som Excel-fil (XLSX)`}>
        Excel
      </a>
    </span>
  );
}
