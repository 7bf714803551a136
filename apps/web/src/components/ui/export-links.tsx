import './ui.css';

interface ExportLinksProps {
  /** what the files hold, in words: "Hent <what>: CSV Excel" */
  what: string;
  urlFor: (format: 'csv' | 'xlsx') => string;
  /** data-testid of each link, for a page whose browser test downloads them */
  testIds?: { csv?: string; xlsx?: string };
}

/** The API's own CSV/XLSX of what the page shows: plain download links, so the browser saves the file. */
export function ExportLinks({ what, urlFor, testIds }: ExportLinksProps) {
  return (
    <span className="export-links">
      <span className="export-links__label">Hent {what}:</span>
      <a
        className="button button--small"
        href={urlFor('csv')}
        download
        aria-label={`Hent ${what} som CSV`}
        data-testid={testIds?.csv}
      >
        CSV
      </a>
      <a
        className="button button--small"
        href={urlFor('xlsx')}
        download
        aria-label={`Hent ${what} som Excel-fil (XLSX)`}
        data-testid={testIds?.xlsx}
      >
        Excel
      </a>
    </span>
  );
}
