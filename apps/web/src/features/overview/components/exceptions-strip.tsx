import type { Indicator, KpiStatusValue } from '@lis/contracts';
import { STATUS_MEANINGS, STATUS_WORDS } from '@lis/domain';
import { StatusBadge } from '../../../components/kpi/status-badge';
import { countByStatus, STRIP_STATUSES } from '../lib/status-counts';

interface ExceptionsStripProps {
  indicators: readonly Indicator[];
  /** the status the tiles are filtered to, or null for all */
  selected: KpiStatusValue | null;
  onSelect: (status: KpiStatusValue | null) => void;
}

/** The month's KPIs counted by status; a count filters the tiles to that status, a second click shows all again. */
export function ExceptionsStrip({ indicators, selected, onSelect }: ExceptionsStripProps) {
  const counts = countByStatus(indicators);
  const shown = STRIP_STATUSES.filter((status) => status !== 'no_data' || counts.no_data > 0);
  return (
    <section className="strip" aria-label="Nøgletal efter status" data-testid="exceptions-strip">
      <ul className="strip__counts">
        {shown.map((status) => (
          <li key={status}>
            <button
              type="button"
              className={`strip__count strip__count--${status}`}
              aria-pressed={selected === status}
              disabled={counts[status] === 0 && selected !== status}
              title={`${STATUS_MEANINGS[status]}; vis kun disse`}
              data-testid={`strip-count-${status}`}
              onClick={() => onSelect(selected === status ? null : status)}
            >
              <span className="strip__number">{counts[status]}</span>
              <StatusBadge status={status} />
            </button>
          </li>
        ))}
      </ul>
      {selected && (
        <p className="strip__filter no-print" role="status">
          Viser kun nøgletal med status {STATUS_WORDS[selected]}.{' '}
          <button type="button" className="link-button" onClick={() => onSelect(null)}>
            Vis alle
          </button>
        </p>
      )}
    </section>
  );
}
