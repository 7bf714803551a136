import type { NotificationSettingsBody } from '@lis/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, putJson } from '../../../lib/api-typed';
import { queryKeys } from '../../../lib/query-keys';

/** The signed-in person's e-mail address and which notifications they get. */
export const useNotificationSettings = (enabled: boolean) =>
  useQuery({
    queryKey: queryKeys.notificationSettings,
    queryFn: ({ signal }) => getJson('/me/notifications', {}, signal),
    enabled,
  });

export function useSaveNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettingsBody) => putJson('/me/notifications', { body }),
    onSuccess: (settings) => client.setQueryData(queryKeys.notificationSettings, settings),
  });
}
