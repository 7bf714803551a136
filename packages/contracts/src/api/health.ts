import { Type } from 'typebox';

export const Health = Type.Object({ status: Type.Literal('ok') });
export const Readiness = Type.Object({
  /** read_only: the primary does not answer, the read replica does (reads work, writes answer 503 read_only) */
  status: Type.Union([Type.Literal('ready'), Type.Literal('read_only'), Type.Literal('unavailable')]),
  store: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  /** the embedded store is loading a delivery: reads answer 503 load_in_progress until it is done */
  loading: Type.Optional(Type.Boolean()),
  /** the read replica (DATABASE_READ_URL), when configured: its state and how far behind the primary it is */
  replica: Type.Optional(
    Type.Object({
      state: Type.Union([Type.Literal('up'), Type.Literal('lagging'), Type.Literal('down'), Type.Literal('not_a_replica')]),
      lagMs: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
});
