import type { RollupView } from '@lis/contracts';

/** Every query key in one factory; each key holds every input of its request. */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  authMethods: ['auth', 'methods'] as const,
  notificationSettings: ['auth', 'notifications'] as const,
  /** what the last sign-out in this tab answered (the provider's logout address) */
  signedOut: ['auth', 'signed-out'] as const,
  orgUnits: ['org-units'] as const,
  dashboard: (input: { org: string | null; period: string | null }) => ['dashboard', input] as const,
  series: (input: { kpiId: string; org: string; from: string; to: string; view: RollupView }) =>
    ['kpi', input.kpiId, 'series', input] as const,
  breakdown: (input: { kpiId: string; org: string; period: string; view: RollupView }) =>
    ['kpi', input.kpiId, 'breakdown', input] as const,
  followUp: (input: { org: string | null; period: string | null }) => ['budget', 'followup', input] as const,
  accounts: (input: { org: string; period: string; prefix: string }) => ['budget', 'accounts', input] as const,
  balance: (input: { budgetYear: number }) => ['budget', 'balance', input] as const,
  budgetPlans: ['budget', 'plans'] as const,
  benchmarkAreas: ['benchmark', 'areas'] as const,
  benchmark: (input: { area: string; year: number; peers: string; method: string; includeOwn: boolean; needAdjusted: boolean }) =>
    ['benchmark', 'area', input] as const,
  benchmarkSummary: (input: { year: number; peers: string; method: string; includeOwn: boolean; needAdjusted: boolean }) =>
    ['benchmark', 'summary', input] as const,
  peerGroups: ['benchmark', 'peer-groups'] as const,
  benchmarkAccounts: (area: string, year: number) => ['benchmark', 'accounts', area, year] as const,
  demography: ['demography', 'population'] as const,
  demographyPressure: ['demography', 'pressure'] as const,
  batches: ['batches'] as const,
  users: ['users'] as const,
  accessRules: ['access-rules'] as const,
  usage: ['usage'] as const,
  /** every explanation query starts with 'explanations', so a write refreshes them all */
  explanations: (input: { org: string; period?: string; kpi?: string }) => ['explanations', 'list', input] as const,
  missingExplanations: (period: string | null) => ['explanations', 'missing', period] as const,
  overdueActions: ['explanations', 'overdue'] as const,
  explanationHistory: (key: { kpiId: string; orgId: string; period: string }) => ['explanations', 'history', key] as const,
};
