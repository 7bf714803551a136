import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/modules/auth/auth.service.ts';
import { bearer, createTestApp, postFeed, type TestApp } from './helpers.ts';

const ORG = `org_id;parent_id;name;level
K;;Testkommune;kommune
F1;K;Forvaltning 1;forvaltning
F2;K;Forvaltning 2;forvaltning
A1;F1;Afdeling 1;afdeling
`;
const PASSWORD = 'en lang adgangskode';

let t: TestApp;
let addresses = 0;
const ctx = () => ({ db: t.store.db, municipality: '849' });

beforeAll(async () => {
  // each sign-in from its own address (through a trusted proxy), so the per-address limit stays out of the way
  t = await createTestApp({ LIS_TRUST_PROXY: 'loopback' });
  expect((await postFeed(t.app, 'organisation', ORG)).statusCode).toBe(200);
  for (const [username, role, orgIds] of [
    ['anna', 'admin', []],
    ['birgitte', 'direktion', []],
    ['carl', 'chef', ['F2', 'A1']],
    ['dorte', 'oekonom', []],
  ] as const)
    await createUser(ctx(), { username, role, password: PASSWORD, orgIds, displayName: username.toUpperCase() });
  // a person of the identity provider: no LIS password
  await t.store.db
    .insertInto('users')
    .values({
      municipality: '849',
      username: 'oidc.olga',
      display_name: 'Olga',
      role: 'direktion',
      password_hash: null,
      source: 'oidc',
      oidc_issuer: 'https://idp.example',
      oidc_subject: 'olga-1',
    })
    .execute();
});
afterAll(() => t.done());

const login = (username: string, password = PASSWORD) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'x-forwarded-for': `198.51.100.${++addresses}` },
    payload: { username, password },
  });
const cookieOf = async (username: string) => {
  const response = await login(username);
  expect(response.statusCode).toBe(200);
  return String(response.headers['set-cookie']).split(';')[0] as string;
};
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

