import type { Batch } from '@lis/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, launch, screenshot, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

// Targets for 2030: no page of the demo shows that year, so the other suites see the same data.
const HEADER = 'kpi_id;org_id;year;target\n';

async function upload(page: Page, feed: string, name: string, text: string) {
  await page.getByTestId('upload-feed').selectOption(feed);
  await page.getByTestId('upload-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await page.getByRole('button', { name: 'Indlæs', exact: true }).click();
  const result = page.getByTestId('upload-result');
  await result.filter({ hasText: name }).waitFor();
  return result;
}

describe('loading files in the browser', () => {
  it('admin sees a wrong file refused by line and column, loads a right one, and restores an earlier delivery', async () => {
    const { page, context } = await signIn(browser, 'admin');
    await page.getByRole('link', { name: 'Leverancer' }).click();
    await page.getByTestId('ledger').waitFor();

    const wrong = await upload(page, 'targets', 'maal-forkert.csv', `${HEADER}sick_leave_pct;849;2030;mange\n`);
    expect(await wrong.getAttribute('data-status')).toBe('rejected');
    const cells = await page.getByTestId('upload-errors').locator('tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['2', 'target', 'mange']);
    expect(await wrong.textContent()).toContain('Intet er gemt');

    const first = await upload(page, 'targets', 'maal-2030.csv', `${HEADER}sick_leave_pct;849;2030;4,0\n`);
    expect(await first.getAttribute('data-status')).toBe('loaded');
    const second = await upload(page, 'targets', 'maal-2030-rettet.csv', `${HEADER}sick_leave_pct;849;2030;3,5\n`);
    expect(await second.getAttribute('data-status')).toBe('loaded');

    const [newest, earlier] = await api<Batch[]>(page, '/api/v1/batches?feed=targets');
    expect(newest?.fileName).toBe('maal-2030-rettet.csv');
    expect(earlier?.status).toBe('replaced');
    const row = page.getByTestId(`batch-${earlier?.id}`);
    await expect.poll(() => row.getByTestId('batch-status').textContent()).toBe('erstattet');
    page.once('dialog', (dialog) => dialog.accept());
    await row.getByRole('button', { name: 'Genindsæt' }).click();
    await expect.poll(() => row.getByTestId('batch-status').textContent()).toBe('genindsat');
    const after = await api<Batch[]>(page, '/api/v1/batches?feed=targets');
    expect(after.find((b) => b.id === earlier?.id)?.status).toBe('restored');
    expect(after.find((b) => b.id === newest?.id)?.status).toBe('replaced');
    await screenshot(page, 'feeds-admin');
    await context.close();
  });

  it('a data supplier lands on the upload page and sees nothing else', async () => {
    const { page, context } = await signIn(browser, 'feeder');
    await page.waitForURL(/\/leverancer$/);
    await page.getByTestId('upload-file').waitFor();
    expect(await page.getByTestId('main-nav').getByRole('link').allTextContents()).toEqual(['Leverancer']);
    expect(await page.getByTestId('ledger').count()).toBe(0);
    await context.close();
  });

  it('a reader who types the address sees "ingen adgang", not the form', async () => {
    const { page, context } = await signIn(browser, 'oekonom');
    expect(await page.getByTestId('main-nav').getByRole('link', { name: 'Leverancer' }).count()).toBe(0);
    await page.goto(`${baseUrl()}/leverancer`);
    await expect.poll(() => page.getByTestId('no-access').textContent()).toMatch(/ingen adgang/i);
    expect(await page.getByTestId('upload-file').count()).toBe(0);
    await context.close();
  });
});
