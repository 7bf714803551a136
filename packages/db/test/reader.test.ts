import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStore,
  migrateToLatest,
  openReaders,
  READER_ROLE,
  type Readers,
  readerRoleReady,
  type Store,
} from '../src/index.ts';
import { adminQuery, withTestStore } from '../src/testing.ts';

// Readers on PostgreSQL (ADR 0015): the deployment case, where LIS's user owns its database but is
// no superuser and may not create roles. A DBA made lis_reader (here: an earlier migration as the
// superuser, as CI does) and grants it to that user; until then the migration still runs and the
// readers are not ready. apps/api/test/row-level-security.test.ts checks every table on both engines.

it('refuses a municipality that is not three digits before it reaches a connection', async () => {
  const readers = openReaders({ databaseUrl: 'postgres://localhost/lis' });
  for (const municipality of ['84', '8490', "849'; set role postgres", ''])
    expect(() => readers.db(municipality), municipality).toThrow(/not a municipality code/);
  await readers.close();
});

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)('a reader of a store whose owner is not a superuser', () => {
  const suffix = randomBytes(6).toString('hex');
  const owner = `lis_owner_${suffix}`;
  const database = `lis_test_${suffix}`;
  let ownerUrl: string;
  let store: Store;
  let readers: Readers | undefined;

  const asSuperuser = (text: string) => adminQuery(serverUrl as string, text);
  const rowsByMunicipality = async (db: Store['db']) => {
    const { rows } = await sql<{ municipality: string; n: number }>`
      select municipality, count(*)::int as n from economy group by municipality order by municipality`.execute(db);
    return Object.fromEntries(rows.map((r) => [r.municipality, r.n]));
  };

  beforeAll(async () => {
    // the role exists once any database of the cluster migrated as the superuser
    await (await withTestStore()).done();
    await asSuperuser(`create role ${owner} login nosuperuser nocreaterole nocreatedb`);
    await asSuperuser(`create database ${database} owner ${owner}`);
    const url = new URL(serverUrl as string);
    url.username = owner;
    url.pathname = `/${database}`;
    ownerUrl = url.toString();
    store = await createStore({ databaseUrl: ownerUrl, poolSize: 2 });
    await migrateToLatest(store.db);
  }, 60_000);
  afterAll(async () => {
    await readers?.close();
    await store?.close();
    await asSuperuser(`drop database if exists ${database} with (force)`);
    await asSuperuser(`drop role if exists ${owner}`);
  });

  it('migrates without being allowed to create or grant roles, and says the readers are not ready', async () => {
    const { rows } = await sql<{ super: boolean }>`select rolsuper as super from pg_roles where rolname = current_user`.execute(
      store.db,
    );
    expect(rows).toEqual([{ super: false }]);
    const { rows: rls } = await sql<{ on: boolean }>`select relrowsecurity as on from pg_class where relname = 'economy'`.execute(
      store.db,
    );
    expect(rls).toEqual([{ on: true }]);
    expect(await readerRoleReady(store.db)).toBe(false);
  });

  it('reads as lis_reader once the DBA granted it: only its municipality, while the owner still copies in and reads all', async () => {
    await asSuperuser(`grant ${READER_ROLE} to ${owner}`);
    expect(await readerRoleReady(store.db)).toBe(true);

    // the owner writes with COPY, as the ingest does: row-level security is enabled, not forced
    const economyRow = (municipality: string, org: string) => `2016-06-01\t${org}\t${municipality}\t5.22.01\t1\tactual\t100\t1\n`;
    await store.transaction((tx) =>
      tx.copyInto(
        'economy',
        ['period', 'org_id', 'municipality', 'function', 'dranst', 'amount_type', 'amount', 'batch_id'],
        economyRow('849', 'A') + economyRow('849', 'B') + economyRow('851', 'A'),
      ),
    );
    expect(await rowsByMunicipality(store.db)).toEqual({ '849': 2, '851': 1 });

    readers = openReaders({ databaseUrl: ownerUrl, poolSize: 1 });
    const reader = readers.db('849');
    const { rows } = await sql<{ who: string; municipality: string }>`
      select current_user as who, current_setting('lis.municipality') as municipality`.execute(reader);
    expect(rows).toEqual([{ who: READER_ROLE, municipality: '849' }]);
    expect(await rowsByMunicipality(reader)).toEqual({ '849': 2 });
    await expect(sql`delete from economy`.execute(reader)).rejects.toThrow(/permission denied/);
  });

  it('hands its one connection to each municipality in turn, set to that municipality each time', async () => {
    const shared = openReaders({ databaseUrl: ownerUrl, poolSize: 1 });
    try {
      const backends = new Set<number>();
      for (const municipality of ['849', '851', '851', '849', '851']) {
        const db = shared.db(municipality);
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
        backends.add(rows[0]?.pid as number);
        expect(await rowsByMunicipality(db), municipality).toEqual(municipality === '849' ? { '849': 2 } : { '851': 1 });
      }
      expect(backends.size).toBe(1);
      // both at once: the second waits for the connection, then gets it set to its own municipality
      const [a, b] = await Promise.all(['849', '851'].map((m) => rowsByMunicipality(shared.db(m))));
      expect([a, b]).toEqual([{ '849': 2 }, { '851': 1 }]);
    } finally {
      await shared.close();
    }
  });

  it('copies out only its municipality’s rows to a reader', async () => {
    const client = new pg.Client({ connectionString: ownerUrl, options: `-c role=${READER_ROLE} -c lis.municipality=851` });
    await client.connect();
    try {
      let text = '';
      for await (const chunk of client.query(copyTo('copy economy (municipality, org_id) to stdout'))) text += chunk.toString();
      expect(text).toBe('851\tA\n');
    } finally {
      await client.end();
    }
  });

  it('keeps the options the address gives, and sets the role and municipality after them', async () => {
    const url = new URL(ownerUrl);
    url.searchParams.set('options', `-c statement_timeout=4321 -c role=${owner}`);
    const withOptions = openReaders({ databaseUrl: url.toString(), poolSize: 1 });
    try {
      const { rows } = await sql<{ who: string; timeout: string; municipality: string }>`
        select current_user as who, current_setting('statement_timeout') as timeout,
          current_setting('lis.municipality') as municipality`.execute(withOptions.db('851'));
      expect(rows).toEqual([{ who: READER_ROLE, timeout: '4321ms', municipality: '851' }]);
    } finally {
      await withOptions.close();
    }
  });
});
