import type { Indicator } from '@lis/contracts';
import { findKpi } from '@lis/domain';
import { StatusBadge } from '../../../components/kpi/status-badge';
import { formatKpiValue } from '../../../lib/format';
import { targetLine } from '../../../lib/kpi-comparison';
import { Link } from '../../../lib/navigation';
import { kpiHref } from '../../../lib/url-state';

/** The red, then the yellow KPIs in one short list above the themes: what the month's meeting is about. */
export function ExceptionsList({ exceptions, orgId, period }: { exceptions: Indicator[]; orgId: string; period: string }) {
  if (exceptions.length === 0) return null;
  return (
    <section className="exceptions" aria-labelledby="exceptions-title" data-testid="exceptions">
      <h2 id="exceptions-title" className="theme__title">
        Kræver opmærksomhed
      </h2>
      <ul className="exceptions__list">
        {exceptions.map((indicator) => {
          const kpi = findKpi(indicator.kpiId);
          if (!kpi) return null;
          return (
            <li
              key={kpi.id}
              className={`exceptions__item exceptions__item--${indicator.status}`}
              data-testid={`exception-${kpi.id}`}
            >
              <StatusBadge status={indicator.status} />
              <Link href={kpiHref(kpi.id, orgId, period)} className="exceptions__name">
                {kpi.name}
              </Link>
              <span className="exceptions__value">{formatKpiValue(indicator.value, kpi)}</span>
              <span className="exceptions__target">{targetLine(kpi, indicator.target)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
