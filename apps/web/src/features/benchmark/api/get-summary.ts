import type { BenchmarkSummary } from '@lis/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { exportUrl, getJson } from '../../../lib/api-typed';
import { queryKeys } from '../../../lib/query-keys';
import { type BenchmarkInput, benchmarkQuery } from './get-benchmark';

/** The summary has the same basis as one area, for every area. */
export type SummaryInput = Omit<BenchmarkInput, 'area'>;

// Only the basis: a page's input may carry its area as well.
const basisOf = ({ year, peers, method, includeOwn, needAdjusted, source }: SummaryInput): SummaryInput => ({
  year,
  peers,
  method,
  includeOwn,
  needAdjusted,
  source,
});

const getBenchmarkSummary = (input: SummaryInput, signal?: AbortSignal): Promise<BenchmarkSummary> =>
  getJson('/benchmark/summary', { query: benchmarkQuery(basisOf(input)) }, signal);

const summaryQueryOptions = (input: SummaryInput) =>
  queryOptions({
    queryKey: queryKeys.benchmarkSummary(basisOf(input)),
    queryFn: ({ signal }) => getBenchmarkSummary(input, signal),
  });

export const useBenchmarkSummary = (input: SummaryInput) =>
  useQuery({ ...summaryQueryOptions(input), placeholderData: keepPreviousData });

export const summaryExportUrl = (input: SummaryInput, format: 'csv' | 'xlsx'): string =>
  exportUrl('/benchmark/summary', { query: benchmarkQuery(basisOf(input)) }, format);
