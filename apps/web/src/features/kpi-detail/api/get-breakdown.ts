import type { Breakdown, RollupView } from '@lis/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { exportUrl, getJson } from '../../../lib/api-typed';
import { queryKeys } from '../../../lib/query-keys';

export interface BreakdownInput {
  kpiId: string;
  org: string;
  period: string;
  view: RollupView;
}

const query = ({ org, period, view }: BreakdownInput) => ({ org, period, view });

/** The KPI for each child unit the caller may see. */
const getBreakdown = (input: BreakdownInput, signal?: AbortSignal): Promise<Breakdown> =>
  getJson('/kpis/{kpiId}/breakdown', { path: { kpiId: input.kpiId }, query: query(input) }, signal);

const breakdownQueryOptions = (input: BreakdownInput) =>
  queryOptions({ queryKey: queryKeys.breakdown(input), queryFn: ({ signal }) => getBreakdown(input, signal) });

/** Keeps the previous drawing while another unit or month loads. */
export const useBreakdown = (input: BreakdownInput) =>
  useQuery({ ...breakdownQueryOptions(input), placeholderData: keepPreviousData });

export const breakdownExportUrl = (input: BreakdownInput, format: 'csv' | 'xlsx'): string =>
  exportUrl('/kpis/{kpiId}/breakdown', { path: { kpiId: input.kpiId }, query: query(input) }, format);
