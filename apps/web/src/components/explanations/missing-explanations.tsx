import { findKpi, STATUS_WORDS } from '@lis/domain';
import { useState } from 'react';
import { useMissingExplanations, useOverdueActions } from '../../lib/explanations';
import { formatDate, formatMonthLong } from '../../lib/format';
import { Link } from '../../lib/navigation';
import { kpiHref } from '../../lib/url-state';
import './explanations.css';

const SHOWN = 8;

/**
 * For the signed-in person: the month's yellow and red figures they answer for that have no
 * explanation yet, and the actions past their due date, each a link to the KPI's detail.
 */
export function MissingExplanations({ period }: { period: string }) {
  const missing = useMissingExplanations(period);
  const overdue = useOverdueActions();
  const [all, setAll] = useState(false);
  const items = missing.data?.items ?? [];
  const late = overdue.data?.items ?? [];
  if (items.length === 0 && late.length === 0) return null;
  return (
    <section className="missing-explanations no-print" aria-labelledby="missing-title" data-testid="missing-explanations">
      {items.length > 0 && (
        <>
          <h2 id="missing-title">
            Mangler forklaring ({items.length}) · {formatMonthLong(period)}
          </h2>
          <ul>
            {(all ? items : items.slice(0, SHOWN)).map((item) => (
              <li key={`${item.orgId}|${item.kpiId}`} data-status={item.status}>
                <span className={`missing-explanations__status missing-explanations__status--${item.status}`}>
                  {STATUS_WORDS[item.status]}
                </span>{' '}
                <Link href={kpiHref(item.kpiId, item.orgId, period)}>
                  {findKpi(item.kpiId)?.name ?? item.kpiId}, {item.orgName}
                </Link>
              </li>
            ))}
          </ul>
          {items.length > SHOWN && (
            <button type="button" className="explanation__link" onClick={() => setAll((v) => !v)}>
              {all ? 'Vis færre' : `Vis alle ${items.length}`}
            </button>
          )}
        </>
      )}
      {late.length > 0 && (
        <>
          <h2 id={items.length > 0 ? undefined : 'missing-title'}>Handlinger over fristen ({late.length})</h2>
          <ul data-testid="overdue-actions">
            {late.map((item) => (
              <li key={`${item.orgId}|${item.kpiId}|${item.period}`}>
                <Link href={kpiHref(item.kpiId, item.orgId, item.period)}>
                  {findKpi(item.kpiId)?.name ?? item.kpiId}, {item.orgName}
                </Link>
                : {item.action} (frist {formatDate(item.actionDue)})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
