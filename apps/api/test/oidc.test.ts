import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAccessRule } from '../src/modules/auth/access-rules.repository.ts';
import { createUser, disableUser } from '../src/modules/auth/auth.service.ts';
import { createTestApp, postFeed, type TestApp } from './helpers.ts';
import { CLIENT, freePort, type IdentityProvider, startIdentityProvider } from './identity-provider.ts';

const ORG = `org_id;parent_id;name;level
K;;Testkommune;kommune
F1;K;Forvaltning 1;forvaltning
F2;K;Forvaltning 2;forvaltning
A1;F1;Afdeling 1;afdeling
`;

/** A browser as far as sign-in needs one: cookies per host, redirects followed by hand. */
class Browser {
  readonly cookies = new Map<string, Map<string, string>>();

  jar(url: URL) {
    if (!this.cookies.has(url.host)) this.cookies.set(url.host, new Map());
    return this.cookies.get(url.host) as Map<string, string>;
  }

  async request(href: string, init: { method?: string; body?: URLSearchParams; headers?: Record<string, string> } = {}) {
    const url = new URL(href);
    const cookie = [...this.jar(url)].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: { ...(cookie ? { cookie } : {}), ...init.headers },
      ...(init.body ? { body: init.body } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split(/=(.*)/s).map((part) => part.trim());
      const gone = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
      if (gone || value === '') this.jar(url).delete(name);
      else this.jar(url).set(name, value);
    }
    const location = response.headers.get('location');
    return { response, location: location ? new URL(location, url).href : null };
  }
}

let lisUrl: string;
let idp: IdentityProvider;
let t: TestApp;
const ctx = () => ({ db: t.store.db, municipality: '849' });
const admin = { name: 'test' };

beforeAll(async () => {
  lisUrl = `http://127.0.0.1:${await freePort()}`;
  idp = await startIdentityProvider({ lisUrl, idTokenClaims: true });
  t = await createTestApp(
    {
      LIS_OIDC_ISSUER: idp.issuer,
      LIS_OIDC_CLIENT_ID: CLIENT.id,
      LIS_OIDC_CLIENT_SECRET: CLIENT.secret,
      LIS_PUBLIC_URL: lisUrl,
      LIS_OIDC_NAME: 'Testkommunens login',
      LIS_ACCESS_CONTACT: 'Servicedesk, lokal 1234',
    },
    ['849', '851'],
  );
  await t.app.listen({ port: Number(new URL(lisUrl).port), host: '127.0.0.1' });
  expect((await postFeed(t.app, 'organisation', ORG)).statusCode).toBe(200);
  const rule = { note: null, createdBy: 'test' };
  await insertAccessRule(t.store.db, '849', { ...rule, claim: 'groups', value: 'lis-chef-f1', role: 'chef', orgIds: ['F1'] });
  await insertAccessRule(t.store.db, '849', { ...rule, claim: 'groups', value: 'lis-direktion', role: 'direktion', orgIds: [] });
  // the server also serves 851, whose admin gives the same group another role
  await insertAccessRule(t.store.db, '851', { ...rule, claim: 'groups', value: 'lis-chef-f1', role: 'oekonom', orgIds: [] });
});
afterAll(async () => {
  await t?.done();
  await idp?.close();
});

