import { FEED_LOAD_ORDER } from '@lis/contracts';
import { type Database, openReaders, READER_ROLE, type Readers, readerRoleReady } from '@lis/db';
import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createToken } from '../src/modules/auth/auth.service.ts';
import { bearer, createTestApp, example, loadExamples, type TestApp } from './helpers.ts';

// Row-level security (ADR 0015, migration 2026-12-05T0900-row-level-security): a reader
// connection (role lis_reader, setting lis.municipality) sees only its municipality's rows, even
// in a query without `municipality = …`, on both engines (the reader pool's own checks, and COPY, are
// in packages/db/test/reader.test.ts). Jammerbugt (849) and Aalborg (851) both load the example
// files into one store, as in municipality-isolation.test.ts, and both get the rows no feed writes.

const OWN = '849';
const OTHER = '851';

/** The tables with a `municipality` column that readers are not granted, and why: the one list of exceptions. */
const NOT_FOR_READERS: Record<string, string> = {
  sessions: 'secrets: the sessions (hashed ids) and the identity provider’s ID tokens',
  api_tokens: 'secrets: the token hashes',
  oidc_logins: 'secrets: sign-ins under way (PKCE verifier, nonce)',
  login_throttle: 'the sign-in back-off, which only sign-in reads and writes',
  notifications_sent: 'the notification job’s record of what it sent, which only the job reads and writes',
};
// Tables without a `municipality` column are not granted either (checked below): the migrations'
// bookkeeping, and notification_preferences, which are per user and read only with the user's own settings.

/** The policy's condition as the catalog prints it. */
const ONE_MUNICIPALITY = "(municipality = current_setting('lis.municipality'::text, true))";

interface TableSecurity {
  table: string;
  has_municipality: boolean;
  readable: boolean;
  rls: boolean;
  /** the conditions of the select policies that apply to lis_reader (permissive ones widen each other) */
  policies: string[];
}

let t: TestApp;
let other: FastifyInstance;
/** PostgreSQL: the reader pool of 849; PGlite has none (one connection), its reads `set role` in a transaction. */
let readers: Readers | null = null;

/** Runs `fn` as lis_reader with lis.municipality set to `municipality` (null: unset), in a transaction that ends both. */
function inReaderTransaction<T>(municipality: string | null, fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return t.store.transaction(async (tx) => {
    await sql.raw(`set local role ${READER_ROLE}`).execute(tx.db);
    if (municipality) await sql`select set_config('lis.municipality', ${municipality}, true)`.execute(tx.db);
    return fn(tx.db);
  });
}
/** As the reader of 849: its pool on PostgreSQL, `set role` on PGlite. */
const asOwnReader = <T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T> =>
  readers ? fn(readers.db(OWN)) : inReaderTransaction(OWN, fn);

async function tableSecurity(): Promise<TableSecurity[]> {
  const { rows } = await sql<TableSecurity>`
    select c.relname as table,
      exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'municipality' and not a.attisdropped) as has_municipality,
      has_any_column_privilege(${READER_ROLE}, c.oid, 'select') as readable,
      c.relrowsecurity as rls,
      array(
        select pg_get_expr(p.polqual, p.polrelid) from pg_policy p
        where p.polrelid = c.oid and p.polcmd in ('r', '*') and p.polpermissive
          and (0 = any(p.polroles) or (select oid from pg_roles where rolname = ${READER_ROLE}) = any(p.polroles))
      ) as policies
    from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
    order by c.relname`.execute(t.store.db);
  return rows;
}
const protectedTables = async () => (await tableSecurity()).filter((s) => s.readable).map((s) => s.table);

/** Rows of the tables no feed writes: a user with a unit, an access rule, an explanation, a page view, a peer group. */
async function addPeopleAndNotes(municipality: string) {
  const db = t.store.db;
  const { rows } = await sql<{ id: number }>`
    insert into users (municipality, username, display_name, role, password_hash)
    values (${municipality}, 'chef-rls', 'Chef', 'chef', 'x') returning id`.execute(db);
  const userId = rows[0]?.id ?? 0;
  await sql`insert into access_scopes values (${municipality}, 'user', ${userId}, '2000')`.execute(db);
  await sql`
    insert into access_rules (municipality, claim, value, role, created_by)
    values (${municipality}, 'groups', 'ledere', 'chef', 'test')`.execute(db);
  await sql`
    insert into explanations (municipality, kpi_id, org_id, period, text, version, updated_by, updated_at)
    values (${municipality}, 'sick_leave_pct', '2000', '2016-06-01', 'Influenza', 1, 'chef-rls', now())`.execute(db);
  await sql`
    insert into explanation_versions (municipality, kpi_id, org_id, period, version, change, text, changed_by, changed_at)
    values (${municipality}, 'sick_leave_pct', '2000', '2016-06-01', 1, 'written', 'Influenza', 'chef-rls', now())`.execute(db);
  await sql`insert into page_views values (${municipality}, ${userId}, 'dashboard', date_trunc('minute', now()))`.execute(db);
  await sql`insert into peer_groups (municipality, name, municipalities, created_by) values (${municipality}, 'Nabo', '{849,851}', 'test')`.execute(
    db,
  );
}

