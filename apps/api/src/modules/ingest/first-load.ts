import type { FeedSpec } from '@lis/contracts';
import type { StoreTx } from '@lis/db';
import { copyRecords, factTableTarget } from './copy-records.ts';
import { ErrorList } from './errors.ts';
import type { ReferenceData } from './feed-rules.ts';
import * as repo from './ingest.repository.ts';
import type { PeriodRange } from './period-range.ts';
import type { RecordSource } from './read-records.ts';

interface FirstLoad {
  batchId: number;
  rows: number;
  range: PeriodRange;
}

/** Loaded, or undone: then the file is rejected, and its batch id is kept for the ledger's rejection. */
export type FirstLoadOutcome = { loaded: FirstLoad } | { undone: { batchId: number } };

/**
 * Whether a load may go straight into the feed's table (docs/adr/0014-first-load-without-stage.md):
 * a fact feed whose rows replace by key only, while the municipality has no row of it in effect,
 * so that no key can be set aside and the publish would store exactly the file's valid rows.
 */
export async function mayLoadDirectly(tx: StoreTx, spec: FeedSpec, municipality: string): Promise<boolean> {
  return !spec.replaces && !(await repo.hasRowsInEffect(tx.db, spec.name, municipality));
}

/**
 * Copies the file straight into the feed's table as the new batch's rows in effect, each row
 * written once instead of twice (stage, then table). Any problem (a rejected row, a key twice in
 * the file) undoes the attempt: the file will be rejected, and the caller reads it again through
 * the stage, which names every error as any load does. `newBatch` inserts the batch's ledger row.
 */
export async function copyFirstLoad(
  tx: StoreTx,
  spec: FeedSpec,
  municipality: string,
  source: RecordSource,
  refs: ReferenceData,
  newBatch: () => Promise<number>,
  onProgress?: (rows: number) => void,
): Promise<FirstLoadOutcome> {
  await repo.savepoint(tx, 'first_load');
  const batchId = await newBatch();
  try {
    const errors = new ErrorList();
    const copied = await copyRecords(spec, source, refs, errors, factTableTarget(tx, spec, municipality, batchId), onProgress);
    if (errors.total === 0 && copied.rows > 0) {
      await repo.completeBatch(tx, batchId, copied.rows, copied.range);
      await repo.releaseSavepoint(tx, 'first_load');
      return { loaded: { batchId, rows: copied.rows, range: copied.range } };
    }
  } catch (error) {
    if (!repo.isKeyConflict(error, spec)) throw error;
  }
  await repo.rollbackTo(tx, 'first_load');
  return { undone: { batchId } };
}
