import type { UsageReport } from '@lis/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, launch, screenshot, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

const nav = (page: import('playwright-core').Page) => page.getByTestId('main-nav');

describe('the page Anvendelse', () => {
  it('is not in a chef’s menu, and the API refuses a chef', async () => {
    const { context, page } = await signIn(browser, 'chef');
    // a chef's navigation counts in the chef's forvaltning
    await nav(page).getByRole('link', { name: 'Budgetopfølgning' }).click();
    await page.waitForURL(/\/budget/);
    await nav(page).getByRole('link', { name: 'Budgetbalance' }).click();
    await page.waitForURL(/\/budget\/balance/);
    await nav(page).getByRole('link', { name: 'Oversigt' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(await nav(page).getByRole('link', { name: 'Anvendelse' }).count()).toBe(0);
    expect((await page.request.get(`${baseUrl()}/api/v1/usage`)).status()).toBe(403);
    await context.close();
  });

  it('shows the direktion active users, sign-ins and page views per forvaltning and month, as the API counts them', async () => {
    const { context, page } = await signIn(browser, 'direktion');
    await nav(page).getByRole('link', { name: 'Anvendelse' }).click();
    await page.getByTestId('usage-table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/anvendelse');
    const report = await api<UsageReport>(page, '/api/v1/usage');
    const month = report.months.at(-1) as string;
    const total = report.totals.at(-1);
    // at least the chef above and this direktion signed in and looked around this month
    expect(total?.activeUsers).toBeGreaterThanOrEqual(2);
    expect(total?.signIns).toBeGreaterThanOrEqual(2);
    expect(total?.pageViews).toBeGreaterThanOrEqual(4);
    const chefsGroup = report.rows.find((r) => r.month === month && r.forvaltning !== null && r.pageViews >= 3);
    expect(chefsGroup, 'the chef’s forvaltning counts the chef’s page views').toBeDefined();
    // the screen shows the API's numbers: the whole kommune's, and the chef's forvaltning's, in this month's column (the first)
    const firstCell = async (testId: string) => (await page.getByTestId(testId).locator('td').first().textContent())?.trim();
    expect(await firstCell('usage-total-activeUsers')).toBe(String(total?.activeUsers));
    expect(await firstCell('usage-total-pageViews')).toBe(String(total?.pageViews));
    expect(await firstCell(`usage-${chefsGroup?.forvaltning?.id}-pageViews`)).toBe(String(chefsGroup?.pageViews));
    await page.getByTestId('usage-chart').locator('svg').waitFor();
    expect(await page.getByTestId('usage-csv').getAttribute('download')).toMatch(/^anvendelse-\d{4}-\d{2}-\d{4}-\d{2}\.csv$/);
    await screenshot(page, 'usage-desktop');
    await context.close();
  });
});