/** As the signed-in admin anna, from the browser (cookie and the LIS header). */
let annaCookie = '';
const asAnna = async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) => {
  annaCookie ||= await cookieOf('anna');
  return t.app.inject({
    method,
    url,
    headers: { cookie: annaCookie, 'x-lis-request': '1' },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
};
const auditOf = async (action: string) =>
  t.store.db
    .selectFrom('audit_log')
    .select(['actor', 'role', 'target', 'outcome', 'details'])
    .where('action', '=', action)
    .orderBy('id', 'desc')
    .execute();

describe('the users list', () => {
  it('lists every user with role, units, source, last sign-in and open sessions', async () => {
    const first = await cookieOf('carl');
    await cookieOf('carl');
    // an idle session is no longer open, even if nobody has ended it yet
    await t.store.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where(
        'id_hash',
        '=',
        (await import('node:crypto'))
          .createHash('sha256')
          .update(first.split('=')[1] as string)
          .digest('hex'),
      )
      .execute();
    const response = await asAnna('GET', '/api/v1/users');
    expect(response.statusCode).toBe(200);
    const users = response.json();
    expect(users.map((u: { username: string }) => u.username)).toEqual(['anna', 'birgitte', 'carl', 'dorte', 'oidc.olga']);
    const carl = users.find((u: { username: string }) => u.username === 'carl');
    expect(carl).toMatchObject({ displayName: 'CARL', role: 'chef', orgIds: ['A1', 'F2'], source: 'local', disabled: false });
    expect(carl.activeSessions).toBe(1);
    expect(Date.now() - Date.parse(carl.lastSignInAt)).toBeLessThan(60_000);
    expect(users.find((u: { username: string }) => u.username === 'oidc.olga')).toMatchObject({
      source: 'oidc',
      orgIds: null,
      lastSignInAt: null,
      activeSessions: 0,
    });
  });
});

describe('disable, enable, end sessions, reset password', () => {
  it('disables a user: their session stops at once, their sign-in fails; enabling lets them in again', async () => {
    const cookie = await cookieOf('birgitte');
    expect((await me(cookie)).statusCode).toBe(200);
    const disabled = await asAnna('POST', '/api/v1/users/birgitte/disable');
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toEqual({ sessionsEnded: 1 });
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await login('birgitte')).statusCode).toBe(401);
    const listed = (await asAnna('GET', '/api/v1/users')).json();
    expect(listed.find((u: { username: string }) => u.username === 'birgitte')).toMatchObject({
      disabled: true,
      activeSessions: 0,
    });

    expect((await asAnna('POST', '/api/v1/users/birgitte/enable')).statusCode).toBe(204);
    expect((await me(await cookieOf('birgitte'))).statusCode).toBe(200);
    expect((await auditOf('user_disable'))[0]).toMatchObject({
      actor: 'anna',
      role: 'admin',
      target: 'user:birgitte',
      outcome: 'ok',
    });
    expect((await auditOf('user_enable'))[0]).toMatchObject({ actor: 'anna', role: 'admin', target: 'user:birgitte' });
  });

  it('ends all sessions of another user', async () => {
    const a = await cookieOf('dorte');
    const b = await cookieOf('dorte');
    const ended = await asAnna('POST', '/api/v1/users/dorte/end-sessions');
    expect(ended.json()).toEqual({ sessionsEnded: 2 });
    expect([(await me(a)).statusCode, (await me(b)).statusCode]).toEqual([401, 401]);
    expect((await auditOf('user_sessions_end'))[0]).toMatchObject({ actor: 'anna', target: 'user:dorte' });
  });

  it('will not let an admin disable themselves or end their own sessions (409), whatever the case of the name', async () => {
    for (const url of ['/api/v1/users/anna/disable', '/api/v1/users/ANNA/end-sessions']) {
      const response = await asAnna('POST', url);
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'conflict', error: expect.stringContaining('yourself') });
    }
    expect((await me(annaCookie)).statusCode).toBe(200);
  });

  it('resets a local password: the policy says what is wrong, the old sessions end, the new password works', async () => {
    const old = await cookieOf('dorte');
    const weak = await asAnna('POST', '/api/v1/users/dorte/reset-password', { password: 'kort' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ parameter: 'password', error: 'A password needs at least 12 characters' });
    const named = await asAnna('POST', '/api/v1/users/dorte/reset-password', { password: 'Dorte' });
    expect(named.statusCode).toBe(400);
    const reset = await asAnna('POST', '/api/v1/users/dorte/reset-password', { password: 'et helt nyt kodeord' });
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toEqual({ sessionsEnded: 1 });
    expect((await me(old)).statusCode).toBe(401);
    expect((await login('dorte')).statusCode).toBe(401);
    expect((await login('dorte', 'et helt nyt kodeord')).statusCode).toBe(200);
    expect((await auditOf('user_password_reset'))[0]).toMatchObject({ actor: 'anna', target: 'user:dorte' });
  });

  it('refuses a password for a user of the identity provider (409) and answers 404 for an unknown user', async () => {
    const oidc = await asAnna('POST', '/api/v1/users/oidc.olga/reset-password', { password: 'et helt nyt kodeord' });
    expect(oidc.statusCode).toBe(409);
    expect(oidc.json().error).toContain('adgangskoden styres af kommunens login');
    for (const action of ['disable', 'enable', 'end-sessions']) {
      const response = await asAnna('POST', `/api/v1/users/nobody/${action}`);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'not_found', error: 'There is no user named nobody' });
    }
    expect((await asAnna('POST', '/api/v1/users/nobody/reset-password', { password: 'et helt nyt kodeord' })).statusCode).toBe(
      404,
    );
  });
});

