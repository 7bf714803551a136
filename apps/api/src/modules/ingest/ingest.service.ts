import { FEEDS, type FeedName } from '@lis/contracts';
import type { Database, Store, StoreTx } from '@lis/db';
import { KPIS } from '@lis/domain';
import type { Kysely } from 'kysely';
import { recordAudit } from '../auth/audit.service.ts';
import { copyRecords, stageTarget } from './copy-records.ts';
import { ErrorList, FileRejectedError, MAX_REPORTED_ERRORS, type RowError } from './errors.ts';
import type { ReferenceData } from './feed-rules.ts';
import { copyFirstLoad, mayLoadDirectly } from './first-load.ts';
import * as repo from './ingest.repository.ts';
import { checkNewParents, checkOrgTree, type OrgRow, parentsGainingChildren } from './org-tree.ts';
import { type PeriodRange, widenRange } from './period-range.ts';
import { openRecords, type RecordSource } from './read-records.ts';
import { sniffFile } from './sniff.ts';

export interface PublishEvent {
  feed: FeedName;
  municipality: string;
  /** first and last month ('YYYY-MM-01') the change touches, null when it is not tied to periods */
  periodFrom: string | null;
  periodTo: string | null;
}

/**
 * Runs inside the publishing transaction, e.g. to refresh the precomputed indicators; may return
 * work to run once the transaction has committed (e.g. e-mail), which must not throw.
 */
export type PublishHook = (tx: StoreTx, event: PublishEvent) => Promise<AfterCommit | undefined>;
type AfterCommit = () => void;

export interface IngestContext {
  store: Store;
  municipality: string;
  onPublish?: PublishHook;
}

export interface IngestRequest {
  feed: FeedName;
  path: string;
  fileName: string;
  /** who loads: the ledger's loaded_by and the audit log's actor */
  loadedBy: string;
  /** the caller's role and address for the audit log (none from the CLI) */
  role?: string | null;
  ip?: string | null;
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
 * Every load is audited here, whoever calls (the HTTP route, the CLI, the demo): a loaded file in
 * its publishing transaction, an unchanged, rejected or failed one afterwards.
 */
export async function ingestFile(ctx: IngestContext, request: IngestRequest): Promise<IngestResult> {
  const audit = auditOf(ctx, { name: request.loadedBy, role: request.role, ip: request.ip }, 'feed_load');
  const target = (batchId: number | null) => (batchId === null ? request.feed : `${request.feed}:${batchId}`);
  try {
    const result = await loadFile(ctx, request, (tx, loaded) => audit(tx.db, target(loaded.batchId), 'ok', { ...loaded }));
    if (result.status === 'unchanged') await audit(ctx.store.db, target(result.batchId), 'ok', { ...result });
    return result;
  } catch (error) {
    if (error instanceof FileRejectedError) {
      await audit(ctx.store.db, target(error.batchId), 'failed', { errorCount: error.errorCount });
    } else {
      const reason = error instanceof Error ? error.message.slice(0, 200) : String(error);
      await audit(ctx.store.db, target(null), 'failed', { error: reason }).catch(() => {}); // the store may be what failed
    }
    throw error;
  }
}

async function loadFile(
  ctx: IngestContext,
  request: IngestRequest,
  auditLoaded: (tx: StoreTx, result: IngestResult) => Promise<void>,
): Promise<IngestResult> {
  const spec = FEEDS[request.feed];
  const facts = await sniffFile(request.path);
  const loadedBefore = await findUnchanged(ctx.store.db, ctx, request, facts.sha256);
  if (loadedBefore) return loadedBefore;

  const attempt = new LoadAttempt(ctx, request, facts.sha256);
  const opened = await openRecords(request.path, facts, spec);
  if (Array.isArray(opened)) {
    for (const error of opened) attempt.errors.add(error);
    throw await attempt.rejection();
  }

  let outcome: IngestResult | null = null;
  let afterCommit: AfterCommit | undefined;
  try {
    outcome = await oneAtATime(ctx.store, async (tx) => {
      // The same file loaded while this one waited is answered unchanged.
      const loadedMeanwhile = await findUnchanged(tx.db, ctx, request, facts.sha256);
      if (loadedMeanwhile) return loadedMeanwhile;
      const refs = await repo.loadReferenceIds(tx.db, ctx.municipality);
      let source: RecordSource = opened;
      let published = (await mayLoadDirectly(tx, spec, ctx.municipality))
        ? await publishFirstLoad(tx, attempt, source, refs)
        : null;
      if (!published) {
        if (attempt.undoneBatchId !== undefined) {
          // the first load found a problem: read the file again through the stage, which names them all
          const again = await openRecords(request.path, facts, spec);
          if (Array.isArray(again)) throw new Error(`${request.fileName} could not be read a second time`);
          source = again;
        }
        published = await publishStaged(tx, attempt, source, refs);
      }
      afterCommit = published.afterCommit;
      await auditLoaded(tx, published.result);
      return published.result;
    });
  } catch (error) {
    if (!(error instanceof RejectSignal)) throw error;
  }
  if (!outcome) throw await attempt.rejection();
  if (outcome.status === 'loaded') afterCommit?.();
  return outcome;
}

/** The ledger's answer when the municipality has loaded the same file (by its hash) before. */
async function findUnchanged(
  db: Kysely<Database>,
  ctx: IngestContext,
  request: IngestRequest,
  sha256: string,
): Promise<IngestResult | null> {
  const loaded = await repo.findLoadedBatch(db, ctx.municipality, request.feed, sha256);
  return loaded && { batchId: loaded.id, feed: request.feed, rows: loaded.row_count, status: 'unchanged' };
}

/** What one load of a file has found so far, for its ledger row whether it is loaded or rejected. */
class LoadAttempt {
  readonly errors = new ErrorList();
  /** records read, valid or not */
  rows = 0;
  /** the batch id a first load's undone attempt took: the load's ledger row keeps it */
  undoneBatchId: number | undefined;

