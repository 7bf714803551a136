import type { ColumnType, Generated } from 'kysely';

/** `date` columns are read as 'YYYY-MM-DD' strings (see type parsers in store.ts). */
type DateString = string;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Columns every fact row carries: tenant, the batch that delivered it, and whether it is in effect. */
interface FactColumns {
  municipality: string;
  batch_id: number;
  /** false once a later delivery replaced this row; restoring the batch makes it true again. */
  active: ColumnType<boolean, boolean | undefined, boolean>;
}

export type BatchStatus = 'loaded' | 'replaced' | 'restored' | 'rejected';

export interface BatchTable {
  id: Generated<number>;
  municipality: string;
  feed: string;
  file_name: string;
  sha256: string;
  row_count: number;
  /** rows of this batch still in effect; 0 means a later delivery replaced all of them */
  active_rows: ColumnType<number, number | undefined, number>;
  error_count: number;
  loaded_by: string;
  loaded_at: Timestamp;
  status: BatchStatus;
  /** first and last month (or year) the batch covers, for the ledger and the rollup refresh */
  period_from: DateString | null;
  period_to: DateString | null;
  restored_at: Timestamp | null;
  /** loaded by the demo generator into a store the demo created */
  from_demo: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface OrgUnitTable extends FactColumns {
  org_id: string;
  parent_id: string | null;
  name: string;
  level: 'kommune' | 'forvaltning' | 'afdeling' | 'enhed';
  valid_from: DateString | null;
  valid_to: DateString | null;
}

/** Every (ancestor, descendant) pair of today's tree (each unit's newest version), including each unit with itself at depth 0. */
export interface OrgClosureTable {
  municipality: string;
  ancestor_id: string;
  descendant_id: string;
  depth: number;
}

/** The organisation feed's rows: versions of units with non-overlapping validity; org_units holds each unit's newest. */
export type OrgUnitVersionTable = OrgUnitTable;

/** The (ancestor, descendant) pairs of every month's tree: valid_from/valid_to are the first and last month (first day; ±infinity when open). */
export interface OrgClosureHistoryTable extends OrgClosureTable {
  valid_from: DateString;
  valid_to: DateString;
}

export interface EconomyTable extends FactColumns {
  period: DateString;
  org_id: string;
  function: string;
  dranst: number;
  amount_type: 'original_budget' | 'corrected_budget' | 'actual' | 'forecast';
  amount: number;
}

export interface BudgetPlanTable extends FactColumns {
  budget_year: number;
  year: number;
  line: string;
  amount: number;
}

export interface SickleaveTable extends FactColumns {
  period: DateString;
  org_id: string;
  headcount: number;
  fte: number;
  planned_hours: number;
  own_sickness_hours: number;
  work_injury_hours: number;
  long_term_hours: number;
  child_sickness_hours: number | null;
  parental_leave_hours: number | null;
  spells_started: number | null;
}

export interface CaseTypeTable extends FactColumns {
  case_type: string;
  name: string;
  deadline_days: number;
  legal_basis: string | null;
  valid_from: DateString | null;
}

export interface CaseTable extends FactColumns {
  case_id: string;
  org_id: string;
  case_type: string;
  received: DateString;
  complete: DateString | null;
  decided: DateString | null;
}

export interface BenchmarkTable extends FactColumns {
  year: number;
  /** the municipality the row describes (the feed's `municipality` column) */
  subject_municipality: string;
  area: string;
  net_expenditure: number;
  target_population: number;
  need_index: number | null;
  /** the year whose prices net_expenditure is in; null when the delivery did not say */
  price_year: number | null;
}

export interface PopulationTable extends FactColumns {
  /** the municipality the row describes (the feed's `municipality` column) */
  subject_municipality: string;
  year: number;
  /** a single year of age '0'…'125' or a band such as '0-2' or '80+' */
  age: string;
  count: number;
  kind: 'actual' | 'forecast';
  /** the forecast's name; null for actual rows */
  vintage: string | null;
}

export interface KpiValueTable extends FactColumns {
  period: DateString;
  org_id: string;
  kpi_id: string;
  numerator: number;
  denominator: number | null;
}

export interface TargetTable extends FactColumns {
  kpi_id: string;
  org_id: string;
  year: number;
  target: number;
  tolerance: number | null;
}

export interface KpiRollupTable {
  municipality: string;
  org_id: string;
  period: DateString;
  kpi_id: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** detail rows behind the value (cases decided, survey answers) */
  n: number | null;
  ytd_value: number | null;
  ytd_numerator: number | null;
  ytd_denominator: number | null;
  ytd_n: number | null;
  /** employees in the unit's whole subtree that month (sick leave), for small-group suppression */
  headcount: number | null;
  suppressed: ColumnType<boolean, boolean | undefined, boolean>;
  /** a computed comparison value, e.g. the phased budget share beside the consumption */
  reference_value: number | null;
  /** the month the value's data is from when it is carried forward (a yearly survey) */
  data_period: DateString | null;
  /** the newest batch that contributed */
  batch_id: number | null;
}

export type Role = 'admin' | 'direktion' | 'oekonom' | 'chef' | 'feeder';

export interface UserTable {
  id: Generated<number>;
  municipality: string;
  username: string;
  display_name: string;
  role: Role;
  /** argon2id; null for a person who signs in through the identity provider */
  password_hash: string | null;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  /** a demo user with the published password; retired once the store holds real data */
  from_demo: ColumnType<boolean, boolean | undefined, boolean>;
  /** how the person signs in: a local password, or the municipality's identity provider */
  source: ColumnType<UserSource, UserSource | undefined, UserSource>;
  oidc_issuer: ColumnType<string | null, string | null | undefined, string | null>;
  oidc_subject: ColumnType<string | null, string | null | undefined, string | null>;
  last_sign_in_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** where notifications go; null = none */
  email: ColumnType<string | null, string | null | undefined, string | null>;
}

export type NotificationKind = 'red_figures' | 'weekly_reminder' | 'feed_missing';

/** A kind of notification a person turned off or on again (on unless a row says otherwise). */
export interface NotificationPreferenceTable {
  user_id: number;
  kind: NotificationKind;
  enabled: boolean;
}

/** A notification sent once (a feed missing for a month, a week's reminder). */
export interface NotificationSentTable {
  municipality: string;
  kind: string;
  subject_key: string;
  sent_at: Timestamp;
}

export type UserSource = 'local' | 'oidc';

/** Provider claim value (a group's id, an app role) → role and units; kept by an admin. */
export interface AccessRuleTable {
  id: Generated<number>;
  municipality: string;
  claim: string;
  value: string;
  role: Role;
  org_ids: ColumnType<string[], string[] | undefined, string[]>;
  note: string | null;
  created_by: string;
  created_at: Timestamp;
}

/** A sign-in under way at the identity provider (used once, lives 10 minutes). */
export interface OidcLoginTable {
  state: string;
  municipality: string;
  code_verifier: string;
  nonce: string;
  return_to: string;
  created_at: Timestamp;
}

export interface ApiTokenTable {
  id: Generated<number>;
  municipality: string;
  name: string;
  role: Role;
  token_hash: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface AccessScopeTable {
  municipality: string;
  principal_kind: 'user' | 'token';
  principal_id: number;
  org_id: string;
}

export interface SessionTable {
  id_hash: string;
  municipality: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  ended_at: Timestamp | null;
  /** the provider's ID token of an OIDC session, for its logout (id_token_hint) */
  id_token: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AuditLogTable {
  id: Generated<number>;
  municipality: string;
  at: Timestamp;
  actor: string;
  role: string | null;
  action: string;
  target: string | null;
  outcome: string;
  ip: string | null;
  details: ColumnType<unknown, string | null, string | null>;
}

/** Failed sign-ins of one account name within a window (the per-account back-off). */
export interface LoginThrottleTable {
  municipality: string;
  /** lower case, whether or not the user exists */
  username: string;
  failures: number;
  window_start: Timestamp;
}

export interface PeerGroupTable {
  municipality: string;
  name: string;
  municipalities: string[];
  created_by: string;
  created_at: Timestamp;
}

export interface KpiPeriodsTable {
  municipality: string;
  first_period: DateString | null;
  latest_period: DateString | null;
}

/** A page kind a user viewed, at most one row per user, kind and minute (no address or query kept). */
export interface PageViewTable {
  municipality: string;
  user_id: number;
  page: string;
  minute: Timestamp;
}

/** The current explanation of a KPI × unit × month (period is the month's first day). */
export interface ExplanationTable {
  municipality: string;
  kpi_id: string;
  org_id: string;
  period: DateString;
  text: string;
  action: string | null;
  action_owner: string | null;
  action_due: DateString | null;
  expected_effect: string | null;
  action_done_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  action_done_by: string | null;
  version: number;
  updated_by: string;
  updated_at: Timestamp;
  /** written by the demo's chef into a demo store */
  from_demo: ColumnType<boolean, boolean | undefined, boolean>;
}

/** Every version of an explanation in full; `change` says what the edit did. */
export interface ExplanationVersionTable extends Omit<ExplanationTable, 'updated_by' | 'updated_at' | 'from_demo'> {
  change: 'written' | 'action_done' | 'action_reopened';
  changed_by: string;
  changed_at: Timestamp;
}

export interface Database {
  batches: BatchTable;
  org_units: OrgUnitTable;
  org_closure: OrgClosureTable;
  org_unit_versions: OrgUnitVersionTable;
  org_closure_history: OrgClosureHistoryTable;
  economy: EconomyTable;
  budget_plan: BudgetPlanTable;
  sickleave: SickleaveTable;
  case_types: CaseTypeTable;
  cases: CaseTable;
  benchmark: BenchmarkTable;
  population: PopulationTable;
  kpi_values: KpiValueTable;
  targets: TargetTable;
  kpi_rollup: KpiRollupTable;
  /** the rollups recast into today's tree, while the organisation has changed (ADR 0011) */
  kpi_rollup_now: KpiRollupTable;
  users: UserTable;
  api_tokens: ApiTokenTable;
  access_scopes: AccessScopeTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  login_throttle: LoginThrottleTable;
  access_rules: AccessRuleTable;
  oidc_logins: OidcLoginTable;
  peer_groups: PeerGroupTable;
  kpi_periods: KpiPeriodsTable;
  explanations: ExplanationTable;
  explanation_versions: ExplanationVersionTable;
  page_views: PageViewTable;
  notification_preferences: NotificationPreferenceTable;
  notifications_sent: NotificationSentTable;
}
