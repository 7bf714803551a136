import type { CSSProperties } from 'react';
import { kpiHref } from '../../../lib/url-state';
import type { ThemeGroup } from '../lib/group-by-theme';
import { KpiTile } from './kpi-tile';

// Printed, themes share rows of this many tiles, so the report fits one A4 landscape page.
const PRINT_COLUMNS = 6;

export function ThemeSection({ group, orgId, period }: { group: ThemeGroup; orgId: string; period: string }) {
  const headingId = `theme-${group.theme}`;
  const printSpan = { '--theme-span': Math.min(group.items.length, PRINT_COLUMNS) } as CSSProperties;
  return (
    <section className="theme" aria-labelledby={headingId} data-testid={`theme-${group.theme}`} style={printSpan}>
      <h2 id={headingId} className="theme__title">
        {group.name}
      </h2>
      <div className="tiles">
        {group.items.map(({ indicator, kpi }) => (
          <KpiTile key={kpi.id} indicator={indicator} kpi={kpi} period={period} href={kpiHref(kpi.id, orgId, period)} />
        ))}
      </div>
    </section>
  );
}
