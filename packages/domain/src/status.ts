import type { KpiDirection } from './kpis.ts';
import { roundToDecimals } from './stats.ts';

export type KpiStatus = 'green' | 'yellow' | 'red' | 'no_data' | 'suppressed' | 'no_target';

/** The word for each light, so a status reads without colour (on screen, in exports). */
export const STATUS_WORDS: Readonly<Record<KpiStatus, string>> = {
  green: 'grøn',
  yellow: 'gul',
  red: 'rød',
  no_data: 'ingen data',
  suppressed: 'diskretioneret',
  no_target: 'intet mål',
};

/** What the light means, for the tooltip and screen readers. */
export const STATUS_MEANINGS: Readonly<Record<KpiStatus, string>> = {
  green: 'målet er nået',
  yellow: 'tæt på målet, inden for tolerancen',
  red: 'målet er ikke nået',
  no_data: 'der er ikke leveret data for perioden',
  suppressed: 'tallet vises ikke, fordi enheden er for lille',
  no_target: 'der er ikke sat et mål',
};

/** The yellow band when a target comes without its own tolerance (domain.md §7). */
export const DEFAULT_TOLERANCE = 0.1;

// Enough places for any tolerance a person types (0,1, 0,05, 0,125) times a target.
const BAND_DECIMALS = 9;

export interface StatusInput {
  value: number | null;
  target: number | null;
  /** the yellow band as a fraction of |target|; null = DEFAULT_TOLERANCE */
  tolerance: number | null;
  direction: KpiDirection;
  /** the KPI's decimals: value and target are compared as shown */
  decimals: number;
  suppressed: boolean;
}

/**
 * Traffic light against the target (domain.md §7): green when met, yellow on the wrong side but
 * within |target| × tolerance, red beyond. Suppression wins over everything, then missing value,
 * then missing target.
 *
 * Value and target are both rounded to the KPI's decimals first, so the light agrees with what
 * the page prints: "5,0 % against a target of 5,0 %" is green even when the value was 5,04.
 */
export function kpiStatus(input: StatusInput): KpiStatus {
  if (input.suppressed) return 'suppressed';
  if (input.value === null) return 'no_data';
  if (input.target === null) return 'no_target';
  const tolerance = input.tolerance ?? DEFAULT_TOLERANCE;
  if (!(tolerance >= 0)) throw new RangeError(`tolerance must be a fraction ≥ 0, got ${tolerance}`);
  const value = roundToDecimals(input.value, input.decimals);
  const target = roundToDecimals(input.target, input.decimals);
  // Differences of decimals carry binary noise (3.63 − 3.3 = 0.33000000000000007, 3.3 × 0.1 =
  // 0.32999999999999996); rounding both back to decimal places keeps a value on the edge yellow.
  const shortfall = roundToDecimals(input.direction === 'lower_is_better' ? value - target : target - value, input.decimals);
  if (shortfall <= 0) return 'green';
  const band = roundToDecimals(Math.abs(target) * tolerance, BAND_DECIMALS);
  return shortfall <= band ? 'yellow' : 'red';
}

/**
 * The target of the nearest unit that has one (domain.md §7): the unit itself first, then its
 * ancestors. `targetFor` may return undefined, so a Map's get can be passed straight in.
 */
export function resolveTarget<T>(
  orgPathFromSelfToRoot: readonly string[],
  targetFor: (orgId: string) => T | null | undefined,
): T | null {
  for (const orgId of orgPathFromSelfToRoot) {
    const target = targetFor(orgId);
    if (target !== null && target !== undefined) return target;
  }
  return null;
}

/** Statuses from the one that needs attention most to the least: a judged light before a missing one. */
const STATUS_SEVERITY: readonly KpiStatus[] = ['red', 'yellow', 'green', 'no_target', 'suppressed', 'no_data'];

/**
 * A unit's worst status over its KPIs (a sub-unit's chip): red if any is red, else yellow, else
 * green; only when nothing was judged against a target, the first of no target, suppressed, no data.
 */
export function worstStatus(statuses: Iterable<KpiStatus>): KpiStatus {
  let worst = STATUS_SEVERITY.length - 1;
  for (const status of statuses) worst = Math.min(worst, STATUS_SEVERITY.indexOf(status));
  return STATUS_SEVERITY[worst] as KpiStatus;
}
