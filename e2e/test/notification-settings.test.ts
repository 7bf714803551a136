import type { NotificationSettings } from '@lis/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, launch, signIn } from './browser.ts';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  ({ page } = await signIn(browser, 'oekonom'));
});
afterAll(async () => {
  // every kind on again for the other suites
  await page.request.put(`${baseUrl()}/api/v1/me/notifications`, {
    headers: { 'x-lis-request': '1' },
    data: { kinds: [{ kind: 'weekly_reminder', on: true }] },
  });
  await browser.close();
});

const dialog = () => page.getByTestId('notification-dialog');
const reminder = () => dialog().getByLabel(/ugentlig påmindelse/i);

describe('the user menu: e-mails from LIS', () => {
  it("shows the person's address (none for a demo user) and turns a kind off and on", async () => {
    await page.getByTestId('notification-settings').click();
    await dialog().waitFor();
    expect(await page.getByTestId('notification-address').textContent()).toContain('ingen e-mailadresse');
    expect(await reminder().isChecked()).toBe(true);
    await reminder().uncheck();
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await dialog().waitFor({ state: 'detached' });
    const saved = await api<NotificationSettings>(page, '/api/v1/me/notifications');
    expect(saved.kinds).toContainEqual({ kind: 'weekly_reminder', on: false });
    expect(saved.kinds).toContainEqual({ kind: 'red_figures', on: true });

    await page.getByTestId('notification-settings').click();
    expect(await reminder().isChecked()).toBe(false);
    await reminder().check();
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect((await api<NotificationSettings>(page, '/api/v1/me/notifications')).kinds).toContainEqual({
      kind: 'weekly_reminder',
      on: true,
    });
  });
});
