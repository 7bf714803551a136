import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OrgUnit } from '@lis/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT, freePort, type IdentityProvider, startIdentityProvider } from '../../apps/api/test/identity-provider.ts';
import { DEMO_PASSWORD, launch, screenshot } from './browser.ts';

const root = new URL('../../', import.meta.url).pathname;
const LABEL = 'Testkommunens login';
const CONTACT = 'Servicedesk på lokal 1234';

// A second LIS, with sign-in through a real OpenID provider. The browser reaches LIS at
// localhost and the provider at 127.0.0.1: two sites, as in production, so the state cookie
// (SameSite=Lax) must come back with the provider's redirect.
let lisPort: number;
let lisUrl: string; // as the browser sees it
let apiUrl: string; // for the test's own requests, without resolving localhost
let idp: IdentityProvider;
let server: ChildProcess;
let dataDir: string;
let browser: Browser;
let unit: OrgUnit;

beforeAll(async () => {
  lisPort = await freePort();
  lisUrl = `http://localhost:${lisPort}`;
  apiUrl = `http://127.0.0.1:${lisPort}`;
  idp = await startIdentityProvider({ lisUrl });
  dataDir = mkdtempSync(join(tmpdir(), 'lis-e2e-oidc-'));
  server = spawn(process.execPath, [join(root, 'apps/api/dist/server.js')], {
    cwd: root,
    env: {
      ...process.env,
      LIS_DATA_DIR: dataDir,
      PORT: String(lisPort),
      HOST: '127.0.0.1',
      LIS_DEMO: '1',
      LOG_LEVEL: 'warn',
      LIS_OIDC_ISSUER: idp.issuer,
      LIS_OIDC_CLIENT_ID: CLIENT.id,
      LIS_OIDC_CLIENT_SECRET: CLIENT.secret,
      LIS_PUBLIC_URL: lisUrl,
      LIS_OIDC_NAME: LABEL,
      LIS_ACCESS_CONTACT: CONTACT,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const started = Date.now();
  while (!listening(dataDir)) {
    if (server.exitCode !== null) throw new Error(`The OIDC server stopped with exit code ${server.exitCode}`);
    if (Date.now() - started > 200_000) throw new Error('The OIDC server did not start within 200 s');
    await new Promise((r) => setTimeout(r, 250));
  }

  // the demo's local admin maps a group to a chef of one forvaltning
  const login = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const units = (await (await fetch(`${apiUrl}/api/v1/org-units`, { headers: { cookie } })).json()) as OrgUnit[];
  unit = units.find((u) => u.level === 'forvaltning') as OrgUnit;
  const rule = await fetch(`${apiUrl}/api/v1/access-rules`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'x-lis-request': '1' },
    body: JSON.stringify({ claim: 'groups', value: 'lis-chefer', role: 'chef', orgIds: [unit.id], note: 'e2e' }),
  });
  expect(rule.status, await rule.clone().text()).toBe(201);

  idp.accounts.set('chef-sub', { name: 'Charlotte Chef', preferredUsername: 'charlotte@testkommune.dk', groups: ['lis-chefer'] });
  idp.accounts.set('outsider-sub', { name: 'Otto Udenfor', preferredUsername: 'otto@testkommune.dk', groups: ['andet'] });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  if (server && server.exitCode === null) server.kill('SIGKILL');
  await idp?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function listening(dir: string): boolean {
  try {
    return Boolean((JSON.parse(readFileSync(join(dir, 'lis.lock.json'), 'utf8')) as { url: string | null }).url);
  } catch {
    return false;
  }
}

/** From LIS's sign-in page through the provider's sign-in form, back to LIS. */
async function signInThroughProvider(accountId: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'da-DK' });
  const page = await context.newPage();
  await page.goto(`${lisUrl}/`);
  const button = page.getByRole('link', { name: `Log ind med ${LABEL}` });
  await button.waitFor();
  await page.getByLabel('Brugernavn').waitFor(); // local sign-in stays on for break-glass admins
  await screenshot(page, 'oidc-sign-in-page');
  await button.click();
  await page.waitForURL((url) => url.href.startsWith(idp.issuer));
  await page.locator('input[name="login"]').fill(accountId);
  await page.locator('input[name="password"]').fill('any password');
  await screenshot(page, 'oidc-provider-form');
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.href.startsWith(lisUrl) && !url.pathname.startsWith('/api/'));
  return page;
}