describe('access rules', () => {
  const rule = (over: Record<string, unknown> = {}) => ({
    claim: 'groups',
    value: 'lis-chefer-f1',
    role: 'chef',
    orgIds: ['F1'],
    ...over,
  });

  it('adds, lists and removes rules, each in the audit log', async () => {
    const added = await asAnna('POST', '/api/v1/access-rules', rule({ note: ' Chefer i forvaltning 1 ' }));
    expect(added.statusCode).toBe(201);
    const { id } = added.json();
    expect(added.json()).toEqual({
      id,
      claim: 'groups',
      value: 'lis-chefer-f1',
      role: 'chef',
      orgIds: ['F1'],
      note: 'Chefer i forvaltning 1',
    });
    const second = await asAnna('POST', '/api/v1/access-rules', {
      claim: 'roles',
      value: 'LIS.Admin',
      role: 'admin',
      orgIds: [],
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().note).toBeNull();
    const list = (await asAnna('GET', '/api/v1/access-rules')).json();
    expect(list.map((r: { value: string }) => r.value)).toEqual(['lis-chefer-f1', 'LIS.Admin']);

    expect((await asAnna('DELETE', `/api/v1/access-rules/${second.json().id}`)).statusCode).toBe(204);
    const again = await asAnna('DELETE', `/api/v1/access-rules/${second.json().id}`);
    expect(again.statusCode).toBe(404);
    expect((await asAnna('GET', '/api/v1/access-rules')).json()).toHaveLength(1);
    expect((await auditOf('access_rule_add'))[1]).toMatchObject({ actor: 'anna', role: 'admin', target: `access_rule:${id}` });
    expect((await auditOf('access_rule_remove'))[0]).toMatchObject({ actor: 'anna', target: `access_rule:${second.json().id}` });
  });

  it('refuses a duplicate claim and value with 409', async () => {
    const duplicate = await asAnna('POST', '/api/v1/access-rules', rule({ role: 'direktion', orgIds: [] }));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'conflict', error: expect.stringContaining('groups = lis-chefer-f1') });
  });

  it('says which field is wrong: claim, value, units of a chef or of another role, an unknown unit', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ claim: 'grupper med mellemrum' }, 'claim', /claim/],
      [{ claim: 'x'.repeat(101) }, 'claim', /claim/],
      [{ claim: '' }, 'claim', /claim/],
      [{ value: '' }, 'value', /value/],
      [{ value: 'v'.repeat(201) }, 'value', /value/],
      [{ value: '   ' }, 'value', /not only spaces/],
      [{ orgIds: [] }, 'orgIds', /chef needs at least one org unit/],
      [{ role: 'oekonom' }, 'orgIds', /Only a chef is limited to org units/],
      [{ orgIds: ['F1', 'NOPE'] }, 'orgIds', /Unknown org unit\(s\): NOPE/],
      [{ role: 'superuser', orgIds: [] }, 'role', /role/],
    ];
    for (const [change, parameter, message] of cases) {
      const response = await asAnna('POST', '/api/v1/access-rules', rule({ value: 'ny', ...change }));
      expect([response.statusCode, response.json().parameter], JSON.stringify(change)).toEqual([400, parameter]);
      expect(response.json().error).toMatch(message);
    }
    expect((await asAnna('DELETE', '/api/v1/access-rules/nope')).statusCode).toBe(400);
  });
});

describe('only an admin', () => {
  it('answers 403 to every other role and 401 to nobody', async () => {
    const requests = [
      ['GET', '/api/v1/users'],
      ['POST', '/api/v1/users/birgitte/disable'],
      ['GET', '/api/v1/access-rules'],
      ['DELETE', '/api/v1/access-rules/1'],
    ] as const;
    for (const role of ['direktion', 'oekonom', 'feeder'] as const) {
      for (const [method, url] of requests)
        expect((await t.app.inject({ method, url, headers: bearer(await t.token(role)) })).statusCode).toBe(403);
    }
    const chef = bearer(await t.token('chef', ['F1']));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: chef })).statusCode).toBe(403);
    // a signed-in non-admin with the browser's header is refused too
    const cookie = await cookieOf('carl');
    const asCarl = await t.app.inject({
      method: 'POST',
      url: '/api/v1/access-rules',
      headers: { cookie, 'x-lis-request': '1' },
      payload: { claim: 'groups', value: 'x', role: 'admin', orgIds: [] },
    });
    expect(asCarl.statusCode).toBe(403);
    for (const [method, url] of requests) expect((await t.app.inject({ method, url })).statusCode).toBe(401);
    expect((await auditOf('users:admin')).length).toBeGreaterThan(0); // refusals are logged
    expect(
      (await asAnna('GET', '/api/v1/users')).json().find((u: { username: string }) => u.username === 'birgitte').disabled,
    ).toBe(false);
  });
});
