import type { KpiStatusValue } from '@lis/contracts';
import { STATUS_MEANINGS, STATUS_WORDS } from '@lis/domain';
import './kpi.css';

/** Traffic light as colour, icon and word, so it reads without colour and in black-and-white print. */
export function StatusBadge({ status }: { status: KpiStatusValue }) {
  return (
    <span className={`status status--${status}`} title={STATUS_MEANINGS[status]}>
      <StatusIcon status={status} />
      <span data-testid="kpi-status" data-status={status}>
        {STATUS_WORDS[status]}
      </span>
      <span className="visually-hidden">: {STATUS_MEANINGS[status]}</span>
    </span>
  );
}

const ICON_PATHS: Readonly<Record<KpiStatusValue, string>> = {
  green: 'M4.5 8.2 7 10.7l4.6-5.2',
  yellow: 'M8 4.2v4.6M8 11.2v.3',
  red: 'M5.3 5.3l5.4 5.4M10.7 5.3l-5.4 5.4',
  no_data: 'M4.8 8h6.4',
  suppressed: 'M5.6 7.4V6a2.4 2.4 0 0 1 4.8 0v1.4M5 7.4h6v4H5z',
  no_target: '',
};

function StatusIcon({ status }: { status: KpiStatusValue }) {
  return (
    <svg className="status__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {status === 'yellow' ? (
        <path d="M8 1.5 15 14H1z" className="status__shape" />
      ) : (
        <circle cx="8" cy="8" r="7" className="status__shape" />
      )}
      {ICON_PATHS[status] && <path d={ICON_PATHS[status]} className="status__mark" />}
    </svg>
  );
}
