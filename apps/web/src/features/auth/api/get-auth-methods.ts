import { useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-typed';
import { queryKeys } from '../../../lib/query-keys';

/** How one signs in here: password, the municipality's identity provider, or both (fixed while the server runs). */
export const useAuthMethods = () =>
  useQuery({
    queryKey: queryKeys.authMethods,
    queryFn: () => getJson('/auth/methods', {}),
    staleTime: Number.POSITIVE_INFINITY,
  });
