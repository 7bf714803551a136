import type { ExplanationInput } from '@lis/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, postJson, putJson } from './api-typed';
import { queryKeys } from './query-keys';

// Explanations (forklaringer) and their actions: read for the overview and the KPI detail, written
// from the KPI detail. The server says who may write (`mayExplain`).

export interface ExplanationKey {
  kpiId: string;
  orgId: string;
  period: string;
}

/** A unit's explanations for a month, or for one KPI every month (the chart's markers). */
export const useExplanations = (input: { org: string; period?: string; kpi?: string }) =>
  useQuery({
    queryKey: queryKeys.explanations(input),
    queryFn: ({ signal }) => getJson('/explanations', { query: input }, signal),
  });

export const useMissingExplanations = (period: string | null) =>
  useQuery({
    queryKey: queryKeys.missingExplanations(period),
    queryFn: ({ signal }) => getJson('/explanations/missing', { query: { period } }, signal),
  });

export const useOverdueActions = () =>
  useQuery({ queryKey: queryKeys.overdueActions, queryFn: ({ signal }) => getJson('/explanations/overdue', {}, signal) });

export const useExplanationHistory = (key: ExplanationKey, enabled: boolean) =>
  useQuery({
    queryKey: queryKeys.explanationHistory(key),
    queryFn: ({ signal }) => getJson('/explanations/{kpiId}/{orgId}/{period}/history', { path: key }, signal),
    enabled,
  });

/** Writes the explanation; every explanation query is read again afterwards. */
export function useSaveExplanation(key: ExplanationKey) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ExplanationInput) => putJson('/explanations/{kpiId}/{orgId}/{period}', { path: key, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['explanations'] }),
  });
}

export function useActionDone(key: ExplanationKey) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (done: boolean) => postJson('/explanations/{kpiId}/{orgId}/{period}/action-done', { path: key, body: { done } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['explanations'] }),
  });
}
