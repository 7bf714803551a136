/**
 * The KPI catalogue: what every indicator means, how it rolls up and which way is good. Each KPI is
 * defined in its family's file (kpi-families/*); this is the catalogue of them all. Ids are
 * contracts (scripts and the kpi/targets feeds use them): add, never rename.
 */

import { KPI_FAMILIES, type KpiDefinition, type KpiFamily, type KpiTheme } from './kpi-families/index.ts';

export * from './kpi-families/index.ts';

/** The catalogue: the KPIs of every family. */
export const KPIS: readonly KpiDefinition[] = KPI_FAMILIES.flatMap((family) => family.kpis);

const BY_ID = new Map(KPIS.map((k) => [k.id, k]));

export function findKpi(id: string): KpiDefinition | null {
  return BY_ID.get(id) ?? null;
}

export function getKpi(id: string): KpiDefinition {
  const kpi = BY_ID.get(id);
  if (!kpi) throw new Error(`Unknown KPI ${id}`);
  return kpi;
}

export const THEME_NAMES: Readonly<Record<KpiTheme, string>> = {
  oekonomi: 'Økonomi',
  kerneopgave: 'Kerneopgaven',
  kompetencer: 'Kompetencer',
  sagsbehandling: 'Sagsbehandling',
  ressourcer: 'Ressourcer',
  arbejdsplads: 'Arbejdspladsen',
  loefter: 'Vi holder hvad vi lover',
};

/** How current the store is: the KPIs whose months are the months their feed delivered. */
export const CURRENCY_KPI_IDS: readonly string[] = KPIS.filter((k) => k.marksCurrency).map((k) => k.id);

/** The families a KPI is defined in: exactly one for every KPI of the catalogue (a test holds it). */
export function familiesOf(kpiId: string, families: readonly KpiFamily[] = KPI_FAMILIES): KpiFamily[] {
  return families.filter((family) => family.kpis.some((kpi) => kpi.id === kpiId));
}

/** The family a KPI of the catalogue is defined in. */
export function familyOf(kpiId: string): KpiFamily {
  const [family] = familiesOf(kpiId);
  if (!family) throw new Error(`Unknown KPI ${kpiId}`);
  return family;
}
