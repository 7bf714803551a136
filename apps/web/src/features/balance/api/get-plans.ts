import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The budget years that have a plan, newest first. */
export const getBudgetPlans = (signal?: AbortSignal): Promise<number[]> => apiGet<number[]>('/budget/plans', {}, signal);

export const budgetPlansQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.budgetPlans, queryFn: ({ signal }) => getBudgetPlans(signal) });

export const useBudgetPlans = () => useQuery(budgetPlansQueryOptions());