  constructor(
    readonly ctx: IngestContext,
    readonly request: IngestRequest,
    private readonly sha256: string,
  ) {}

  /** The ledger row of the batch being published, in the publishing transaction. */
  loadedBatch(tx: StoreTx, range: PeriodRange, rowCount: number): Promise<number> {
    return repo.insertBatch(tx.db, {
      id: this.undoneBatchId,
      ...batchFacts(this.ctx, this.request, this.sha256),
      rowCount,
      errorCount: 0,
      status: 'loaded',
      periodFrom: range.from,
      periodTo: range.to,
    });
  }

  /** Records the rejection in the ledger (outside the rolled-back transaction) and returns the error to throw. */
  async rejection(): Promise<FileRejectedError> {
    const batchId = await repo.insertBatch(this.ctx.store.db, {
      id: this.undoneBatchId,
      ...batchFacts(this.ctx, this.request, this.sha256),
      rowCount: this.rows,
      errorCount: this.errors.total,
      status: 'rejected',
      periodFrom: null,
      periodTo: null,
    });
    return new FileRejectedError(this.errors.first(), this.errors.total, batchId);
  }
}

/** A published batch, and the work to run once its transaction has committed. */
interface Published {
  result: IngestResult;
  afterCommit: AfterCommit | undefined;
}

/**
 * A first load straight into the feed's table (ADR 0014). Null when the attempt was undone: the
 * file has a problem, and the caller reads it again through the stage to name every error.
 */
async function publishFirstLoad(
  tx: StoreTx,
  attempt: LoadAttempt,
  source: RecordSource,
  refs: ReferenceData,
): Promise<Published | null> {
  const { ctx, request } = attempt;
  const spec = FEEDS[request.feed];
  const noRange = { from: null, to: null };
  const first = await copyFirstLoad(
    tx,
    spec,
    ctx.municipality,
    source,
    refs,
    () => attempt.loadedBatch(tx, noRange, 0),
    request.onProgress,
  );
  if ('undone' in first) {
    attempt.undoneBatchId = first.undone.batchId;
    return null;
  }
  const { loaded } = first;
  attempt.rows = loaded.rows;
  const afterCommit = await afterChange(tx, ctx, request.feed, loaded.rows, loaded.range);
  return { result: { batchId: loaded.batchId, feed: request.feed, rows: loaded.rows, status: 'loaded' }, afterCommit };
}

/**
 * Reads the file into the stage, checks it, and publishes it: the rows with the same keys in
 * effect are set aside. Throws RejectSignal when the file has errors (they are in the attempt).
 */
async function publishStaged(tx: StoreTx, attempt: LoadAttempt, source: RecordSource, refs: ReferenceData): Promise<Published> {
  const { ctx, request, errors } = attempt;
  const spec = FEEDS[request.feed];
  const staged = await copyRecords(spec, source, refs, errors, await stageTarget(tx, spec), request.onProgress);
  attempt.rows = staged.rows;
  // Duplicate keys are looked for when the file is rejected anyway, and otherwise left to
  // the key index of the table, which refuses the publish when the file holds a key twice.
  const rejectWith = async (problems: readonly RowError[]) => {
    const duplicates = await repo.findDuplicateKeys(tx, spec, MAX_REPORTED_ERRORS);
    errors.addCounted(duplicates.errors, duplicates.total);
    for (const problem of problems) errors.add(problem);
    return new RejectSignal();
  };
  const problems = request.feed === 'organisation' ? await organisationProblems(tx, ctx.municipality, staged.orgRows) : [];
  if (staged.rows === 0) problems.push({ line: 1, column: null, value: null, message: 'filen har ingen datarækker' });
  if (errors.total > 0 || problems.length > 0) throw await rejectWith(problems);

  const { range, rows } = staged;
  const batchId = await attempt.loadedBatch(tx, range, rows);
  const replaced = await repo.publishStage(tx, spec, ctx.municipality, batchId).catch(async (error) => {
    if (!(error instanceof repo.KeyConflict)) throw error;
    const signal = await rejectWith([]);
    throw errors.total > 0 ? signal : error.cause; // not a key twice in the file: another load got there first
  });
  await repo.deductReplacedRows(tx, replaced);
  const afterCommit = await afterChange(tx, ctx, request.feed, rows + replacedCount(replaced), widenRange(range, replaced));
  return { result: { batchId, feed: request.feed, rows, status: 'loaded' }, afterCommit };
}

export class BatchNotFoundError extends Error {}
export class BatchNotRestorableError extends Error {}

/** Who restores or loads, for the audit log. */
export interface Restorer {
  name: string;
  role?: string | null;
  ip?: string | null;
}

/**
 * Puts an earlier delivery back in effect; the rows that replaced it stay in the history.
 * Audited here for every caller, like a load.
 */
export async function restoreBatch(ctx: IngestContext, batchId: number, by: Restorer) {
  const audit = auditOf(ctx, by, 'restore');
  try {
    return await restoreInTransaction(ctx, batchId, (tx) => audit(tx.db, `batch:${batchId}`, 'ok', null));
  } catch (error) {
    if (error instanceof BatchNotRestorableError)
      await audit(ctx.store.db, `batch:${batchId}`, 'failed', { reason: error.message });
    throw error;
  }
}

async function restoreInTransaction(ctx: IngestContext, batchId: number, auditRestored: (tx: StoreTx) => Promise<void>) {
  const batch = await repo.findBatch(ctx.store.db, ctx.municipality, batchId);
  if (!batch) throw new BatchNotFoundError(`There is no batch ${batchId}`);
  if (batch.status === 'rejected') throw new BatchNotRestorableError(`Batch ${batchId} was rejected and has no rows to restore`);
  const feed = batch.feed as FeedName;
  const spec = FEEDS[feed];
  const afterCommit = await oneAtATime(ctx.store, async (tx) => {
    // An old delivery may put personal rows back on a unit that has children now, or children under one that has them.
    const guarded = feed === 'organisation' || feed === 'sickleave' || feed === 'kpi';
    const besideBefore = guarded ? await repo.personalRowsBesideChildren(tx.db, ctx.municipality, PERSONAL_FEED_KPIS) : [];
    const replaced = await repo.reactivateBatch(tx, spec, batchId);
    if (guarded) {
      const besideAfter = await repo.personalRowsBesideChildren(tx.db, ctx.municipality, PERSONAL_FEED_KPIS);
      const added = besideAfter.filter((unit) => !besideBefore.includes(unit));
      if (added.length > 0) {
        throw new BatchNotRestorableError(
          `Batch ${batchId} cannot be restored: it would leave sick leave or survey rows (personal data, for units without children) on units with children: ${added.slice(0, 10).join(', ')}`,
        );
      }
    }
    await repo.markRestored(tx, batchId);
    await repo.deductReplacedRows(tx, replaced);
    const restored = { from: batch.period_from, to: batch.period_to };
    const then = await afterChange(tx, ctx, feed, batch.row_count + replacedCount(replaced), widenRange(restored, replaced));
    await auditRestored(tx);
    return then;
  });
  afterCommit?.();
  return repo.findBatch(ctx.store.db, ctx.municipality, batchId);
}

/** One audit row of a load or a restore, written in `db`: its publishing transaction, or the store afterwards. */
function auditOf(ctx: IngestContext, who: Restorer, action: 'feed_load' | 'restore') {
  return (db: Kysely<Database>, target: string, outcome: 'ok' | 'failed', details: Record<string, unknown> | null) =>
    recordAudit(db, {
      municipality: ctx.municipality,
      actor: who.name,
      role: who.role ?? null,
      ip: who.ip ?? null,
      action,
      target,
      outcome,
      details,
    });
}

/** KPIs of the kpi feed that are personal data (surveys): delivered for lowest-level units only (domain.md §4). */
const PERSONAL_FEED_KPIS: readonly string[] = KPIS.filter((k) => k.personalData && k.sourceFeed === 'kpi').map((k) => k.id);

/**
 * The tree after the delivery must be sound, and no unit holding personal-data rows may get
 * children: its own rows would become a hidden small group beside them.
 */
async function organisationProblems(tx: StoreTx, municipality: string, delivered: readonly OrgRow[]): Promise<RowError[]> {
  const existing = await repo.loadOrgRows(tx.db, municipality);
  const gaining = parentsGainingChildren(existing, delivered);
  const withPersonalRows = await repo.unitsWithPersonalRows(tx.db, municipality, [...gaining], PERSONAL_FEED_KPIS);
  return [...checkOrgTree(existing, delivered), ...checkNewParents(existing, delivered, withPersonalRows)];
}

async function afterChange(
  tx: StoreTx,
  ctx: IngestContext,
  feed: FeedName,
  changedRows: number,
  { from: periodFrom, to: periodTo }: PeriodRange,
) {
  await repo.analyzeAfterLargeChange(tx, FEEDS[feed], changedRows);
  if (feed === 'organisation') await repo.rebuildOrgClosure(tx, ctx.municipality);
  return ctx.onPublish?.(tx, { feed, municipality: ctx.municipality, periodFrom, periodTo });
}

const replacedCount = (replaced: repo.ReplacedRows) => replaced.reduce((sum, r) => sum + r.rows, 0);

function batchFacts(ctx: IngestContext, request: IngestRequest, sha256: string) {
  return { municipality: ctx.municipality, feed: request.feed, fileName: request.fileName, sha256, loadedBy: request.loadedBy };
}

const waiting = new WeakMap<Store, Promise<unknown>>();

/**
 * Runs a load's or restore's transaction when no other of this process runs: a waiting load holds
 * no connection of the pool (reads keep theirs). The transaction then takes the store's advisory
 * lock, which serialises the loads of other processes (the CLI, a second server) too.
 */
function oneAtATime<T>(store: Store, run: (tx: StoreTx) => Promise<T>): Promise<T> {
  const turn = (waiting.get(store) ?? Promise.resolve()).then(() =>
    store.transaction(async (tx) => {
      await repo.lockLoads(tx);
      return run(tx);
    }),
  );
  waiting.set(
    store,
    turn.catch(() => {}),
  ); // the next one waits for this one to end, however it ends
  return turn;
}

/** Thrown inside the transaction to roll it back when the file has errors. */
class RejectSignal extends Error {}
