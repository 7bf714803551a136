import { type Static, Type } from 'typebox';
import { FEED_NAMES } from '../feeds.ts';
import { Nullable, StringEnum } from './common.ts';

/** A feed's name as the API answers it (the path parameter stays a string: an unknown feed is 404). */
export const FeedNameSchema = StringEnum(FEED_NAMES);

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
  feed: FeedNameSchema,
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
  feed: FeedNameSchema,
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

/**
 * The bodies POST /feeds/{feed} accepts, by media type, for the API document: the route streams
 * the body to a file itself, so Fastify does not validate it. The columns are in docs/feeds.md.
 */
export const FeedUploadBodies = {
  'text/csv': Type.String({ description: 'the file: a header row with the column names, then one row per record' }),
  'application/json': Type.Array(
    Type.Object({}, { additionalProperties: Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]) }),
    { description: 'the records as objects keyed by column name' },
  ),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': Type.String({
    format: 'binary',
    description: 'a workbook whose first sheet has the header row and records',
  }),
  'application/octet-stream': Type.String({
    format: 'binary',
    description: 'the file in any of these formats, told apart by its content (the lis command streams files so)',
  }),
  'multipart/form-data': Type.Object(
    { file: Type.String({ format: 'binary', description: 'the file, CSV, JSON or XLSX' }) },
    { description: 'a form upload; the only field is "file"' },
  ),
};
