import type { Dashboard } from '@lis/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { navigate } from '../../lib/navigation';
import { queryKeys } from '../../lib/query-keys';
import { type Route, withScope } from '../../lib/url-state';

/**
 * '/' means "my unit, latest month" only until the answer says which: then the URL names both,
 * so a copied link shows the same month next month too. Replaces the entry; no extra request.
 */
export function useCanonicalUrl(route: Route, dashboard: Dashboard | undefined, isPlaceholder: boolean): void {
  const queryClient = useQueryClient();
  const complete = route.page === 'not_found' || (route.org !== null && route.period !== null);
  useEffect(() => {
    if (complete || !dashboard || isPlaceholder) return;
    const scope = { org: dashboard.org.id, period: dashboard.period };
    queryClient.setQueryData(queryKeys.dashboard(scope), dashboard);
    navigate(withScope(route, scope), { replace: true });
  }, [complete, dashboard, isPlaceholder, queryClient, route]);
}
