import { MAX_SAVED_PEER_GROUPS, PeerGroupKindSchema } from '@lis/contracts';
import { BUILT_IN_PEER_GROUPS } from '@lis/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/modules/auth/auth.service.ts';
import { bearer, createTestApp, postFeed, type TestApp } from './helpers.ts';

const ORG = `org_id;parent_id;name;level
K;;Testkommune;kommune
F1;K;Forvaltning 1;forvaltning
`;

type Who = 'admin' | 'direktion' | 'oekonom' | 'oekonom2' | 'chef' | 'feeder' | 'anonymous';
const EVERYONE: Who[] = ['admin', 'direktion', 'oekonom', 'oekonom2', 'chef', 'feeder', 'anonymous'];

let t: TestApp;
const headers = {} as Record<Who, Record<string, string>>;
beforeAll(async () => {
  t = await createTestApp();
  expect((await postFeed(t.app, 'organisation', ORG)).statusCode).toBe(200);
  for (const role of ['admin', 'direktion', 'oekonom', 'feeder'] as const) headers[role] = bearer(await t.token(role));
  headers.oekonom2 = bearer(
    await createToken({ db: t.store.db, municipality: '849' }, { name: 'oekonom-2', role: 'oekonom', orgIds: [] }),
  );
  headers.chef = bearer(await t.token('chef', ['F1']));
  headers.anonymous = {};
});
afterAll(() => t.done());

const save = (who: Who, name: string, municipalities = ['787', '820']) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/benchmark/peer-groups',
    headers: headers[who],
    payload: { name, municipalities },
  });
const remove = (who: Who, name: string) =>
  t.app.inject({ method: 'DELETE', url: `/api/v1/benchmark/peer-groups/${encodeURIComponent(name)}`, headers: headers[who] });
const list = async (who: Who) =>
  (await t.app.inject({ method: 'GET', url: '/api/v1/benchmark/peer-groups', headers: headers[who] })).json() as {
    name: string;
    municipalities: string[];
    builtIn: boolean;
    owner: string | null;
    mayChange: boolean;
  }[];
