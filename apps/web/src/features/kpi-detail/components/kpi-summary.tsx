import type { Indicator } from '@lis/contracts';
import { addMonths, type KpiDefinition, STATUS_WORDS } from '@lis/domain';
import { ChangeIndicator } from '../../../components/kpi/change-indicator';
import { Provenance } from '../../../components/kpi/provenance';
import { StatusBadge } from '../../../components/kpi/status-badge';
import { formatCount, formatKpiValue, formatMonth, samePeriodLastYear } from '../../../lib/format';
import { firstComparison, targetText } from '../../../lib/kpi-comparison';

/** The month's figure at the top of the detail page. */
export function KpiSummary({ kpi, indicator, period }: { kpi: KpiDefinition; indicator: Indicator; period: string }) {
  const { value, status } = indicator;
  const target = targetText(kpi, indicator.target);
  const first = firstComparison(kpi, indicator, period);
  return (
    <section
      className="panel summary"
      aria-label={`${kpi.name}, ${formatMonth(period)}`}
      data-testid="kpi-summary"
      data-status={status}
    >
      <div className="summary__figure">
        <p className="summary__value" data-testid="kpi-value" data-value={value ?? undefined}>
          {status === 'suppressed' ? STATUS_WORDS.suppressed : formatKpiValue(value, kpi)}
        </p>
        <StatusBadge status={status} />
      </div>
      {status === 'suppressed' && indicator.suppressedReason && <p className="summary__reason">{indicator.suppressedReason}</p>}
      {status === 'no_data' && <p className="summary__reason">Ingen data for {formatMonth(period)}.</p>}
      <dl className="summary__facts">
        <div>
          <dt>{target.label}</dt>
          <dd>{target.value}</dd>
        </div>
        <div>
          <dt>{first.label}</dt>
          <dd>
            <ChangeIndicator current={value} earlier={first.earlier} kpi={kpi} against={first.against} />
          </dd>
        </div>
        <div>
          <dt>Samme måned sidste år</dt>
          <dd>
            <ChangeIndicator
              current={value}
              earlier={indicator.sameMonthLastYear}
              kpi={kpi}
              against={formatMonth(addMonths(period, -12))}
            />
          </dd>
        </div>
        {indicator.ytd !== null && (
          <div>
            <dt>År til dato</dt>
            <dd>
              {formatKpiValue(indicator.ytd, kpi)}{' '}
              <ChangeIndicator
                current={indicator.ytd}
                earlier={indicator.ytdLastYear}
                kpi={kpi}
                against={samePeriodLastYear(period)}
              />
            </dd>
          </div>
        )}
        {kpi.showN && indicator.n !== null && (
          <div>
            <dt>n</dt>
            <dd>{formatCount(indicator.n)}</dd>
          </div>
        )}
      </dl>
      <Provenance kpi={kpi} asOf={indicator.asOf} dataPeriod={indicator.dataPeriod} period={period} />
    </section>
  );
}
