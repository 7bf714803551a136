import type { OrgUnit } from '@lis/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from './api-typed';
import { buildOrgTree } from './org-tree';
import { queryKeys } from './query-keys';

/** The units the caller may see (a chef: their subtree and the kommune root). */
const getOrgUnits = (signal?: AbortSignal): Promise<OrgUnit[]> => getJson('/org-units', {}, signal);

const orgUnitsQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.orgUnits, queryFn: ({ signal }) => getOrgUnits(signal), staleTime: 60 * 60 * 1000 });

/** The same list as a tree; `select` with a stable function builds it once per fetch. */
export const useOrgTree = () => useQuery({ ...orgUnitsQueryOptions(), select: buildOrgTree });
