import type { Store } from '@lis/db';
import type { IngestContext, PublishHook } from '../ingest/ingest.service.ts';
import { refreshIndicators } from './refresh.service.ts';

/**
 * Ingestion as the product runs it: every publish refreshes the indicators in the same
 * transaction; `watch` may wrap the refresh (the e-mail about figures that turned red).
 */
export function ingestContext(store: Store, municipality: string, watch?: (refresh: PublishHook) => PublishHook): IngestContext {
  return { store, municipality, onPublish: watch ? watch(refreshIndicators) : refreshIndicators };
}
