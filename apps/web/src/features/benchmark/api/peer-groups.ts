import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export interface PeerGroup {
  name: string;
  municipalities: string[];
  builtIn: boolean;
  description: string;
}

export const getPeerGroups = (signal?: AbortSignal): Promise<PeerGroup[]> =>
  apiGet<PeerGroup[]>('/benchmark/peer-groups', {}, signal);

export const usePeerGroups = () => useQuery({ queryKey: queryKeys.peerGroups, queryFn: ({ signal }) => getPeerGroups(signal) });

/** Saves a list under a name (the same name again replaces it); the answer is the new list of groups. */
export function useSavePeerGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (group: { name: string; municipalities: string[] }) => apiPost<PeerGroup[]>('/benchmark/peer-groups', group),
    onSuccess: (groups) => queryClient.setQueryData(queryKeys.peerGroups, groups),
  });
}
