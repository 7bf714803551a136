import type { Me } from '@lis/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { isApiError } from './api-client';
import { getJson } from './api-typed';
import { queryKeys } from './query-keys';

/** The signed-in user, or null when nobody is (401 unauthenticated is an answer here, not an error). */
async function getMe(): Promise<Me | null> {
  try {
    return await getJson('/auth/me', {});
  } catch (error) {
    if (isApiError(error, 'unauthenticated')) return null;
    throw error;
  }
}

const meQueryOptions = () => queryOptions({ queryKey: queryKeys.me, queryFn: getMe, staleTime: Number.POSITIVE_INFINITY });

export const useMe = () => useQuery(meQueryOptions());
