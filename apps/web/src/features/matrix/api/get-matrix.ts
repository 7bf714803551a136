import type { Matrix } from '@lis/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { exportUrl, getJson } from '../../../lib/api-typed';

/** null period = the latest month with data. */
export interface MatrixInput {
  org: string;
  period: string | null;
}

const getMatrix = (input: MatrixInput, signal?: AbortSignal): Promise<Matrix> =>
  getJson('/matrix', { query: { org: input.org, period: input.period } }, signal);

/** Keeps the previous unit or month on screen while the next loads. */
export const useMatrix = (input: MatrixInput | null) =>
  useQuery({
    queryKey: ['matrix', input] as const,
    queryFn: ({ signal }) => getMatrix(input as MatrixInput, signal),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });

export const matrixExportUrl = (org: string, period: string, format: 'csv' | 'xlsx'): string =>
  exportUrl('/matrix', { query: { org, period } }, format);
