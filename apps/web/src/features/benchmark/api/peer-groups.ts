import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api-client';
import { deleteJson, getJson, postJson } from '../../../lib/api-typed';
import { queryKeys } from '../../../lib/query-keys';
import { savedPeers } from '../../../lib/url-state';

export interface PeerGroup {
  name: string;
  municipalities: string[];
  builtIn: boolean;
  description: string;
  /** who saved it; null for the built-in groups */
  owner?: string | null;
  /** the server's answer to "may I replace or delete it" (its owner or an admin) */
  mayChange?: boolean;
}

const getPeerGroups = (signal?: AbortSignal): Promise<PeerGroup[]> => getJson('/benchmark/peer-groups', {}, signal);

export const usePeerGroups = () => useQuery({ queryKey: queryKeys.peerGroups, queryFn: ({ signal }) => getPeerGroups(signal) });

/**
 * Results asked for by the group's name (peers=saved:<name>) no longer hold once it is replaced or
 * deleted. Shown ones are fetched again after a save; after a delete the page leaves them.
 */
function forgetResultsOf(queryClient: QueryClient, name: string, refetch: boolean) {
  const peers = savedPeers(name);
  return queryClient.invalidateQueries({
    predicate: ({ queryKey }) => queryKey[0] === 'benchmark' && (queryKey[2] as { peers?: unknown } | undefined)?.peers === peers,
    refetchType: refetch ? 'active' : 'none',
  });
}

/** Saves a list under a name (the same name again replaces it); the answer is the new list of groups. */
export function useSavePeerGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (group: { name: string; municipalities: string[] }): Promise<PeerGroup[]> =>
      postJson('/benchmark/peer-groups', { body: group }),
    onSuccess: (groups, group) => {
      queryClient.setQueryData(queryKeys.peerGroups, groups);
      return forgetResultsOf(queryClient, group.name, true);
    },
  });
}

/**
 * Deletes a saved group (for everyone in the municipality); the answer is the new list of groups.
 * A group someone else deleted already counts as deleted: the list is fetched again.
 */
export function useDeletePeerGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (name: string): Promise<PeerGroup[] | null> => {
      try {
        return await deleteJson('/benchmark/peer-groups/{name}', { path: { name } });
      } catch (error) {
        if (isApiError(error, 'not_found')) return null;
        throw error;
      }
    },
    onSuccess: async (groups, name) => {
      if (groups) queryClient.setQueryData(queryKeys.peerGroups, groups);
      else await queryClient.invalidateQueries({ queryKey: queryKeys.peerGroups });
      return forgetResultsOf(queryClient, name, false);
    },
  });
}