/** From LIS's sign-in link through the provider's sign-in form to the address it sends the browser back to. */
async function toCallback(browser: Browser, accountId: string, returnTo = '/', municipality?: string) {
  const asked = municipality ? `&municipality=${municipality}` : '';
  const start = await browser.request(`${lisUrl}/api/v1/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}${asked}`);
  expect(start.response.status).toBe(302);
  let location = start.location as string;
  expect(location.startsWith(`${idp.issuer}/`)).toBe(true);
  const authorization = new URL(location).searchParams;
  expect(authorization.get('code_challenge_method')).toBe('S256');
  expect(authorization.get('nonce')).toBeTruthy();
  for (let step = 0; step < 10 && !location.startsWith(lisUrl); step++) {
    const interaction = location.match(/\/interaction\/([^/?]+)$/);
    const answer = interaction
      ? await browser.request(location, {
          method: 'POST',
          body: new URLSearchParams({ prompt: 'login', login: accountId, password: 'any' }),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      : await browser.request(location);
    expect(answer.location, `step ${step} at ${location}: ${answer.response.status}`).toBeTruthy();
    location = answer.location as string;
  }
  expect(location.startsWith(`${lisUrl}/api/v1/auth/oidc/callback?`)).toBe(true);
  return location;
}

async function signIn(accountId: string, returnTo = '/', municipality?: string) {
  const browser = new Browser();
  const callback = await toCallback(browser, accountId, returnTo, municipality);
  const { response, location } = await browser.request(callback);
  expect(response.status).toBe(302);
  return { browser, callback, location: (location ?? '').replace(lisUrl, '') };
}

const sessionOf = (browser: Browser) => browser.jar(new URL(lisUrl)).get('lis_session');
const get = (browser: Browser, path: string) => browser.request(`${lisUrl}${path}`).then((r) => r.response);
const me = async (browser: Browser) => (await get(browser, '/api/v1/auth/me')).json();

async function lastSignIn() {
  const row = await t.store.db
    .selectFrom('audit_log')
    .select(['actor', 'target', 'outcome', 'details'])
    .where('action', '=', 'sign_in')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return { ...row, details: typeof row.details === 'string' ? JSON.parse(row.details) : row.details };
}

describe('sign-in through a real OpenID provider', () => {
  it('tells the sign-in page what it offers', async () => {
    const methods = await t.app.inject({ method: 'GET', url: '/api/v1/auth/methods' });
    expect(methods.json()).toEqual({
      local: true,
      oidc: { label: 'Testkommunens login' },
      accessContact: 'Servicedesk, lokal 1234',
      municipalities: [
        { code: '849', name: 'Jammerbugt' },
        { code: '851', name: 'Aalborg' },
      ],
    });
  });

  it('gives a mapped group its role and units, creates the user from the claims, and returns to the page asked for', async () => {
    idp.accounts.set('anna-sub', {
      name: 'Anna Andersen',
      preferredUsername: 'anna@testkommune.dk',
      groups: ['lis-chef-f1', 'somebody-else'],
    });
    const { browser, location } = await signIn('anna-sub', '/kpi/sick_leave_pct?org=F1');
    expect(location).toBe('/kpi/sick_leave_pct?org=F1');
    expect(sessionOf(browser)).toBeTruthy();
    expect(await me(browser)).toEqual({
      username: 'anna@testkommune.dk',
      displayName: 'Anna Andersen',
      role: 'chef',
      orgIds: ['F1'],
      homeOrgId: 'F1',
      municipality: { code: '849', name: 'Jammerbugt' },
    });
    expect((await get(browser, '/api/v1/dashboard?org=A1')).status).toBe(200);
    expect((await get(browser, '/api/v1/dashboard?org=F2')).status).toBe(403);

    const user = await t.store.db
      .selectFrom('users')
      .selectAll()
      .where('oidc_subject', '=', 'anna-sub')
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ source: 'oidc', oidc_issuer: idp.issuer, password_hash: null });
    expect(user.last_sign_in_at).toBeInstanceOf(Date);
    const audit = await lastSignIn();
    expect(audit).toMatchObject({ actor: 'anna@testkommune.dk', target: 'user:anna@testkommune.dk', outcome: 'ok' });
    expect(audit.details).toMatchObject({ source: 'oidc', subject: 'anna-sub', ruleIds: [expect.any(Number)] });
  });

  it('signs in to the municipality the sign-in began for, by its own rules, users and audit log (a shared install)', async () => {
    idp.accounts.set('cecilie-sub', { name: 'Cecilie', preferredUsername: 'cecilie@faellesskab.dk', groups: ['lis-chef-f1'] });
    const inAalborg = await signIn('cecilie-sub', '/', '851');
    expect(await me(inAalborg.browser)).toMatchObject({ role: 'oekonom', orgIds: null, municipality: { code: '851' } });
    const inJammerbugt = await signIn('cecilie-sub');
    expect(await me(inJammerbugt.browser)).toMatchObject({ role: 'chef', orgIds: ['F1'], municipality: { code: '849' } });

    // a user of each municipality, and each sign-in audited in its own
    const users = await t.store.db.selectFrom('users').select('municipality').where('oidc_subject', '=', 'cecilie-sub').execute();
    expect(users.map((u) => u.municipality).sort()).toEqual(['849', '851']);
    const audited = await t.store.db
      .selectFrom('audit_log')
      .select('municipality')
      .where('action', '=', 'sign_in')
      .where('actor', '=', 'cecilie@faellesskab.dk')
      .execute();
    expect(audited.map((a) => a.municipality).sort()).toEqual(['849', '851']);

    const notServed = await new Browser().request(`${lisUrl}/api/v1/auth/oidc/login?municipality=860`);
    expect(notServed.response.status).toBe(400);
    expect(((await notServed.response.json()) as { parameter?: string }).parameter).toBe('municipality');
  });

  it('re-reads the groups at every sign-in: a new group gives the new role, none takes access and open sessions away', async () => {
    idp.accounts.set('bent-sub', { name: 'Bent', email: 'bent@testkommune.dk', groups: ['lis-chef-f1'] });
    const first = await signIn('bent-sub');
    expect(await me(first.browser)).toMatchObject({ username: 'bent@testkommune.dk', role: 'chef', orgIds: ['F1'] });

    (idp.accounts.get('bent-sub') as { groups: string[] }).groups = ['lis-direktion', 'lis-chef-f1'];
    const second = await signIn('bent-sub');
    expect(await me(second.browser)).toMatchObject({ role: 'direktion', orgIds: null });
    expect((await get(second.browser, '/api/v1/dashboard?org=F2')).status).toBe(200);
    const users = await t.store.db.selectFrom('users').select(['id', 'email']).where('oidc_subject', '=', 'bent-sub').execute();
    expect(users).toEqual([{ id: expect.anything(), email: 'bent@testkommune.dk' }]); // the same user; notifications go to the email claim

    (idp.accounts.get('bent-sub') as { groups: string[] }).groups = ['somebody-else'];
    const third = await signIn('bent-sub');
    expect(third.location).toBe('/?login=no_access');
    expect(sessionOf(third.browser)).toBeUndefined();
    expect((await get(second.browser, '/api/v1/auth/me')).status).toBe(401); // the open session ended
    expect((await lastSignIn()).details).toMatchObject({ sessionsEnded: 2 });
  });

  it('gives a person no rule matches no access, and the admin their claim values for a rule', async () => {
    idp.accounts.set('carla-sub', { name: 'Carla', preferredUsername: 'carla', groups: ['grp-7f3a', 'grp-99'] });
    const { browser, location } = await signIn('carla-sub');
    expect(location).toBe('/?login=no_access');
    expect(sessionOf(browser)).toBeUndefined();
    expect(await lastSignIn()).toMatchObject({
      actor: 'anonymous',
      target: 'user:carla',
      outcome: 'denied',
      details: { source: 'oidc', subject: 'carla-sub', claims: { groups: ['grp-7f3a', 'grp-99'] } },
    });
    const count = await t.store.db.selectFrom('users').select('id').where('oidc_subject', '=', 'carla-sub').execute();
    expect(count).toHaveLength(0);
  });

  it("says in the audit log when Entra ID left a person's groups out (more than 200)", async () => {
    idp.accounts.set('lars-sub', { name: 'Lars', preferredUsername: 'lars', groups: [], groupsOverage: true });
    expect((await signIn('lars-sub')).location).toBe('/?login=no_access');
    expect((await lastSignIn()).details.reason).toMatch(/left the groups out/);
  });

  it('refuses a disabled user, whatever their groups', async () => {
    idp.accounts.set('dorte-sub', { name: 'Dorte', preferredUsername: 'dorte', groups: ['lis-direktion'] });
    expect((await signIn('dorte-sub')).location).toBe('/');
    await disableUser(ctx(), 'dorte', admin);
    const { browser, location } = await signIn('dorte-sub');
    expect(location).toBe('/?login=disabled');
    expect(sessionOf(browser)).toBeUndefined();
    expect(await lastSignIn()).toMatchObject({ target: 'user:dorte', outcome: 'denied' });
  });

  it('never takes over a local account that has the same name', async () => {
    await createUser(ctx(), { username: 'erik', password: 'en lang lokal adgangskode', role: 'oekonom', orgIds: [] });
    idp.accounts.set('erik-sub', { name: 'Erik fra IdP', preferredUsername: 'Erik', groups: ['lis-direktion'] });
    const { browser, location } = await signIn('erik-sub');
    expect(location).toBe('/?login=failed');
    expect(sessionOf(browser)).toBeUndefined();
    expect((await lastSignIn()).details.reason).toMatch(/belongs to another local user/);
    const erik = await t.store.db.selectFrom('users').selectAll().where('username', '=', 'erik').executeTakeFirstOrThrow();
    expect(erik).toMatchObject({ source: 'local', role: 'oekonom', display_name: 'erik' });
  });

  it('rejects a tampered state, a callback without the browser cookie, and a state used twice', async () => {
    idp.accounts.set('finn-sub', { name: 'Finn', preferredUsername: 'finn', groups: ['lis-direktion'] });
    const browser = new Browser();
    const callback = new URL(await toCallback(browser, 'finn-sub'));
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    expect((await browser.request(tampered.href)).location).toBe(`${lisUrl}/?login=failed`);
    expect((await lastSignIn()).details.reason).toMatch(/state does not match/);

    const stranger = new Browser(); // another browser with the right address but not the cookie
    expect((await stranger.request(callback.href)).location).toBe(`${lisUrl}/?login=failed`);

    // the untampered answer still works in the browser that began the sign-in
    const state = callback.searchParams.get('state') as string;
    browser.jar(new URL(lisUrl)).set('lis_oidc_state', state);
    expect((await browser.request(callback.href)).location).toBe(`${lisUrl}/`);
    browser.jar(new URL(lisUrl)).set('lis_oidc_state', state); // one who copied both tries again
    const replay = await browser.request(callback.href);
    expect(replay.location).toBe(`${lisUrl}/?login=failed`);
    expect((await lastSignIn()).details.reason).toMatch(/unknown or already used state/);
  });

  it('rejects an ID token whose nonce is not the one the sign-in began with', async () => {
    idp.accounts.set('gitte-sub', { name: 'Gitte', preferredUsername: 'gitte', groups: ['lis-direktion'] });
    const browser = new Browser();
    const callback = new URL(await toCallback(browser, 'gitte-sub'));
    await sql`update oidc_logins set nonce = 'another-nonce' where state = ${callback.searchParams.get('state')}`.execute(
      t.store.db,
    );
    const { location } = await browser.request(callback.href);
    expect(location).toBe(`${lisUrl}/?login=failed`);
    expect(sessionOf(browser)).toBeUndefined();
    expect((await lastSignIn()).details.reason).toMatch(/"nonce" claim/);
  });

  it('reports an error the provider answers with (the person cancelled) as a failed sign-in', async () => {
    const browser = new Browser();
    const start = await browser.request(`${lisUrl}/api/v1/auth/oidc/login`);
    const interaction = (await browser.request(start.location as string)).location as string;
    let location = (await browser.request(`${interaction}/abort`)).location as string;
    while (!location.startsWith(lisUrl)) location = (await browser.request(location)).location as string;
    expect(new URL(location).searchParams.get('error')).toBe('access_denied');
    expect((await browser.request(location)).location).toBe(`${lisUrl}/?login=failed`);
    expect((await lastSignIn()).details.reason).toMatch(/access_denied/);
  });

  it("never opens an identity provider user's account with a password (they have none)", async () => {
    idp.accounts.set('mette-sub', { name: 'Mette', preferredUsername: 'mette', groups: ['lis-direktion'] });
    expect((await signIn('mette-sub')).location).toBe('/');
    // the fixed password the server verifies against when an account has no hash
    for (const password of ['not a password of anyone', 'x']) {
      const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'mette', password } });
      expect(login.statusCode).toBe(401);
    }
  });

  it('sends the browser only back to a page of LIS', async () => {
    idp.accounts.set('hans-sub', { name: 'Hans', preferredUsername: 'hans', groups: ['lis-direktion'] });
    expect((await signIn('hans-sub', '//evil.example/phish')).location).toBe('/');
    expect((await signIn('hans-sub', 'https://evil.example/')).location).toBe('/');
    expect((await signIn('hans-sub', '/benchmark?area=dagtilbud')).location).toBe('/benchmark?area=dagtilbud');
  });

  it("answers logout with the provider's logout address for an OIDC session, null for a local one", async () => {
    idp.accounts.set('ida-sub', { name: 'Ida', preferredUsername: 'ida', groups: ['lis-direktion'] });
    const { browser } = await signIn('ida-sub');
    const idToken = (
      await t.store.db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select('sessions.id_token')
        .where('users.oidc_subject', '=', 'ida-sub')
        .executeTakeFirstOrThrow()
    ).id_token;
    const out = await browser.request(`${lisUrl}/api/v1/auth/logout`, { method: 'POST', headers: { 'x-lis-request': '1' } });
    expect(out.response.status).toBe(200);
    const logoutUrl = new URL(((await out.response.json()) as { providerLogoutUrl: string }).providerLogoutUrl);
    expect(`${logoutUrl.origin}${logoutUrl.pathname}`).toBe(`${idp.issuer}/session/end`);
    expect(Object.fromEntries(logoutUrl.searchParams)).toEqual({
      client_id: CLIENT.id,
      id_token_hint: idToken,
      post_logout_redirect_uri: `${lisUrl}/`,
    });
    expect((await get(browser, '/api/v1/auth/me')).status).toBe(401);
    // the provider accepts it: its logout page, not an error
    expect((await fetch(logoutUrl)).status).toBe(200);

    await createUser(ctx(), { username: 'jens', password: 'en lang lokal adgangskode', role: 'oekonom', orgIds: [] });
    const local = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'jens', password: 'en lang lokal adgangskode' },
    });
    const cookie = `lis_session=${local.cookies.find((c) => c.name === 'lis_session')?.value}`;
    const jens = await t.store.db.selectFrom('users').select('last_sign_in_at').where('username', '=', 'jens').executeTakeFirst();
    expect(jens?.last_sign_in_at).toBeInstanceOf(Date); // local sign-ins are dated too
    const localOut = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'x-lis-request': '1' },
    });
    expect(localOut.json()).toEqual({ providerLogoutUrl: null });
  });
});

