import { type Static, Type } from 'typebox';
import { FEED_NAMES } from '../feeds.ts';
import { Nullable } from './common.ts';

export const FeedParams = Type.Object({
  feed: Type.String({ description: `one of ${FEED_NAMES.join(', ')}` }),
});

export const FeedLoadQuery = Type.Object({
  fileName: Type.Optional(
    Type.String({ maxLength: 255, description: 'name recorded in the ledger (default: upload name or "upload")' }),
  ),
});

export const FeedLoadResult = Type.Object({
  batchId: Type.Integer(),
  feed: Type.String(),
  rows: Type.Integer(),
  status: Type.Union([Type.Literal('loaded'), Type.Literal('unchanged')]),
});
export type FeedLoadResult = Static<typeof FeedLoadResult>;

export const FeedRowError = Type.Object({
  line: Type.Integer({ description: 'line in the file; 1 is the CSV header' }),
  column: Nullable(Type.String()),
  value: Nullable(Type.String()),
  message: Type.String(),
});
export type FeedRowError = Static<typeof FeedRowError>;

export const FeedRejected = Type.Object({
  error: Type.String(),
  errorCount: Type.Integer({ description: 'all errors in the file; `errors` holds the first 100' }),
  errors: Type.Array(FeedRowError),
  batchId: Nullable(Type.Integer({ description: 'the ledger entry that records the rejection' })),
});
export type FeedRejected = Static<typeof FeedRejected>;

export const BatchStatus = Type.Union([
  Type.Literal('loaded'),
  Type.Literal('replaced'),
  Type.Literal('restored'),
  Type.Literal('rejected'),
]);

export const Batch = Type.Object({
  id: Type.Integer(),
  feed: Type.String(),
  fileName: Type.String(),
  sha256: Type.String(),
  rows: Type.Integer(),
  activeRows: Type.Integer({ description: 'rows still in effect (a later delivery may have replaced some)' }),
  errorCount: Type.Integer(),
  loadedBy: Type.String(),
  loadedAt: Type.String({ format: 'date-time' }),
  status: BatchStatus,
  periodFrom: Nullable(Type.String()),
  periodTo: Nullable(Type.String()),
  restoredAt: Nullable(Type.String({ format: 'date-time' })),
});
export type Batch = Static<typeof Batch>;

export const BatchList = Type.Array(Batch);
export type BatchList = Static<typeof BatchList>;

export const BatchListQuery = Type.Object({
  feed: Type.Optional(Type.String()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
});

export const BatchParams = Type.Object({ batchId: Type.Integer({ minimum: 1 }) });
