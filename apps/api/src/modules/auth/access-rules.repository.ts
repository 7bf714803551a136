import type { Database, Role } from '@lis/db';
import type { Kysely } from 'kysely';
import type { AccessRule } from './access-rules.ts';

type Db = Kysely<Database>;

export async function listAccessRules(db: Db, municipality: string): Promise<AccessRule[]> {
  const rows = await db
    .selectFrom('access_rules')
    .select(['id', 'claim', 'value', 'role', 'org_ids', 'note'])
    .where('municipality', '=', municipality)
    .orderBy('claim')
    .orderBy('value')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), claim: r.claim, value: r.value, role: r.role, orgIds: r.org_ids, note: r.note }));
}

export async function insertAccessRule(
  db: Db,
  municipality: string,
  rule: { claim: string; value: string; role: Role; orgIds: readonly string[]; note: string | null; createdBy: string },
): Promise<number> {
  const row = await db
    .insertInto('access_rules')
    .values({
      municipality,
      claim: rule.claim,
      value: rule.value,
      role: rule.role,
      org_ids: [...rule.orgIds],
      note: rule.note,
      created_by: rule.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The rule that was removed, or null when there was none with that id. */
export async function deleteAccessRule(db: Db, municipality: string, id: number): Promise<AccessRule | null> {
  const row = await db
    .deleteFrom('access_rules')
    .where('municipality', '=', municipality)
    .where('id', '=', id)
    .returning(['id', 'claim', 'value', 'role', 'org_ids', 'note'])
    .executeTakeFirst();
  return row
    ? { id: Number(row.id), claim: row.claim, value: row.value, role: row.role, orgIds: row.org_ids, note: row.note }
    : null;
}
