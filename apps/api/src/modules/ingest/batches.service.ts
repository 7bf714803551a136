import type { Batch, FeedName } from '@lis/contracts';
import type { BatchTable } from '@lis/db';
import type { Selectable } from 'kysely';
import * as repo from './ingest.repository.ts';
import type { IngestContext } from './ingest.service.ts';

export async function listBatches(ctx: IngestContext, query: { feed: FeedName | null; limit: number }): Promise<Batch[]> {
  const rows = await repo.listBatches(ctx.store.db, ctx.municipality, query.limit, query.feed);
  return rows.map(toBatch);
}

export function toBatch(row: Selectable<BatchTable>): Batch {
  return {
    id: row.id,
    feed: row.feed as FeedName, // only loads of known feeds are recorded
    fileName: row.file_name,
    sha256: row.sha256,
    rows: row.row_count,
    activeRows: row.active_rows,
    errorCount: row.error_count,
    loadedBy: row.loaded_by,
    loadedAt: row.loaded_at.toISOString(),
    status: row.status,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    restoredAt: row.restored_at ? row.restored_at.toISOString() : null,
  };
}
