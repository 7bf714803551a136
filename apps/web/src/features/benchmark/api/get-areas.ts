import { queryOptions, useQuery } from '@tanstack/react-query';
import { type ApiResult, getJson } from '../../../lib/api-typed';
import { queryKeys } from '../../../lib/query-keys';

export type BenchmarkArea = ApiResult<'/benchmark/areas', 'get'>[number];

const getBenchmarkAreas = (signal?: AbortSignal): Promise<BenchmarkArea[]> => getJson('/benchmark/areas', {}, signal);

// Benchmark data arrives once a year.
const benchmarkAreasQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.benchmarkAreas,
    queryFn: ({ signal }) => getBenchmarkAreas(signal),
    staleTime: 60 * 60 * 1000,
  });

export const useBenchmarkAreas = () => useQuery(benchmarkAreasQueryOptions());
