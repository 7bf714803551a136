import type { AuthMethods } from '@lis/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** How one signs in here: password, the municipality's identity provider, or both (fixed while the server runs). */
export const useAuthMethods = () =>
  useQuery({
    queryKey: queryKeys.authMethods,
    queryFn: () => apiGet<AuthMethods>('/auth/methods'),
    staleTime: Number.POSITIVE_INFINITY,
  });
