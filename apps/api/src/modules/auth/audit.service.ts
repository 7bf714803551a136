/**
 * The audit log as other modules and the routes use it: they go through this service, never
 * through auth's repository (an import rule in biome.jsonc holds that boundary).
 */
import type { Database } from '@lis/db';
import type { Kysely } from 'kysely';
import * as repo from './auth.repository.ts';

/** Writes one audit row in `db`: the store, or the transaction the audited change is made in. */
export function recordAudit(db: Kysely<Database>, event: repo.AuditEvent): Promise<void> {
  return repo.insertAudit(db, event);
}

/** The municipality's audit rows, newest first, optionally of one action. */
export function auditLog(db: Kysely<Database>, municipality: string, limit: number, action: string | null) {
  return repo.listAudit(db, municipality, limit, action);
}
