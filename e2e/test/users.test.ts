import type { OrgUnit, UserSummary } from '@lis/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, DEMO_PASSWORD, launch, screenshot, signIn } from './browser.ts';

// The feeder is the demo user the other suites use least (feeds.test.ts, which runs before this file);
// it is enabled again at the end whatever happens.
const TARGET = 'feeder';
const RULE_VALUE = 'e2e-brugere-chefer';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  ({ page } = await signIn(browser, 'admin'));
});
afterAll(async () => {
  await page.request.post(`${baseUrl()}/api/v1/users/${TARGET}/enable`, { headers: { 'x-lis-request': '1' } });
  await browser.close();
});

const row = (testId: string) => page.getByTestId(testId);
const statusOf = (username: string) => row(`user-${username}`).getByTestId('user-status').textContent();

describe('admin: the page Brugere', () => {
  it('lists every user with Danish role names, unit names, source and status', async () => {
    await page.getByTestId('main-nav').getByRole('link', { name: 'Brugere' }).click();
    await page.getByTestId('users-table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/brugere');
    const users = await api<UserSummary[]>(page, '/api/v1/users');
    expect(await page.getByTestId('users-table').locator('tbody tr').count()).toBe(users.length);
    const chef = users.find((u) => u.username === 'chef');
    const units = await api<OrgUnit[]>(page, '/api/v1/org-units');
    const chefUnit = units.find((u) => u.id === chef?.orgIds?.[0]);
    const chefRow = (await row('user-chef').textContent()) ?? '';
    expect(chefRow).toContain('Chef');
    expect(chefRow).toContain(chefUnit?.name);
    expect(chefRow).not.toContain(chefUnit?.id);
    const adminRow = (await row('user-admin').textContent()) ?? '';
    expect(adminRow).toMatch(/Administrator.*Hele kommunen.*Lokal adgangskode.*kl\. \d\d:\d\d/);
    expect(await statusOf('admin')).toBe('Aktiv');
    // no way to lock oneself out from here
    expect(await row('user-admin').getByRole('button', { name: 'Deaktiver' }).count()).toBe(0);
    await screenshot(page, 'users-desktop');
  });

  it('disables a user after a confirm: they cannot sign in; enabled again, they can', async () => {
    page.once('dialog', (dialog) => dialog.accept());
    await row(`user-${TARGET}`).getByRole('button', { name: 'Deaktiver' }).click();
    await expect.poll(() => statusOf(TARGET)).toBe('Deaktiveret');
    expect(await page.getByTestId('users-done').textContent()).toContain('er deaktiveret');

    const other = await browser.newContext({ locale: 'da-DK' });
    const signInPage = await other.newPage();
    await signInPage.goto(baseUrl());
    await signInPage.getByLabel(/brugernavn/i).fill(TARGET);
    await signInPage.getByLabel(/adgangskode/i).fill(DEMO_PASSWORD);
    await signInPage.getByRole('button', { name: /log ind/i }).click();
    await expect.poll(() => signInPage.getByRole('alert').textContent()).toContain('Forkert brugernavn eller adgangskode');
    expect(await signInPage.getByTestId('user-menu').count()).toBe(0);

    await row(`user-${TARGET}`).getByRole('button', { name: 'Aktiver' }).click();
    await expect.poll(() => statusOf(TARGET)).toBe('Aktiv');
    await signInPage.getByRole('button', { name: /log ind/i }).click();
    await signInPage.getByTestId('user-menu').waitFor();
    await other.close();
  });

  it("shows the server's password policy in the reset dialog and cancels without a change", async () => {
    await row('user-oekonom').getByRole('button', { name: 'Nulstil adgangskode' }).click();
    const dialog = page.getByTestId('reset-password-dialog');
    await dialog.getByLabel('Ny adgangskode').fill('for kort');
    await dialog.getByRole('button', { name: 'Gem ny adgangskode' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('at least 12 characters');
    await screenshot(page, 'users-reset-dialog');
    await dialog.getByRole('button', { name: 'Fortryd' }).click();
    expect(await dialog.count()).toBe(0);
  });

  it('adds an access rule for a chef with a unit from the tree, lists it and deletes it', async () => {
    const form = page.getByTestId('rule-form');
    expect(await form.getByLabel('Claim').inputValue()).toBe('groups');
    await form.getByLabel('Værdi').fill(RULE_VALUE);
    await form.getByLabel('Rolle').selectOption('chef');
    // without a unit the server says what is missing, at the units
    await form.getByRole('button', { name: 'Tilføj regel' }).click();
    await expect
      .poll(() => form.getByTestId('unit-picker').getByRole('alert').textContent())
      .toContain('En chef skal have mindst én enhed');

    const units = await api<OrgUnit[]>(page, '/api/v1/org-units');
    const forvaltning = units.filter((u) => u.level === 'forvaltning').sort((a, b) => a.name.localeCompare(b.name, 'da'))[0];
    if (!forvaltning) throw new Error('the demo has no forvaltning');
    await form.getByPlaceholder('Søg enhed …').fill(forvaltning.name.slice(0, 8));
    await form.getByRole('checkbox', { name: forvaltning.name, exact: true }).check();
    await form.getByLabel('Note').fill('Chefer i browsertesten');
    await form.getByRole('button', { name: 'Tilføj regel' }).click();
    const rules = page.getByTestId('rules-table');
    await expect.poll(async () => (await rules.textContent()) ?? '').toContain(RULE_VALUE);
    const ruleRow = rules.locator('tr', { hasText: RULE_VALUE });
    expect(await ruleRow.textContent()).toContain(forvaltning.name);
    expect(await ruleRow.textContent()).toContain('Chefer i browsertesten');

    // the same value twice: the server's conflict, at the value
    await form.getByLabel('Værdi').fill(RULE_VALUE);
    await form.getByLabel('Rolle').selectOption('direktion');
    await form.getByRole('button', { name: 'Tilføj regel' }).click();
    await expect.poll(() => form.getByRole('alert').first().textContent()).toContain('Der er allerede en regel');
    await screenshot(page, 'users-rules');

    page.once('dialog', (dialog) => dialog.accept());
    await ruleRow.getByRole('button', { name: 'Slet' }).click();
    await expect.poll(() => page.locator('tr', { hasText: RULE_VALUE }).count()).toBe(0);
  });

  it('fits a phone (390 × 844): rows as cards, nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId('users-table').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'users-phone');
    await page.setViewportSize({ width: 1366, height: 900 });
  });
});

describe('chef', () => {
  it('has no Brugere in the menu, and the address says no access', async () => {
    const { page: chef, context } = await signIn(browser, 'chef');
    await chef.getByTestId('main-nav').waitFor();
    expect(await chef.getByTestId('main-nav').getByRole('link', { name: 'Brugere' }).count()).toBe(0);
    await chef.goto(`${baseUrl()}/brugere`);
    await chef.getByTestId('no-access').waitFor();
    expect(await chef.getByTestId('users-table').count()).toBe(0);
    await context.close();
  });
});
