import { FEEDS, type Indicator } from '@lis/contracts';
import { findKpi, type KpiDefinition } from '@lis/domain';
import { Link } from '../../../lib/navigation';
import { kpiHref } from '../../../lib/url-state';

/** The KPIs a unit has had no figures for in a year, in one short list after the tiles. */
export function SilentKpis({
  indicators,
  orgId,
  orgName,
  period,
}: {
  indicators: Indicator[];
  orgId: string;
  orgName: string;
  period: string;
}) {
  const kpis = indicators.map((indicator) => findKpi(indicator.kpiId)).filter((kpi): kpi is KpiDefinition => kpi !== null);
  if (kpis.length === 0) return null;
  return (
    <section className="silent" aria-labelledby="silent-title" data-testid="silent-kpis">
      <h2 id="silent-title" className="theme__title">
        Uden tal det seneste år
      </h2>
      <p className="silent__intro">Der er ikke leveret tal for {orgName} til disse nøgletal i måneden eller de 12 måneder før.</p>
      <ul className="silent__list">
        {kpis.map((kpi) => (
          <li key={kpi.id}>
            <Link href={kpiHref(kpi.id, orgId, period)}>{kpi.name}</Link>
            <span className="silent__source"> · kilde {FEEDS[kpi.sourceFeed].title}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
