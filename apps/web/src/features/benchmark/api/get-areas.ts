import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export interface BenchmarkArea {
  area: string;
  name: string;
  years: number[];
}

export const getBenchmarkAreas = (signal?: AbortSignal): Promise<BenchmarkArea[]> =>
  apiGet<BenchmarkArea[]>('/benchmark/areas', {}, signal);

// Benchmark data arrives once a year.
export const benchmarkAreasQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.benchmarkAreas,
    queryFn: ({ signal }) => getBenchmarkAreas(signal),
    staleTime: 60 * 60 * 1000,
  });

export const useBenchmarkAreas = () => useQuery(benchmarkAreasQueryOptions());
