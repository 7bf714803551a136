import type { Indicator } from '@lis/contracts';
import { addMonths, type KpiDefinition, STATUS_WORDS, withAmountsInMillions } from '@lis/domain';
import { useId, useMemo } from 'react';
import { EChart } from '../../../components/charts/echart';
import { TileExplanation } from '../../../components/explanations/tile-explanations';
import { ChangeIndicator } from '../../../components/kpi/change-indicator';
import { Provenance } from '../../../components/kpi/provenance';
import { StatusBadge } from '../../../components/kpi/status-badge';
import { formatCount, formatKpiValue, formatMonth, samePeriodLastYear } from '../../../lib/format';
import { firstComparison, targetLine } from '../../../lib/kpi-comparison';
import { Link } from '../../../lib/navigation';
import { buildSparklineOption } from '../charts/sparkline';

interface KpiTileProps {
  indicator: Indicator;
  kpi: KpiDefinition;
  period: string;
  /** the KPI's detail page for this unit and month */
  href: string;
}

/** One KPI for a unit and month: value, light, target, changes, 12 months, n and where it came from. */
export function KpiTile({ indicator, kpi: definition, period, href }: KpiTileProps) {
  const titleId = useId();
  const kpi = useMemo(() => withAmountsInMillions(definition), [definition]);
  const { value, status } = indicator;
  const sparkline = useMemo(
    () => buildSparklineOption(indicator.series, kpi, indicator.target),
    [indicator.series, kpi, indicator.target],
  );
  const hasHistory = indicator.series.some((point) => point.value !== null);
  const first = firstComparison(kpi, indicator, period);
  return (
    <article
      className={`tile tile--${status}`}
      aria-labelledby={titleId}
      data-testid={`kpi-tile-${kpi.id}`}
      data-status={status}
      data-value={value ?? undefined}
    >
      <header className="tile__header">
        <h3 id={titleId} className="tile__title">
          <Link href={href} className="tile__link">
            {kpi.name}
          </Link>
        </h3>
        <StatusBadge status={status} />
      </header>
      <p className={`tile__value${value === null ? ' tile__value--missing' : ''}`} data-testid="kpi-value">
        {status === 'suppressed' ? STATUS_WORDS.suppressed : formatKpiValue(value, kpi)}
      </p>
      {status === 'suppressed' && indicator.suppressedReason && <p className="tile__reason">{indicator.suppressedReason}</p>}
      {status === 'no_data' && <p className="tile__reason">Ingen data for {formatMonth(period)}.</p>}
      <p className="tile__target">{targetLine(kpi, indicator.target)}</p>
      <TileExplanation kpiId={kpi.id} />
      {value !== null && (
        <ul className="tile__changes">
          <li>
            <ChangeIndicator current={value} earlier={first.earlier} kpi={kpi} against={first.against} />
          </li>
          <li>
            <ChangeIndicator
              current={value}
              earlier={indicator.sameMonthLastYear}
              kpi={kpi}
              against={formatMonth(addMonths(period, -12))}
            />
          </li>
        </ul>
      )}
      <EChart
        option={sparkline}
        height={44}
        className="tile__sparkline"
        emptyText={hasHistory ? null : status === 'suppressed' ? 'Udviklingen vises ikke' : 'Ingen udvikling at vise'}
      />
      <p className="tile__facts">
        {indicator.ytd !== null && (
          <span>
            År til dato: {formatKpiValue(indicator.ytd, kpi)}{' '}
            <ChangeIndicator
              current={indicator.ytd}
              earlier={indicator.ytdLastYear}
              kpi={kpi}
              against={samePeriodLastYear(period)}
            />
          </span>
        )}
        {kpi.showN && indicator.n !== null && (
          <span title="Antal sager, besvarelser eller medarbejdere bag tallet">n = {formatCount(indicator.n)}</span>
        )}
      </p>
      <Provenance kpi={kpi} asOf={indicator.asOf} dataPeriod={indicator.dataPeriod} period={period} />
    </article>
  );
}