async function rowsByMunicipality(db: Kysely<Database>, table: string): Promise<Record<string, number>> {
  const { rows } = await sql<{ municipality: string; n: number }>`
    select municipality, count(*)::int as n from ${sql.table(table)} group by municipality`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.municipality, r.n]));
}

beforeAll(async () => {
  t = await createTestApp();
  const feeds = [...new Set(FEED_LOAD_ORDER)];
  await loadExamples(t.app, feeds);
  other = await buildApp({
    config: loadConfig({ LIS_DEMO: '0', LOG_LEVEL: 'silent', LIS_MUNICIPALITY: OTHER }),
    store: t.store,
    logger: false,
  });
  const otherAdmin = bearer(
    await createToken({ db: t.store.db, municipality: OTHER }, { name: 'admin', role: 'admin', orgIds: [] }),
  );
  for (const feed of feeds) {
    const response = await other.inject({
      method: 'POST',
      url: `/api/v1/feeds/${feed}`,
      headers: { 'content-type': 'text/csv', ...otherAdmin },
      payload: example(`${feed}.csv`),
    });
    expect(response.statusCode, `${feed}: ${response.body}`).toBe(200);
  }
  await addPeopleAndNotes(OWN);
  await addPeopleAndNotes(OTHER);
  if (t.databaseUrl) readers = openReaders({ databaseUrl: t.databaseUrl, poolSize: 2 });
}, 120_000);
afterAll(async () => {
  await readers?.close();
  await other?.close();
  await t?.done();
});

it('holds every table lis_reader may read to one municipality; the tables it may not read are listed with their reason', async () => {
  const security = await tableSecurity();
  const unprotected = security
    .filter((s) => s.readable && !(s.has_municipality && s.rls && s.policies.length === 1 && s.policies[0] === ONE_MUNICIPALITY))
    .map((s) => s.table);
  expect(unprotected, 'readable without exactly the one-municipality policy').toEqual([]);
  // a new table with a municipality column must be decided: protected for the readers, or listed above
  const undecided = security
    .filter((s) => s.has_municipality && !s.readable && !(s.table in NOT_FOR_READERS))
    .map((s) => s.table);
  expect(undecided, 'neither readable nor listed in NOT_FOR_READERS').toEqual([]);
  const listedButReadable = security.filter((s) => s.readable && s.table in NOT_FOR_READERS).map((s) => s.table);
  expect(listedButReadable).toEqual([]);
  // the fact tables, the read models and the rollups are among the protected ones
  expect(security.filter((s) => s.readable).map((s) => s.table)).toEqual(
    expect.arrayContaining([
      'economy',
      'sickleave',
      'cases',
      'kpi_values',
      'population',
      'benchmark',
      'kpi_rollup',
      'kpi_rollup_now',
    ]),
  );
  expect(security.filter((s) => s.readable).map((s) => s.table)).toEqual(
    expect.arrayContaining(['economy_rollup', 'economy_rollup_category', 'org_units', 'org_closure', 'batches', 'users']),
  );
});

it('lets a reader read users without their password hashes or identity-provider subjects', async () => {
  await expect(asOwnReader((db) => sql`select username from users`.execute(db))).resolves.toBeTruthy();
  await expect(asOwnReader((db) => sql`select password_hash from users`.execute(db))).rejects.toThrow(/permission denied/);
  await expect(asOwnReader((db) => sql`select oidc_subject from users`.execute(db))).rejects.toThrow(/permission denied/);
  await expect(asOwnReader((db) => sql`select token_hash from api_tokens`.execute(db))).rejects.toThrow(/permission denied/);
});

it('shows a reader of 849 all of 849’s rows and none of 851’s, in every protected table, from a query without a filter', async () => {
  for (const table of await protectedTables()) {
    const inStore = await rowsByMunicipality(t.store.db, table);
    expect(Object.keys(inStore).sort(), `${table} holds both municipalities' rows`).toEqual([OWN, OTHER]);
    const seen = await asOwnReader((db) => rowsByMunicipality(db, table));
    expect(seen, table).toEqual({ [OWN]: inStore[OWN] });
  }
});

it('shows a reader no row at all while lis.municipality is unset', async () => {
  for (const table of await protectedTables())
    expect(await inReaderTransaction(null, (db) => rowsByMunicipality(db, table)), table).toEqual({});
});

it('refuses a reader’s insert, update and delete', async () => {
  const economyBefore = await rowsByMunicipality(t.store.db, 'economy');
  await expect(
    asOwnReader((db) =>
      sql`insert into kpi_values (municipality, period, org_id, kpi_id, numerator, batch_id) values (${OWN}, '2016-06-01', '2000', 'x', 1, 1)`.execute(
        db,
      ),
    ),
  ).rejects.toThrow(/permission denied/);
  await expect(asOwnReader((db) => sql`update kpi_rollup set value = 0`.execute(db))).rejects.toThrow(/permission denied/);
  await expect(asOwnReader((db) => sql`delete from economy`.execute(db))).rejects.toThrow(/permission denied/);
  await expect(asOwnReader((db) => sql`delete from batches where municipality = ${OWN}`.execute(db))).rejects.toThrow(
    /permission denied/,
  );
  expect(await rowsByMunicipality(t.store.db, 'economy')).toEqual(economyBefore);
});

it('tells that this store’s user can read as lis_reader', async () => {
  expect(await readerRoleReady(t.store.db)).toBe(true);
});
