import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-typed';
import { queryKeys } from '../../../lib/query-keys';

/** The budget years that have a plan, newest first. */
const getBudgetPlans = (signal?: AbortSignal): Promise<number[]> => getJson('/budget/plans', {}, signal);

const budgetPlansQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.budgetPlans, queryFn: ({ signal }) => getBudgetPlans(signal) });

export const useBudgetPlans = () => useQuery(budgetPlansQueryOptions());
