import type { Balance } from '@lis/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { exportUrl, getJson } from '../../../lib/api-typed';
import { queryKeys } from '../../../lib/query-keys';

/** The plan of a budget year (budget year + 3 overslagsår), compared with the plan of the year before. */
const getBalance = (budgetYear: number, signal?: AbortSignal): Promise<Balance> =>
  getJson('/budget/balance', { query: { budgetYear } }, signal);

const balanceQueryOptions = (budgetYear: number) =>
  queryOptions({ queryKey: queryKeys.balance({ budgetYear }), queryFn: ({ signal }) => getBalance(budgetYear, signal) });

/** Keeps the previous plan on screen while another loads. */
export const useBalance = (budgetYear: number | null) =>
  useQuery({ ...balanceQueryOptions(budgetYear ?? 0), enabled: budgetYear !== null, placeholderData: keepPreviousData });

export const balanceExportUrl = (budgetYear: number, format: 'csv' | 'xlsx'): string =>
  exportUrl('/budget/balance', { query: { budgetYear } }, format);