/** A request from the page itself, with its session cookie. */
const statusOf = (page: Page, path: string) => page.evaluate(async (p) => (await fetch(p)).status, path);

describe('sign-in through the identity provider in a browser', () => {
  it("takes a chef through the provider to their own unit, showing only that unit's subtree", async () => {
    const page = await signInThroughProvider('chef-sub');
    await page.getByTestId('user-menu').waitFor();
    expect(await page.getByTestId('user-name').textContent()).toBe('Charlotte Chef');
    await expect.poll(() => page.getByTestId('breadcrumb').textContent()).toContain(unit.name);
    await page.waitForSelector('[data-testid="kpi-tile-sick_leave_pct"]');
    expect(new URL(page.url()).searchParams.get('org') ?? unit.id).toBe(unit.id);
    await screenshot(page, 'oidc-chef-home');

    const visible = (await page.evaluate(async () => (await fetch('/api/v1/org-units')).json())) as OrgUnit[];
    const byId = new Map(visible.map((u) => [u.id, u]));
    const within = (u: OrgUnit | undefined): boolean =>
      u !== undefined && (u.id === unit.id || (u.parentId !== null && within(byId.get(u.parentId))));
    const outside = visible.filter((u) => u.level !== 'kommune' && !within(u));
    expect(outside).toEqual([]);
    expect(visible.length).toBeGreaterThan(2);
    const children = await page.getByTestId('child-units').getByRole('link').allTextContents();
    const own = visible.filter((u) => u.parentId === unit.id).map((u) => u.name);
    expect(children.length).toBeGreaterThan(0);
    for (const name of children) expect(own.some((n) => name.includes(n))).toBe(true);

    const sibling = (await (await fetch(`${apiUrl}/api/v1/org-units`, { headers: await adminCookie() })).json()) as OrgUnit[];
    const other = sibling.find((u) => u.level === 'forvaltning' && u.id !== unit.id) as OrgUnit;
    expect(await statusOf(page, `/api/v1/dashboard?org=${unit.id}`)).toBe(200);
    expect(await statusOf(page, `/api/v1/dashboard?org=${other.id}`)).toBe(403);

    await page.getByRole('button', { name: 'Log ud' }).click();
    const signedOut = page.getByTestId('signed-out');
    await signedOut.waitFor();
    expect(await signedOut.textContent()).toContain('Du er logget ud af LIS');
    const providerLogout = signedOut.getByRole('link', { name: `Log også ud af ${LABEL}` });
    expect(await providerLogout.getAttribute('href')).toMatch(new RegExp(`^${idp.issuer}/session/end\\?`));
    await screenshot(page, 'oidc-signed-out');
    expect(await statusOf(page, '/api/v1/auth/me')).toBe(401);

    // the provider's own logout page asks, then sends the browser back to LIS
    await providerLogout.click();
    await page.waitForURL((url) => url.href.startsWith(idp.issuer));
    await page.locator('button[autofocus], button[type="submit"]').first().click();
    await page.waitForURL((url) => url.href.startsWith(lisUrl));
    await page.getByRole('link', { name: `Log ind med ${LABEL}` }).waitFor();
    await page.context().close();
  });

  it('tells a person no rule matches that they have no access yet, and whom to ask', async () => {
    const page = await signInThroughProvider('outsider-sub');
    const failure = page.getByTestId('sign-in-failure');
    await failure.waitFor();
    expect(await failure.textContent()).toContain('Du har ikke adgang til LIS endnu');
    expect(await failure.textContent()).toContain(CONTACT);
    expect(new URL(page.url()).search).toBe(''); // the reason is read once
    expect(await statusOf(page, '/api/v1/auth/me')).toBe(401);
    await screenshot(page, 'oidc-no-access');
    await page.context().close();
  });
});

async function adminCookie(): Promise<Record<string, string>> {
  const login = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
  });
  return { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] as string };
}
