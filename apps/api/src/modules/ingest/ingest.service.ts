import { FEEDS, type FeedName, type OrgLevel } from '@lis/contracts';
import type { Store, StoreTx } from '@lis/db';
import { CopyBytes, copyFieldsText } from '../../lib/copy-text.ts';
import { ErrorList, FileRejectedError, MAX_REPORTED_ERRORS, type RowError } from './errors.ts';
import { feedRuleChecker } from './feed-rules.ts';
import * as repo from './ingest.repository.ts';
import { checkOrgTree, type OrgRow } from './org-tree.ts';
import { periodRangeOf } from './period-range.ts';
import { openRecords } from './read-records.ts';
import { sniffFile } from './sniff.ts';
import { rowValidator } from './validate-row.ts';

export interface PublishEvent {
  feed: FeedName;
  municipality: string;
  /** first and last month ('YYYY-MM-01') the change touches, null when it is not tied to periods */
  periodFrom: string | null;
  periodTo: string | null;
}

/** Runs inside the publishing transaction, e.g. to refresh the precomputed indicators. */
export type PublishHook = (tx: StoreTx, event: PublishEvent) => Promise<void>;

export interface IngestContext {
  store: Store;
  municipality: string;
  onPublish?: PublishHook;
}

export interface IngestRequest {
  feed: FeedName;
  path: string;
  fileName: string;
  loadedBy: string;
  onProgress?: (rowsRead: number) => void;
}

export interface IngestResult {
  batchId: number;
  feed: FeedName;
  rows: number;
  status: 'loaded' | 'unchanged';
}

/**
 * Loads one delivered file all or nothing: parse and validate every row, stage them, check keys,
 * then publish in the same transaction. A rejected file leaves the store as it was (the ledger
 * records the rejection) and throws FileRejectedError with the first errors.
 */
export async function ingestFile(ctx: IngestContext, request: IngestRequest): Promise<IngestResult> {
  const spec = FEEDS[request.feed];
  const facts = await sniffFile(request.path);
  const loaded = await repo.findLoadedBatch(ctx.store.db, ctx.municipality, request.feed, facts.sha256);
  if (loaded) return { batchId: loaded.id, feed: request.feed, rows: loaded.row_count, status: 'unchanged' };

  const errors = new ErrorList();
  let rows = 0;
  const rejected = async () => {
    const batchId = await repo.insertBatch(ctx.store.db, {
      ...batchFacts(ctx, request, facts.sha256),
      rowCount: rows,
      errorCount: errors.total,
      status: 'rejected',
      periodFrom: null,
      periodTo: null,
    });
    return new FileRejectedError(errors.first(), errors.total, batchId);
  };

  const source = await openRecords(request.path, facts, spec);
  if (Array.isArray(source)) {
    for (const error of source) errors.add(error);
    throw await rejected();
  }

  let outcome: IngestResult | null = null;
  try {
    outcome = await ctx.store.transaction(async (tx) => {
      const refs = await repo.loadReferenceIds(tx.db, ctx.municipality);
      const validate = rowValidator(spec, source.decimalComma);
      const checkRules = feedRuleChecker(spec, refs);
      const periods = periodRangeOf(spec);
      const orgRows: OrgRow[] = [];
      await repo.createStage(tx, spec);
      // One COPY for the whole file: the server stores a batch while the next one is read.
      const stage = repo.stageWriter(tx, spec);
      try {
        const lines = new CopyBytes();
        for await (const batch of source.batches) {
          for (const record of batch) {
            rows++;
            const values = validate(record, errors);
            if (!values) continue;
            const ruleErrors = checkRules(values, record.line);
            if (ruleErrors.length > 0) {
              for (const error of ruleErrors) errors.add(error);
              continue;
            }
            if (request.feed === 'organisation') orgRows.push(toOrgRow(values, record.line));
            periods.add(values);
            lines.add(`${copyFieldsText(values)}\t${record.line}\n`);
          }
          if (lines.size > 0) await stage.write(lines.take());
          request.onProgress?.(rows);
        }
      } catch (error) {
        if (!(error instanceof Error) || !isParseError(error)) {
          await stage.abort();
          throw error;
        }
        errors.add(parseErrorToRowError(error));
      }
      await stage.end();

      const duplicates = await repo.findDuplicateKeys(tx, spec, MAX_REPORTED_ERRORS);
      errors.addCounted(duplicates.errors, duplicates.total);
      if (request.feed === 'organisation') {
        for (const error of checkOrgTree(await repo.loadOrgRows(tx.db, ctx.municipality), orgRows)) errors.add(error);
      }
      if (rows === 0) errors.add({ line: 1, column: null, value: null, message: 'the file has no data rows' });
      if (errors.total > 0) throw new RejectSignal();

      const range = periods.range();
      const batchId = await repo.insertBatch(tx.db, {
        ...batchFacts(ctx, request, facts.sha256),
        rowCount: rows,
        errorCount: 0,
        status: 'loaded',
        periodFrom: range.from,
        periodTo: range.to,
      });
      await repo.deductReplacedRows(tx, await repo.publishStage(tx, spec, ctx.municipality, batchId));
      await afterChange(tx, ctx, request.feed, range.from, range.to);
      return { batchId, feed: request.feed, rows, status: 'loaded' as const };
    });
  } catch (error) {
    if (!(error instanceof RejectSignal)) throw error;
  }
  if (!outcome) throw await rejected();
  return outcome;
}

