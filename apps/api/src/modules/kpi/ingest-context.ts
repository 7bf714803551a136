import type { Store } from '@lis/db';
import type { IngestContext } from '../ingest/ingest.service.ts';
import { refreshIndicators } from './refresh.service.ts';

/** Ingestion as the product runs it: every publish refreshes the indicators in the same transaction. */
export function ingestContext(store: Store, municipality: string): IngestContext {
  return { store, municipality, onPublish: refreshIndicators };
}
