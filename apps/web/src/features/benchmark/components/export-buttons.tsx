import '../../../components/ui/ui.css';

/**
 * ExportLinks as it looks, plus the hooks `export-csv` / `export-xlsx` the benchmark's browser
 * test downloads through (the shared component has none).
 */
export function ExportButtons({ what, urlFor }: { what: string; urlFor: (format: 'csv' | 'xlsx') => string }) {
  return (
    <span className="export-links">
      <span className="export-links__label">Hent {what}:</span>
      <a
        className="button button--small"
        href={urlFor('csv')}
        download
        aria-label={`Hent ${what} som CSV`}
        data-testid="export-csv"
      >
        CSV
      </a>
      <a
        className="button button--small"
        href={urlFor('xlsx')}
        download
        aria-label={`Hent ${what} som Excel-fil (XLSX)`}
        data-testid="export-xlsx"
      >
        Excel
      </a>
    </span>
  );
}
