import type { Database } from '@lis/db';
import { type Kysely, sql } from 'kysely';

// All SQL of the page "Anvendelse": page views written, and the month counts read from the
// page views, the audit log's sign-ins, the users and their scope units.

type Db = Kysely<Database>;

/** Months are the kommune's calendar months (Danish time), not UTC's. */
const TIME_ZONE = 'Europe/Copenhagen';
const monthOf = (column: string) => sql<string>`to_char(${sql.ref(column)} at time zone ${TIME_ZONE}, 'YYYY-MM')`;
/** The first instant of a month in Danish time. */
const startOf = (month: string) => sql<Date>`(${`${month}-01`}::timestamp at time zone ${TIME_ZONE})`;

/** One row per user, page kind and minute: a second view within the minute adds nothing. */
export async function insertPageView(db: Db, view: { municipality: string; userId: number; page: string; at: Date }) {
  const minute = new Date(Math.floor(view.at.getTime() / 60_000) * 60_000);
  await db
    .insertInto('page_views')
    .values({ municipality: view.municipality, user_id: view.userId, page: view.page, minute })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export interface UserMonthCount {
  userId: number;
  month: string;
  count: number;
}

/** Page views per user and month, for months from `from` up to but not including `until`. */
export async function pageViewsByUserMonth(db: Db, municipality: string, from: string, until: string) {
  return db
    .selectFrom('page_views')
    .select(['user_id as userId', monthOf('minute').as('month'), sql<number>`count(*)::int`.as('count')])
    .where('municipality', '=', municipality)
    .where('minute', '>=', startOf(from))
    .where('minute', '<', startOf(until))
    .groupBy(['user_id', sql`2`])
    .execute() as Promise<UserMonthCount[]>;
}

/** Successful sign-ins per user and month (the audit log names the user by username). */
export async function signInsByUserMonth(db: Db, municipality: string, from: string, until: string) {
  return db
    .selectFrom('audit_log as a')
    .innerJoin('users as u', (join) => join.onRef('u.municipality', '=', 'a.municipality').onRef('u.username', '=', 'a.actor'))
    .select(['u.id as userId', monthOf('a.at').as('month'), sql<number>`count(*)::int`.as('count')])
    .where('a.municipality', '=', municipality)
    .where('a.action', '=', 'sign_in')
    .where('a.outcome', '=', 'ok')
    .where('a.at', '>=', startOf(from))
    .where('a.at', '<', startOf(until))
    .groupBy(['u.id', sql`2`])
    .execute() as Promise<UserMonthCount[]>;
}

/**
 * Explanations per unit and figure month, counted when first written by the end of the month
 * after the figure's month (Danish time); rewrites of the same explanation count once.
 */
export async function explanationsOnTimeByUnitMonth(db: Db, municipality: string, from: string, until: string) {
  const first = db
    .selectFrom('explanation_versions')
    .select(['org_id', 'period', sql<Date>`min(changed_at)`.as('first_at')])
    .where('municipality', '=', municipality)
    .where('period', '>=', `${from}-01`)
    .where('period', '<', `${until}-01`)
    .groupBy(['kpi_id', 'org_id', 'period'])
    .as('f');
  return db
    .selectFrom(first)
    .select(['f.org_id as orgId', sql<string>`to_char(f.period, 'YYYY-MM')`.as('month'), sql<number>`count(*)::int`.as('count')])
    .where(sql<boolean>`f.first_at < ((f.period + interval '2 months')::timestamp at time zone ${TIME_ZONE})`)
    .groupBy(['f.org_id', 'f.period'])
    .execute();
}

/** Every user with role and scope units (a chef's; none for the other roles). */
export async function usersWithScopes(db: Db, municipality: string) {
  const users = await db.selectFrom('users').select(['id', 'role']).where('municipality', '=', municipality).execute();
  const scopes = await db
    .selectFrom('access_scopes')
    .select(['principal_id', 'org_id'])
    .where('municipality', '=', municipality)
    .where('principal_kind', '=', 'user')
    .execute();
  return users.map((u) => ({
    id: u.id,
    role: u.role,
    orgIds: scopes.filter((s) => s.principal_id === u.id).map((s) => s.org_id),
  }));
}
