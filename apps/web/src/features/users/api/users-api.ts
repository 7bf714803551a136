import type { AccessRuleBody, AccessRuleView, SessionsEnded, UserSummary } from '@lis/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDelete, apiGet, apiPost } from '../../../lib/api-client';

const keys = {
  users: ['users'] as const,
  accessRules: ['access-rules'] as const,
};

const userPath = (username: string, action: string) => `/users/${encodeURIComponent(username)}/${action}`;

/** Every user (admin only). */
export const useUsers = () =>
  useQuery({ queryKey: keys.users, queryFn: ({ signal }) => apiGet<UserSummary[]>('/users', {}, signal) });

/** The rules that give people of the identity provider their role (admin only). */
export const useAccessRules = () =>
  useQuery({ queryKey: keys.accessRules, queryFn: ({ signal }) => apiGet<AccessRuleView[]>('/access-rules', {}, signal) });

export type UserAction = 'disable' | 'enable' | 'end-sessions';

/** Disable, enable or sign out a user; the list is fetched again (status, open sessions). */
export function useUserAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, action }: { username: string; action: UserAction }) =>
      apiPost<SessionsEnded | undefined>(userPath(username, action)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.users }),
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) =>
      apiPost<SessionsEnded>(userPath(username, 'reset-password'), { password }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.users }),
  });
}

export function useAddAccessRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rule: AccessRuleBody) => apiPost<AccessRuleView>('/access-rules', rule),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.accessRules }),
  });
}

export function useRemoveAccessRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiDelete<undefined>(`/access-rules/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.accessRules }),
  });
}
