/** Every query key in one factory; each key holds every input of its request. */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  orgUnits: ['org-units'] as const,
  dashboard: (input: { org: string | null; period: string | null }) => ['dashboard', input] as const,
  series: (input: { kpiId: string; org: string; from: string; to: string }) => ['kpi', input.kpiId, 'series', input] as const,
  breakdown: (input: { kpiId: string; org: string; period: string }) => ['kpi', input.kpiId, 'breakdown', input] as const,
};