describe('LIS_LOCAL_LOGIN=0 and a provider that is down', () => {
  let port: number;
  let closed: TestApp;
  beforeAll(async () => {
    port = await freePort(); // nothing listens here yet
    closed = await createTestApp({
      LIS_OIDC_ISSUER: `http://127.0.0.1:${port}`,
      LIS_OIDC_CLIENT_ID: CLIENT.id,
      LIS_OIDC_CLIENT_SECRET: CLIENT.secret,
      LIS_PUBLIC_URL: 'http://127.0.0.1:9',
      LIS_LOCAL_LOGIN: '0',
    });
    await closed.app.ready(); // starts although the provider cannot be reached
  });
  afterAll(() => closed?.done());

  it('refuses a password sign-in, even a right one, with local_login_disabled', async () => {
    await createUser(
      { db: closed.store.db, municipality: '849' },
      { username: 'nødadmin', password: 'en lang lokal adgangskode', role: 'admin', orgIds: [] },
    );
    const login = await closed.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nødadmin', password: 'en lang lokal adgangskode' },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json()).toMatchObject({ code: 'local_login_disabled' });
    expect(login.cookies.find((c) => c.name === 'lis_session')).toBeUndefined();
    const methods = await closed.app.inject({ method: 'GET', url: '/api/v1/auth/methods' });
    expect(methods.json()).toEqual({
      local: false,
      oidc: { label: 'kommunens login' },
      accessContact: 'LIS-administratoren',
      municipalities: [{ code: '849', name: 'Jammerbugt' }],
    });
  });

  it('sends a sign-in to the sign-in page while the provider is down, and to the provider once it is up', async () => {
    const down = await closed.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/login' });
    expect(down.statusCode).toBe(302);
    expect(down.headers.location).toBe('/?login=failed');
    const audit = await closed.store.db
      .selectFrom('audit_log')
      .select(['outcome', 'details'])
      .where('action', '=', 'sign_in')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.outcome).toBe('failed');
    expect(JSON.stringify(audit.details)).toMatch(/cannot be reached/);

    const late = await startIdentityProvider({ lisUrl: 'http://127.0.0.1:9', port });
    try {
      const up = await closed.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/login' });
      expect(up.statusCode).toBe(302);
      expect(up.headers.location).toMatch(new RegExp(`^${late.issuer}/auth\\?`));
    } finally {
      await late.close();
    }
  });
});

