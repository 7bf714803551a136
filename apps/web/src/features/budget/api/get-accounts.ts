import type { Accounts } from '@lis/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { exportUrl, getJson } from '../../../lib/api-typed';
import { queryKeys } from '../../../lib/query-keys';

/** prefix: '' hovedkonti, '5' its hovedfunktioner, '5.57' its funktioner */
export interface AccountsInput {
  org: string;
  period: string;
  prefix: string;
}

const getAccounts = (input: AccountsInput, signal?: AbortSignal): Promise<Accounts> =>
  getJson('/budget/accounts', { query: { ...input } }, signal);

const accountsQueryOptions = (input: AccountsInput) =>
  queryOptions({ queryKey: queryKeys.accounts(input), queryFn: ({ signal }) => getAccounts(input, signal) });

/** Keeps the previous level on screen while the next loads. */
export const useAccounts = (input: AccountsInput) =>
  useQuery({ ...accountsQueryOptions(input), placeholderData: keepPreviousData });

export const accountsExportUrl = (input: AccountsInput, format: 'csv' | 'xlsx'): string =>
  exportUrl('/budget/accounts', { query: { ...input } }, format);
