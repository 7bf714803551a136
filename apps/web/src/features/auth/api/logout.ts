import type { LogoutResult } from '@lis/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJson } from '../../../lib/api-typed';
import { queryKeys } from '../../../lib/query-keys';

const logout = (): Promise<LogoutResult> => postJson('/auth/logout', {});

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Signed out locally even if the server is unreachable: the next request needs a new sign-in anyway.
    onSettled: (result) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
      // the sign-in page offers the provider's logout too (a session through the identity provider)
      queryClient.setQueryData(queryKeys.signedOut, { providerLogoutUrl: result?.providerLogoutUrl ?? null });
      queryClient.setQueryData(queryKeys.me, null);
    },
  });
}

/** What the last sign-out in this tab answered; undefined when nobody signed out here. */
export const useSignedOut = () => useQueryClient().getQueryData<LogoutResult>(queryKeys.signedOut);
