import type { Indicator } from '@lis/contracts';
import { findKpi, type KpiDefinition, type KpiTheme, THEME_NAMES } from '@lis/domain';

export interface ThemeGroup {
  theme: KpiTheme;
  name: string;
  items: { indicator: Indicator; kpi: KpiDefinition }[];
}

/** Tiles under the strategy's points, in the strategy's order; empty themes are left out. */
export function groupByTheme(indicators: readonly Indicator[]): ThemeGroup[] {
  const groups = (Object.keys(THEME_NAMES) as KpiTheme[]).map(
    (theme): ThemeGroup => ({ theme, name: THEME_NAMES[theme], items: [] }),
  );
  for (const indicator of indicators) {
    const kpi = findKpi(indicator.kpiId);
    if (kpi) groups.find((group) => group.theme === kpi.theme)?.items.push({ indicator, kpi });
  }
  return groups.filter((group) => group.items.length > 0);
}

/**
 * KPIs without a figure this month or in the 12 before it: the unit is not delivered for (a
 * forvaltning without cases of the delivered types). They are listed, not drawn as empty tiles.
 */
export const isSilent = (indicator: Indicator) =>
  indicator.status === 'no_data' && indicator.series.every((point) => point.value === null);
