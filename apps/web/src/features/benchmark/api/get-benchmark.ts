import type { BenchmarkResult } from '@lis/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { exportUrl, getJson } from '../../../lib/api-typed';
import { queryKeys } from '../../../lib/query-keys';
import type { BenchmarkState } from '../../../lib/url-state';

/** The page's choice with area and year resolved. */
export type BenchmarkInput = BenchmarkState & { area: string; year: number };

/** Every parameter explicit, so the page never depends on the API's defaults. */
export const benchmarkQuery = ({ year, peers, method, includeOwn, needAdjusted, source }: Partial<BenchmarkInput>) => ({
  year,
  peers,
  method,
  includeOwn,
  needAdjusted,
  source,
});

const getBenchmark = (input: BenchmarkInput, signal?: AbortSignal): Promise<BenchmarkResult> =>
  getJson('/benchmark', { query: { area: input.area, ...benchmarkQuery(input) } }, signal);

const benchmarkQueryOptions = (input: BenchmarkInput) =>
  queryOptions({ queryKey: queryKeys.benchmark(input), queryFn: ({ signal }) => getBenchmark(input, signal) });

/** Keeps the previous drawing while another choice loads. */
export const useBenchmark = (input: BenchmarkInput) =>
  useQuery({ ...benchmarkQueryOptions(input), placeholderData: keepPreviousData });

export const benchmarkExportUrl = (input: BenchmarkInput, format: 'csv' | 'xlsx'): string =>
  exportUrl('/benchmark', { query: { area: input.area, ...benchmarkQuery(input) } }, format);
