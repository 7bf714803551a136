import type { BenchmarkAccounts } from '@lis/contracts';
import { useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-typed';
import { queryKeys } from '../../../lib/query-keys';

/** The own economy behind an area: its functions of the chart of accounts and who spends on them. */
export const useAreaAccounts = (area: string, year: number) =>
  useQuery({
    queryKey: queryKeys.benchmarkAccounts(area, year),
    queryFn: ({ signal }): Promise<BenchmarkAccounts> =>
      getJson('/benchmark/areas/{area}/accounts', { path: { area }, query: { year } }, signal),
  });
