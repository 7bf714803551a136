import { isUsagePageKind } from '@lis/contracts';
import { useEffect } from 'react';
import { postJson } from './api-typed';

/**
 * Tells the API which kind of page a signed-in person opened, for the page "Anvendelse": only the
 * kind (overview, kpi, …), never the address, unit or month. The API keeps one per minute.
 */
export function useRecordPageView(page: string, signedIn: boolean): void {
  useEffect(() => {
    if (!signedIn || !isUsagePageKind(page)) return;
    // a count that fails to arrive is not worth troubling the reader with
    postJson('/usage/page-view', { body: { page } }).catch(() => undefined);
  }, [page, signedIn]);
}
