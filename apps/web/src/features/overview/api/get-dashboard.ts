import type { Dashboard } from '@lis/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { exportUrl, getJson } from '../../../lib/api-typed';
import { queryKeys } from '../../../lib/query-keys';

/** null org / period = the caller's home unit / the latest month with data. */
export interface DashboardInput {
  org: string | null;
  period: string | null;
}

const getDashboard = (input: DashboardInput, signal?: AbortSignal): Promise<Dashboard> =>
  getJson('/dashboard', { query: { org: input.org, period: input.period } }, signal);

const dashboardQueryOptions = (input: DashboardInput) =>
  queryOptions({ queryKey: queryKeys.dashboard(input), queryFn: ({ signal }) => getDashboard(input, signal) });

/** Keeps the previous unit or month on screen while the next loads, so pickers keep their place and focus. */
export const useDashboard = (input: DashboardInput) =>
  useQuery({ ...dashboardQueryOptions(input), placeholderData: keepPreviousData });

export const dashboardExportUrl = (org: string, period: string, format: 'csv' | 'xlsx'): string =>
  exportUrl('/dashboard', { query: { org, period } }, format);
