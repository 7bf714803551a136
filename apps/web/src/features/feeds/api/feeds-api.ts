import type { Batch, FeedLoadResult, FeedName, FeedRejected } from '@lis/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api-client';
import { getJson, postForm, postJson } from '../../../lib/api-typed';
import { queryKeys } from '../../../lib/query-keys';

/** The ledger, newest first (admin only). */
export const useBatches = () =>
  useQuery({ queryKey: queryKeys.batches, queryFn: ({ signal }) => getJson('/batches', { query: { limit: 200 } }, signal) });

export type UploadOutcome = { kind: 'stored'; result: FeedLoadResult } | { kind: 'rejected'; rejection: FeedRejected };

/** The API's answer to a file it read and refused (422), with the errors by line and column. */
const rejectionOf = (error: unknown): FeedRejected | null =>
  error instanceof ApiError && error.status === 422 ? (error.body as FeedRejected) : null;

/**
 * Sends a file to a feed. A file with errors is an outcome to show, not a failure: nothing was
 * stored and the errors say where. Everything a load changes is fetched again.
 */
export function useUploadFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ feed, file }: { feed: FeedName; file: File }): Promise<UploadOutcome> => {
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        return { kind: 'stored', result: await postForm('/feeds/{feed}', { path: { feed } }, form) };
      } catch (error) {
        const rejection = rejectionOf(error);
        if (rejection) return { kind: 'rejected', rejection };
        throw error;
      }
    },
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

/** Puts an earlier delivery back in effect. */
export function useRestoreBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (batchId: number): Promise<Batch> => postJson('/batches/{batchId}/restore', { path: { batchId } }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
