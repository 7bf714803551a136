import type { OrgUnit } from '@lis/contracts';
import { type KpiDefinition, STATUS_WORDS } from '@lis/domain';
import { useId } from 'react';
import { StatusBadge } from '../../../components/kpi/status-badge';
import { formatCount, formatKpiValue, formatMonthLong } from '../../../lib/format';
import { Link } from '../../../lib/navigation';
import { kpiHref } from '../../../lib/url-state';
import type { BreakdownItem } from '../charts/breakdown';

/** The breakdown chart as a table, in the same order; suppressed units say so and why, never a number. */
export function BreakdownTable({
  items,
  kpi,
  org,
  period,
}: {
  items: BreakdownItem[];
  kpi: KpiDefinition;
  org: OrgUnit;
  period: string;
}) {
  const noteId = useId();
  const reasons = [...new Set(items.map((item) => item.suppressedReason).filter((reason): reason is string => reason !== null))];
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="breakdown-table">
        <caption>
          {kpi.name} for underenhederne af {org.name}, {formatMonthLong(period)}. Højeste værdi først.
        </caption>
        <thead>
          <tr>
            <th scope="col">Enhed</th>
            <th scope="col" className="num">
              Værdi
            </th>
            <th scope="col" className="num">
              Mål
            </th>
            <th scope="col">Status</th>
            {kpi.showN && (
              <th scope="col" className="num">
                n
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr
              key={item.org.id}
              data-testid={`breakdown-row-${item.org.id}`}
              data-status={item.status}
              data-value={item.value ?? undefined}
            >
              <th scope="row">
                <Link href={kpiHref(kpi.id, item.org.id, period)}>{item.org.name}</Link>
              </th>
              <td className="num">
                {item.status === 'suppressed' ? (
                  <span
                    aria-describedby={item.suppressedReason ? `${noteId}-${reasons.indexOf(item.suppressedReason)}` : undefined}
                  >
                    {STATUS_WORDS.suppressed}
                    {item.suppressedReason && <sup aria-hidden="true">{reasons.indexOf(item.suppressedReason) + 1}</sup>}
                  </span>
                ) : (
                  formatKpiValue(item.value, kpi)
                )}
              </td>
              <td className="num">{formatKpiValue(item.target, kpi)}</td>
              <td>
                <StatusBadge status={item.status} />
              </td>
              {kpi.showN && <td className="num">{formatCount(item.n)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {reasons.map((reason, index) => (
        <p key={reason} id={`${noteId}-${index}`} className="table-note">
          <sup>{index + 1}</sup> {reason}
        </p>
      ))}
    </div>
  );
}
