import { Type } from 'typebox';

export const Health = Type.Object({ status: Type.Literal('ok') });
export const Readiness = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
  store: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  /** the embedded store is loading a delivery: reads answer 503 load_in_progress until it is done */
  loading: Type.Optional(Type.Boolean()),
});
