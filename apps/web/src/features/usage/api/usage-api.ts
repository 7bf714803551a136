import { useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-typed';
import { queryKeys } from '../../../lib/query-keys';

/** Active users, sign-ins and page views per forvaltning and month (admin and direktion); default the last twelve months. */
export const useUsage = () => useQuery({ queryKey: queryKeys.usage, queryFn: ({ signal }) => getJson('/usage', {}, signal) });
