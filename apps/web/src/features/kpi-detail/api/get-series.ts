import type { RollupView, Series } from '@lis/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { exportUrl, getJson } from '../../../lib/api-typed';
import { queryKeys } from '../../../lib/query-keys';

export interface SeriesInput {
  kpiId: string;
  org: string;
  from: string;
  to: string;
  view: RollupView;
}

const query = ({ org, from, to, view }: SeriesInput) => ({ org, from, to, view });

const getSeries = (input: SeriesInput, signal?: AbortSignal): Promise<Series> =>
  getJson('/kpis/{kpiId}/series', { path: { kpiId: input.kpiId }, query: query(input) }, signal);

const seriesQueryOptions = (input: SeriesInput) =>
  queryOptions({ queryKey: queryKeys.series(input), queryFn: ({ signal }) => getSeries(input, signal) });

/** Keeps the previous drawing while another unit or month loads. */
export const useSeries = (input: SeriesInput) => useQuery({ ...seriesQueryOptions(input), placeholderData: keepPreviousData });

export const seriesExportUrl = (input: SeriesInput, format: 'csv' | 'xlsx'): string =>
  exportUrl('/kpis/{kpiId}/series', { path: { kpiId: input.kpiId }, query: query(input) }, format);
