import type { FollowUp } from '@lis/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { exportUrl, getJson } from '../../../lib/api-typed';
import { queryKeys } from '../../../lib/query-keys';

/** null org / period = the caller's home unit / the latest month with actuals. */
export interface FollowUpInput {
  org: string | null;
  period: string | null;
}

const getFollowUp = (input: FollowUpInput, signal?: AbortSignal): Promise<FollowUp> =>
  getJson('/budget/followup', { query: { org: input.org, period: input.period } }, signal);

export const followUpQueryOptions = (input: FollowUpInput) =>
  queryOptions({ queryKey: queryKeys.followUp(input), queryFn: ({ signal }) => getFollowUp(input, signal) });

/** Keeps the previous unit or month on screen while the next loads. */
export const useFollowUp = (input: FollowUpInput) =>
  useQuery({ ...followUpQueryOptions(input), placeholderData: keepPreviousData });

export const followUpExportUrl = (org: string, period: string, format: 'csv' | 'xlsx'): string =>
  exportUrl('/budget/followup', { query: { org, period } }, format);
