/**
 * The shape of a KPI definition and of the family it belongs to. A family is the KPIs computed
 * together from one feed: it states the feed, the sums (or detail rows) the refresh asks the store
 * for, and the rollup that turns them into values; each of its KPIs states its numerator and
 * denominator (or its statistic over the detail rows) and its scale.
 */

export type KpiUnit = 'pct' | 'days' | 'count' | 'dkk' | 'score';
export type KpiDirection = 'higher_is_better' | 'lower_is_better';
/** The strategy's "Vi har styr på butikken" points. */
export type KpiTheme = 'oekonomi' | 'kerneopgave' | 'kompetencer' | 'sagsbehandling' | 'ressourcer' | 'arbejdsplads' | 'loefter';
export type KpiSourceFeed = 'economy' | 'budget_plan' | 'sickleave' | 'cases' | 'kpi' | 'benchmark' | 'population';
/**
 * How a value is formed for a unit from the facts of its whole subtree:
 * - ratio: Σ numerator / Σ denominator × scale (never an average of children's ratios)
 * - sum: Σ values
 * - quantile: a percentile of all detail rows in the subtree (never from children's quantiles)
 * - difference: a signed amount (forecast − budget), summed over the subtree
 */
export type KpiAggregation = 'ratio' | 'sum' | 'quantile' | 'difference';

export interface KpiDefinition {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** the formula in words, as shown under the chart */
  readonly formula: string;
  readonly unit: KpiUnit;
  readonly decimals: number;
  readonly direction: KpiDirection;
  readonly aggregation: KpiAggregation;
  /** ratio × scale: 100 for percentages */
  readonly scale: number;
  /** the feed the facts come from: the family's */
  readonly sourceFeed: KpiSourceFeed;
  readonly theme: KpiTheme;
  /** personal data: small groups are suppressed (domain.md §4) */
  readonly personalData: boolean;
  /** a flow over the month (has a year-to-date value) rather than a state at month end */
  readonly flow: boolean;
  /** org levels the KPI is shown at */
  readonly levels: 'all' | 'kommune';
  /** n is the number of detail rows behind the value (cases) and should be shown */
  readonly showN: boolean;
  /** a value measured less often than monthly (a survey) is shown for this many months after */
  readonly carryForwardMonths: number;
  /**
   * its months with a value are exactly the months its feed delivered, so the store's first and
   * newest month are read from it (not a forecast, which carries the month it was made, nor a
   * survey shown after its month)
   */
  readonly marksCurrency: boolean;
  /** what the value is made of, in the names of its family's sums */
  readonly measure: KpiMeasure;
}

/**
 * Numerator and denominator name sums of the family (a sum or a difference has no denominator);
 * a quantile is taken over the detail rows themselves, never over the children's quantiles.
 */
export type KpiMeasure =
  | { readonly numerator: string; readonly denominator: string | null }
  | { readonly quantile: number; readonly of: string };

export type KpiFamilyId = 'economy' | 'plan' | 'cases' | 'sickleave' | 'kpi' | 'benchmark' | 'demography';

export interface KpiFamily {
  readonly id: KpiFamilyId;
  readonly name: string;
  readonly sourceFeed: KpiSourceFeed;
  /** feeds whose delivery changes the family's values besides its own (the organisation changes every family) */
  readonly alsoReads: readonly string[];
  /** what the refresh asks the store for, summed over a unit's whole subtree: name → meaning */
  readonly sums: Readonly<Record<string, string>>;
  /** the domain function that forms the values from the sums */
  readonly rollup: string;
  /** the file that defines the family and its KPIs, from the repository root */
  readonly definedIn: string;
  readonly kpis: readonly KpiDefinition[];
}

type Optional = 'scale' | 'levels' | 'showN' | 'personalData' | 'carryForwardMonths' | 'marksCurrency';
type Def = Omit<KpiDefinition, Optional | 'sourceFeed'> & Partial<Pick<KpiDefinition, Optional>>;

/** A family with its KPIs, which take the family's feed and the usual defaults. */
export function kpiFamily(family: Omit<KpiFamily, 'kpis'> & { kpis: readonly Def[] }): KpiFamily {
  return {
    ...family,
    kpis: family.kpis.map((d) => ({
      scale: 1,
      levels: 'all',
      showN: false,
      personalData: false,
      carryForwardMonths: 0,
      marksCurrency: false,
      ...d,
      sourceFeed: family.sourceFeed,
    })),
  };
}
