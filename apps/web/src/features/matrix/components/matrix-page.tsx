import type { Matrix } from '@lis/contracts';
import { ExportLinks } from '../../../components/ui/export-links';
import { formatDate, formatMonthLong } from '../../../lib/format';
import { Link } from '../../../lib/navigation';
import { overviewHref } from '../../../lib/url-state';
import { matrixExportUrl } from '../api/get-matrix';
import { MatrixTable } from './matrix-table';
import './matrix.css';

const today = () => new Date().toLocaleDateString('sv-SE'); // YYYY-MM-DD in local time

/** All units one level down × all KPIs for a month, to see at once where the red figures are. */
export function MatrixPage({ matrix }: { matrix: Matrix }) {
  const { org, period } = matrix;
  const suppressed = matrix.rows.some((row) => row.cells.some((cell) => cell.status === 'suppressed'));
  return (
    <div className="matrix-page">
      <p className="print-only print-header">
        Ledelsesinformation · Alle enheder × nøgletal for {org.name} · {formatMonthLong(period)} · udskrevet {formatDate(today())}
      </p>
      <div className="toolbar no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          Udskriv matrix
        </button>
        <ExportLinks
          what="matrixen"
          urlFor={(format) => matrixExportUrl(org.id, period, format)}
          testIds={{ csv: 'matrix-csv', xlsx: 'matrix-xlsx' }}
        />
        <Link href={overviewHref(org.id, period)}>Tilbage til oversigten</Link>
      </div>
      <p className="matrix-page__hint no-print">
        Klik på en overskrift for at sortere, på et tal for at se nøgletallet for enheden.
      </p>
      {matrix.rows.length === 1 && <p>{org.name} har ingen underenheder; kun enhedens egne tal vises.</p>}
      <MatrixTable matrix={matrix} />
      {suppressed && (
        <p className="table-note">
          Diskretioneret: tallet vises ikke, fordi enheden har for få medarbejdere, eller fordi det ellers kunne regnes ud af
          søsterenhedernes tal.
        </p>
      )}
    </div>
  );
}