export class BatchNotFoundError extends Error {}
export class BatchNotRestorableError extends Error {}

/** Puts an earlier delivery back in effect; the rows that replaced it stay in the history. */
export async function restoreBatch(ctx: IngestContext, batchId: number) {
  const batch = await repo.findBatch(ctx.store.db, ctx.municipality, batchId);
  if (!batch) throw new BatchNotFoundError(`There is no batch ${batchId}`);
  if (batch.status === 'rejected') throw new BatchNotRestorableError(`Batch ${batchId} was rejected and has no rows to restore`);
  const feed = batch.feed as FeedName;
  const spec = FEEDS[feed];
  await ctx.store.transaction(async (tx) => {
    const replaced = await repo.reactivateBatch(tx, spec, batchId);
    await repo.markRestored(tx, batchId);
    await repo.deductReplacedRows(tx, replaced);
    await afterChange(tx, ctx, feed, batch.period_from, batch.period_to);
  });
  return repo.findBatch(ctx.store.db, ctx.municipality, batchId);
}

async function afterChange(tx: StoreTx, ctx: IngestContext, feed: FeedName, periodFrom: string | null, periodTo: string | null) {
  if (feed === 'organisation') await repo.rebuildOrgClosure(tx, ctx.municipality);
  await ctx.onPublish?.(tx, { feed, municipality: ctx.municipality, periodFrom, periodTo });
}

function batchFacts(ctx: IngestContext, request: IngestRequest, sha256: string) {
  return { municipality: ctx.municipality, feed: request.feed, fileName: request.fileName, sha256, loadedBy: request.loadedBy };
}

function toOrgRow(values: readonly unknown[], line: number): OrgRow {
  // organisation columns: org_id, parent_id, name, level, valid_from, valid_to
  return { orgId: values[0] as string, parentId: (values[1] as string | null) ?? null, level: values[3] as OrgLevel, line };
}

/** Thrown inside the transaction to roll it back when the file has errors. */
class RejectSignal extends Error {}

function isParseError(error: Error): boolean {
  return error instanceof SyntaxError || error.name === 'CsvError';
}

function parseErrorToRowError(error: Error): RowError {
  const csvLine = (error as { lines?: number }).lines;
  const jsonLine = /^line (\d+): /.exec(error.message);
  return {
    line: csvLine ?? (jsonLine ? Number(jsonLine[1]) : 1),
    column: null,
    value: null,
    message: `the file cannot be read: ${error.message.replace(/^line \d+: /, '')}`,
  };
}