const saved = async (name: string) => (await list('admin')).find((g) => g.name === name);
/** The audit rows of an action on peer groups, newest first, with their details (the API lists no details). */
const audit = async (action: string) =>
  (
    await t.store.db
      .selectFrom('audit_log')
      .select(['actor', 'target', 'outcome', 'details'])
      .where('action', '=', action)
      .where('target', 'like', 'peer_group:%')
      .orderBy('id', 'desc')
      .execute()
  ).map((row) => ({
    ...row,
    details: (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as Record<string, unknown> | null,
  }));

it('the API document names the built-in peer groups the domain defines (the contract cannot import them)', () => {
  expect(PeerGroupKindSchema.anyOf.map((kind) => kind.const)).toEqual([...BUILT_IN_PEER_GROUPS]);
});

describe('saved peer groups: who may save, replace and delete', () => {
  it('lets those who prepare benchmarks save (admin, oekonom); every other role is refused', async () => {
    const statuses: Record<string, number> = {};
    for (const who of EVERYONE) statuses[who] = (await save(who, `Liste af ${who}`)).statusCode;
    expect(statuses).toEqual({
      admin: 200,
      direktion: 403,
      oekonom: 200,
      oekonom2: 200,
      chef: 403,
      feeder: 403,
      anonymous: 401,
    });
    expect((await save('chef', 'x')).json().code).toBe('role_forbidden');
    expect((await list('admin')).filter((g) => !g.builtIn).map((g) => [g.name, g.owner])).toEqual([
      ['Liste af admin', 'token:admin:'],
      ['Liste af oekonom', 'token:oekonom:'],
      ['Liste af oekonom2', 'token:oekonom-2'],
    ]);
  });

  it('lets only the owner or an admin replace or delete a group, with a code for the others', async () => {
    expect((await save('oekonom', 'Vestkysten', ['787'])).statusCode).toBe(200);
    // another economist may neither replace nor delete it, and it stays as it was
    const replace = await save('oekonom2', 'Vestkysten', ['101']);
    expect(replace.statusCode).toBe(403);
    expect(replace.json()).toMatchObject({ code: 'peer_group_not_owner', parameter: 'name' });
    expect((await remove('oekonom2', 'Vestkysten')).json()).toMatchObject({ statusCode: 403, code: 'peer_group_not_owner' });
    for (const who of ['direktion', 'chef', 'feeder'] as const) expect((await remove(who, 'Vestkysten')).statusCode).toBe(403);
    expect(await saved('Vestkysten')).toMatchObject({ municipalities: ['787'], owner: 'token:oekonom:' });
    // the owner replaces it; an admin replaces it and the owner stays the owner
    expect((await save('oekonom', 'Vestkysten', ['787', '820'])).statusCode).toBe(200);
    expect((await save('admin', 'Vestkysten', ['820', '860'])).statusCode).toBe(200);
    expect(await saved('Vestkysten')).toMatchObject({ municipalities: ['820', '860'], owner: 'token:oekonom:' });
    // the owner deletes their own; an admin deletes anyone's
    expect((await remove('oekonom', 'Vestkysten')).statusCode).toBe(200);
    expect((await remove('oekonom', 'Vestkysten')).statusCode).toBe(404);
    expect((await remove('admin', 'Liste af oekonom2')).statusCode).toBe(200);
    expect(await saved('Liste af oekonom2')).toBeUndefined();
  });

  it('tells each caller which groups they may change', async () => {
    const mayChange = async (who: Who) =>
      Object.fromEntries((await list(who)).filter((g) => !g.builtIn).map((g) => [g.name, g.mayChange]));
    expect(await mayChange('admin')).toEqual({ 'Liste af admin': true, 'Liste af oekonom': true });
    expect(await mayChange('oekonom')).toEqual({ 'Liste af admin': false, 'Liste af oekonom': true });
    expect(await mayChange('oekonom2')).toEqual({ 'Liste af admin': false, 'Liste af oekonom': false });
    expect(await mayChange('direktion')).toEqual({ 'Liste af admin': false, 'Liste af oekonom': false });
    expect(await mayChange('chef')).toEqual({ 'Liste af admin': false, 'Liste af oekonom': false });
    expect((await list('admin')).filter((g) => g.builtIn).every((g) => !g.mayChange && g.owner === null)).toBe(true);
  });

  it('writes every save, replace and delete to the audit log, and the refused ones', async () => {
    const saves = await audit('peer_group_save');
    expect(saves.filter((a) => a.outcome === 'ok').map((a) => [a.actor, a.target])).toEqual(
      expect.arrayContaining([
        ['token:admin:', 'peer_group:Liste af admin'],
        ['token:oekonom:', 'peer_group:Vestkysten'],
      ]),
    );
    expect(saves.find((a) => a.target === 'peer_group:Vestkysten' && a.outcome === 'ok')?.details).toEqual({
      owner: 'token:oekonom:',
      municipalities: ['787'],
    });
    expect(saves.filter((a) => a.outcome === 'denied').map((a) => [a.actor, a.target, a.details?.code])).toEqual([
      ['token:oekonom-2', 'peer_group:Vestkysten', 'peer_group_not_owner'],
    ]);
    const overwrites = await audit('peer_group_overwrite');
    expect(overwrites.map((a) => [a.actor, a.outcome, a.details?.owner, a.details?.municipalities]).reverse()).toEqual([
      ['token:oekonom:', 'ok', 'token:oekonom:', ['787', '820']],
      ['token:admin:', 'ok', 'token:oekonom:', ['820', '860']],
    ]);
    const deletes = await audit('peer_group_delete');
    expect(deletes.map((a) => [a.actor, a.target, a.outcome]).reverse()).toEqual([
      ['token:oekonom-2', 'peer_group:Vestkysten', 'denied'],
      ['token:oekonom:', 'peer_group:Vestkysten', 'ok'],
      ['token:admin:', 'peer_group:Liste af oekonom2', 'ok'],
    ]);
    // the role refusals are logged by the permission check, as for every route
    const roleDenied = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit?action=benchmark:write&limit=50',
      headers: headers.admin,
    });
    expect(
      roleDenied.json().some((a: { actor: string; outcome: string }) => a.actor === 'token:chef:F1' && a.outcome === 'denied'),
    ).toBe(true);
  });

  it(`stops at ${MAX_SAVED_PEER_GROUPS} saved groups per municipality, and still lets one be replaced`, async () => {
    const have = (await list('admin')).filter((g) => !g.builtIn).length;
    await t.store.db
      .insertInto('peer_groups')
      .values(
        Array.from({ length: MAX_SAVED_PEER_GROUPS - 1 - have }, (_, i) => ({
          municipality: '849',
          name: `fyld ${i}`,
          municipalities: ['787'],
          created_by: 'token:oekonom:',
        })),
      )
      .execute();
    expect((await save('oekonom', 'den sidste')).statusCode).toBe(200);
    const over = await save('oekonom', 'en for mange');
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'peer_group_limit', parameter: 'name' });
    expect((await list('admin')).filter((g) => !g.builtIn).length).toBe(MAX_SAVED_PEER_GROUPS);
    expect((await save('oekonom', 'fyld 0', ['820'])).statusCode).toBe(200);
    // a deleted group makes room again
    await t.store.db.deleteFrom('peer_groups').where('name', '=', 'fyld 1').execute();
    expect((await save('oekonom', 'en for mange')).statusCode).toBe(200);
  });
});
