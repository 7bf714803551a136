import type { Database } from '@lis/db';
import type { Kysely } from 'kysely';

/** What a read of one municipality's figures needs: the store and whose data it is. */
export interface ReadContext {
  db: Kysely<Database>;
  municipality: string;
}

/** A unit, KPI or similar looked up by id that does not exist (the route answers 404 naming the parameter). */
export class NotFoundError extends Error {
  constructor(
    message: string,
    readonly parameter: string,
  ) {
    super(message);
  }
}
