import type { Me } from '@lis/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJson } from '../../../lib/api-typed';
import { queryKeys } from '../../../lib/query-keys';

interface Credentials {
  username: string;
  password: string;
  /** in a shared install, the municipality signed in to */
  municipality?: string | undefined;
}

const login = (credentials: Credentials): Promise<Me> => postJson('/auth/login', { body: credentials });

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // Another user may have used this tab: nothing cached for them may show.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
      queryClient.removeQueries({ queryKey: queryKeys.signedOut });
      queryClient.setQueryData(queryKeys.me, me);
    },
  });
}