describe('a provider that sends the claims in userinfo, not in the ID token', () => {
  let other: TestApp;
  let provider: IdentityProvider;
  let first: [TestApp, string, IdentityProvider];
  beforeAll(async () => {
    first = [t, lisUrl, idp];
    const url = `http://127.0.0.1:${await freePort()}`;
    provider = await startIdentityProvider({ lisUrl: url, idTokenClaims: false });
    other = await createTestApp({
      LIS_OIDC_ISSUER: provider.issuer,
      LIS_OIDC_CLIENT_ID: CLIENT.id,
      LIS_OIDC_CLIENT_SECRET: CLIENT.secret,
      LIS_PUBLIC_URL: url,
    });
    await other.app.listen({ port: Number(new URL(url).port), host: '127.0.0.1' });
    const rule = { note: null, createdBy: 'test', claim: 'groups', role: 'oekonom' as const, orgIds: [] };
    await insertAccessRule(other.store.db, '849', { ...rule, value: 'lis-oekonomer' });
    [t, lisUrl, idp] = [other, url, provider]; // the helpers above sign in here now
  });
  afterAll(async () => {
    [t, lisUrl, idp] = first;
    await other?.done();
    await provider?.close();
  });

  it('reads the groups and the name from userinfo', async () => {
    provider.accounts.set('kim-sub', { name: 'Kim Kristensen', email: 'kim@testkommune.dk', groups: ['lis-oekonomer'] });
    const { browser, location } = await signIn('kim-sub');
    expect(location).toBe('/');
    expect(await me(browser)).toMatchObject({ username: 'kim@testkommune.dk', displayName: 'Kim Kristensen', role: 'oekonom' });
  });
});
