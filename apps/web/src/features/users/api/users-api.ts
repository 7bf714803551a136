import type { AccessRuleBody } from '@lis/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { deleteJson, getJson, postJson } from '../../../lib/api-typed';
import { queryKeys } from '../../../lib/query-keys';

/** Every user (admin only). */
export const useUsers = () => useQuery({ queryKey: queryKeys.users, queryFn: ({ signal }) => getJson('/users', {}, signal) });

/** The rules that give people of the identity provider their role (admin only). */
export const useAccessRules = () =>
  useQuery({ queryKey: queryKeys.accessRules, queryFn: ({ signal }) => getJson('/access-rules', {}, signal) });

export type UserAction = 'disable' | 'enable' | 'end-sessions';

/** Disable, enable or sign out a user; the list is fetched again (status, open sessions). */
export function useUserAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, action }: { username: string; action: UserAction }) => {
      const input = { path: { username } };
      // enable answers 204; the other two say how many sessions ended
      if (action === 'enable') return postJson('/users/{username}/enable', input).then(() => null);
      return postJson(action === 'disable' ? '/users/{username}/disable' : '/users/{username}/end-sessions', input);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) =>
      postJson('/users/{username}/reset-password', { path: { username }, body: { password } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}

export function useAddAccessRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rule: AccessRuleBody) => postJson('/access-rules', { body: rule }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.accessRules }),
  });
}

export function useRemoveAccessRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => deleteJson('/access-rules/{id}', { path: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.accessRules }),
  });
}
