import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isApiError } from './api-client';
import { queryKeys } from './query-keys';

// Data changes once a month when feeds arrive: no refetch on every focus.
const FIVE_MINUTES = 5 * 60 * 1000;

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        // An expired session shows the sign-in form in place; the URL stays, so the user lands where they were.
        if (isApiError(error, 'unauthenticated')) client.setQueryData(queryKeys.me, null);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: FIVE_MINUTES,
        refetchOnWindowFocus: false,
        retry: retryOnce,
      },
    },
  });
  return client;
}

/**
 * 4xx answers will not change on retry; a network hiccup or a 5xx might. A load in progress or an
 * unreachable database lasts longer than a retry waits: the reader is told at once and retries.
 */
export function retryOnce(failures: number, error: unknown): boolean {
  if (failures >= 1 || isApiError(error, 'load_in_progress', 'store_unavailable', 'read_only')) return false;
  return !(error instanceof ApiError && error.status >= 400 && error.status < 500);
}
