/**
 * The KPI catalogue: what every indicator means, how it rolls up and which way is good.
 * Ids are contracts (scripts and the kpi/targets feeds use them): add, never rename.
 */

export type KpiUnit = 'pct' | 'days' | 'count' | 'dkk' | 'score';
export type KpiDirection = 'higher_is_better' | 'lower_is_better';
/** The strategy's "Vi har styr på butikken" points. */
export type KpiTheme = 'oekonomi' | 'kerneopgave' | 'kompetencer' | 'sagsbehandling' | 'ressourcer' | 'arbejdsplads' | 'loefter';
export type KpiSourceFeed = 'economy' | 'budget_plan' | 'sickleave' | 'cases' | 'kpi' | 'benchmark';
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
}

type Optional = 'scale' | 'levels' | 'showN' | 'personalData' | 'carryForwardMonths';
type Def = Omit<KpiDefinition, Optional> & Partial<Pick<KpiDefinition, Optional>>;

const define = (d: Def): KpiDefinition => ({
  scale: 1,
  levels: 'all',
  showN: false,
  personalData: false,
  carryForwardMonths: 0,
  ...d,
});

export const KPIS: readonly KpiDefinition[] = [
  define({
    id: 'budget_consumption_pct',
    name: 'Forbrugsprocent',
    description:
      'Hvor stor en del af årets korrigerede budget der er brugt til og med måneden. Målet er den periodiserede budgetandel år til dato (grøn til og med den, gul op til 5 % over den).',
    formula:
      'Forbrug år til dato / korrigeret budget for hele året × 100 (service og overførsler: dranst 1+2 på hovedkonto 0 og 2–6)',
    unit: 'pct',
    decimals: 1,
    direction: 'lower_is_better',
    aggregation: 'ratio',
    scale: 100,
    sourceFeed: 'economy',
    theme: 'oekonomi',
    flow: false,
  }),
  define({
    id: 'budget_forecast_deviation',
    name: 'Forventet afvigelse',
    description: 'Seneste forventede regnskab minus korrigeret budget for året. Positiv = merforbrug.',
    formula:
      'Forventet regnskab (seneste budgetopfølgning) − korrigeret budget, kr. (service og overførsler); konti uden prognose regnes med deres korrigerede budget',
    unit: 'dkk',
    decimals: 0,
    direction: 'lower_is_better',
    aggregation: 'difference',
    sourceFeed: 'economy',
    theme: 'oekonomi',
    flow: false,
  }),
  define({
    id: 'budget_forecast_deviation_pct',
    name: 'Forventet afvigelse i procent',
    description: 'Den forventede afvigelse i procent af det korrigerede budget. Positiv = merforbrug.',
    formula: '(Forventet regnskab − korrigeret budget) / korrigeret budget × 100 (service og overførsler)',
    unit: 'pct',
    decimals: 1,
    direction: 'lower_is_better',
    aggregation: 'ratio',
    scale: 100,
    sourceFeed: 'economy',
    theme: 'oekonomi',
    flow: false,
  }),
  define({
    id: 'operating_surplus',
    name: 'Driftsoverskud',
    description: 'Resultat af ordinær driftsvirksomhed (resultatopgørelsens linje A) i budgettet for året.',
    formula: 'Skatter + tilskud og udligning − service − overførsler − renter (budgetbalancen for året)',
    unit: 'dkk',
    decimals: 0,
    direction: 'higher_is_better',
    aggregation: 'sum',
    sourceFeed: 'budget_plan',
    theme: 'oekonomi',
    flow: false,
    levels: 'kommune',
  }),
  define({
    id: 'case_within_deadline_pct',
    name: 'Sager afgjort inden for fristen',
    description:
      'Andel af de sager, der blev afgjort i måneden, som blev afgjort inden for den frist, der gjaldt da sagen blev modtaget.',
    formula: 'Antal afgjort med sagsbehandlingstid ≤ frist / antal afgjorte sager × 100',
    unit: 'pct',
    decimals: 1,
    direction: 'higher_is_better',
    aggregation: 'ratio',
    scale: 100,
    sourceFeed: 'cases',
    theme: 'sagsbehandling',
    flow: true,
    showN: true,
  }),
  define({
    id: 'case_median_days',
    name: 'Sagsbehandlingstid, median',
    description:
      'Median af sagsbehandlingstiden for sager afgjort i måneden, beregnet af alle sager i enheden og dens underenheder.',
    formula: 'Median af (afgørelsesdato − modtaget/fuldt oplyst dato) i kalenderdage',
    unit: 'days',
    decimals: 1,
    direction: 'lower_is_better',
    aggregation: 'quantile',
    sourceFeed: 'cases',
    theme: 'sagsbehandling',
    flow: true,
    showN: true,
  }),
  define({
    id: 'case_p90_days',
    name: 'Sagsbehandlingstid, 90 %-fraktil',
    description: '90 % af sagerne afgjort i måneden blev afgjort på højst så mange dage.',
    formula: '90 %-fraktilen (PERCENTILE.INC) af sagsbehandlingstiden i kalenderdage',
    unit: 'days',
    decimals: 1,
    direction: 'lower_is_better',
    aggregation: 'quantile',
    sourceFeed: 'cases',
    theme: 'sagsbehandling',
    flow: true,
    showN: true,
  }),
  define({
    id: 'case_decided_count',
    name: 'Afgjorte sager',
    description: 'Antal sager afgjort i måneden.',
    formula: 'Antal sager med afgørelsesdato i måneden',
    unit: 'count',
    decimals: 0,
    direction: 'higher_is_better',
    aggregation: 'sum',
    sourceFeed: 'cases',
    theme: 'sagsbehandling',
    flow: true,
  }),
  define({
    id: 'case_backlog',
    name: 'Verserende sager',
    description: 'Sager modtaget senest ved månedens udgang og endnu ikke afgjort.',
    formula: 'Antal sager med modtaget ≤ månedens sidste dag og ingen afgørelse inden da',
    unit: 'count',
    decimals: 0,
    direction: 'lower_is_better',
    aggregation: 'sum',
    sourceFeed: 'cases',
    theme: 'sagsbehandling',
    flow: false,
  }),
  define({
    id: 'case_open_over_deadline',
    name: 'Åbne sager over fristen',
    description: 'Verserende sager, der ved månedens udgang er ældre end deres frist.',
    formula: 'Antal verserende sager med liggetid > frist ved månedens udgang',
    unit: 'count',
    decimals: 0,
    direction: 'lower_is_better',
    aggregation: 'sum',
    sourceFeed: 'cases',
    theme: 'sagsbehandling',
    flow: false,
  }),
  define({
    id: 'sick_leave_pct',
    name: 'Sygefravær',
    description: 'Fraværsprocent for egen sygdom og arbejdsskade, månedslønnede. Barns sygdom og barsel tælles ikke med.',
    formula: '(Timer egen sygdom + arbejdsskade) / planlagte (normerede) timer × 100',
    unit: 'pct',
    decimals: 1,
    direction: 'lower_is_better',
    aggregation: 'ratio',
    scale: 100,
    sourceFeed: 'sickleave',
    theme: 'arbejdsplads',
    personalData: true,
    flow: true,
  }),
  define({
    id: 'sick_leave_days_per_fte',
    name: 'Sygedage pr. årsværk (12 mdr.)',
    description: 'Fraværsdagsværk pr. fuldtidsansat, løbende 12 måneder til og med måneden (KRL’s nøgletal).',
    formula: '(Timer egen sygdom + arbejdsskade i 12 mdr.) / 7,4 / gennemsnitligt antal årsværk i de 12 mdr.',
    unit: 'days',
    decimals: 1,
    direction: 'lower_is_better',
    aggregation: 'ratio',
    sourceFeed: 'sickleave',
    theme: 'arbejdsplads',
    personalData: true,
    flow: false,
  }),
  define({
    id: 'long_term_share',
    name: 'Andel langtidsfravær',
    description: 'Den del af sygefraværet, der ligger i forløb over 29 dage.',
    formula: 'Timer i langtidsforløb / (timer egen sygdom + arbejdsskade) × 100',
    unit: 'pct',
    decimals: 1,
    direction: 'lower_is_better',
    aggregation: 'ratio',
    scale: 100,
    sourceFeed: 'sickleave',
    theme: 'arbejdsplads',
    personalData: true,
    flow: true,
  }),
  define({
    id: 'wellbeing_score',
    name: 'Trivsel (trivselsmåling)',
    description: 'Gennemsnitlig score i trivselsmålingen, 0–100. Leveres som sum af scorer og antal besvarelser.',
    formula: 'Sum af scorer / antal besvarelser',
    unit: 'score',
    decimals: 1,
    direction: 'higher_is_better',
    aggregation: 'ratio',
    sourceFeed: 'kpi',
    personalData: true,
    theme: 'arbejdsplads',
    flow: false,
    showN: true,
    carryForwardMonths: 11,
  }),
  define({
    id: 'development_talks_pct',
    name: 'Afholdte MUS-samtaler',
    description: 'Andel af medarbejderne, der har haft medarbejderudviklingssamtale inden for de seneste 12 måneder.',
    formula: 'Medarbejdere med MUS inden for 12 mdr. / medarbejdere × 100',
    unit: 'pct',
    decimals: 1,
    direction: 'higher_is_better',
    aggregation: 'ratio',
    scale: 100,
    sourceFeed: 'kpi',
    personalData: true,
    theme: 'kompetencer',
    flow: false,
  }),
  define({
    id: 'citizen_satisfaction_pct',
    name: 'Tilfredse borgere',
    description: 'Andel af borgerne i brugerundersøgelsen, der er tilfredse eller meget tilfredse med ydelsen.',
    formula: 'Tilfredse eller meget tilfredse / besvarelser × 100',
    unit: 'pct',
    decimals: 1,
    direction: 'higher_is_better',
    aggregation: 'ratio',
    scale: 100,
    sourceFeed: 'kpi',
    theme: 'kerneopgave',
    flow: false,
    showN: true,
    carryForwardMonths: 2,
  }),
  define({
    id: 'benchmark_potential',
    name: 'Effektiviseringspotentiale (benchmark)',
    description:
      'Summen af potentialerne på de områder, hvor kommunens udgift pr. person i målgruppen ligger over gennemsnittet for KORA-nabokommunerne (inkl. egen kommune). Områder under benchmark modregnes ikke. Et gab er ikke en konkret besparelse, før konteringsforskelle er undersøgt.',
    formula:
      'Σ over områder af max(0, egen enhedsudgift − benchmark) × egen målgruppe; benchmark = uvægtet gennemsnit af KORA-nabokommunerne og egen kommune',
    unit: 'dkk',
    decimals: 0,
    direction: 'lower_is_better',
    aggregation: 'sum',
    sourceFeed: 'benchmark',
    theme: 'ressourcer',
    flow: false,
    levels: 'kommune',
  }),
  define({
    id: 'promises_kept_pct',
    name: 'Indfriede løfter',
    description: 'Andel af de politisk besluttede initiativer med frist i perioden, der er gennemført til tiden.',
    formula: 'Initiativer gennemført til tiden / initiativer med frist × 100',
    unit: 'pct',
    decimals: 1,
    direction: 'higher_is_better',
    aggregation: 'ratio',
    scale: 100,
    sourceFeed: 'kpi',
    theme: 'loefter',
    flow: false,
  }),
];

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

/**
 * How current the store is: one KPI per monthly feed whose rollups exist exactly for the months the
 * feed delivered (not the forecast deviations, which carry the month of the forecast, nor surveys
 * shown after their month).
 */
export const CURRENCY_KPI_IDS: readonly string[] = [
  'sick_leave_pct',
  'budget_consumption_pct',
  'case_decided_count',
  ...KPIS.filter((k) => k.sourceFeed === 'kpi' && k.carryForwardMonths === 0).map((k) => k.id),
];
