import type { BenchmarkAccounts, BenchmarkResult } from '@lis/contracts';
import { formatNumber } from '@lis/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, launch, screenshot, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent())?.replace(/\s+/g, ' ').trim();
const QUERY = 'area=folkeskole&year=2016&peers=all&method=mean&includeOwn=true&needAdjusted=false';

/** The area page against the API for the same choice: rank, price year, source, trend and the accounts behind it. */
async function checkArea(page: Page) {
  await page.goto(`${baseUrl()}/benchmark?${QUERY}`);
  await page.getByTestId('benchmark-rank').waitFor();
  const expected = await api<BenchmarkResult>(page, `/api/v1/benchmark?${QUERY}`);

  expect(expected.rank?.of).toBe(98);
  expect(await text(page, 'benchmark-rank')).toBe(`nr. ${expected.rank?.position} af 98`);
  expect(await page.getByTestId('benchmark-rank').getAttribute('data-position')).toBe(String(expected.rank?.position));
  expect(await text(page, 'benchmark-price')).toBe('Prisår: faste 2016-priser.');
  expect(await text(page, 'benchmark-source')).toContain(expected.source);

  expect(expected.trend.map((p) => p.year)).toEqual([2014, 2015, 2016]);
  await page.getByTestId('benchmark-trend-chart').locator('canvas, svg').first().waitFor();
  for (const point of expected.trend) {
    const cells = page.getByTestId('benchmark-trend-table').locator(`tr[data-year="${point.year}"] td`);
    expect(Number(await cells.nth(0).getAttribute('data-value'))).toBeCloseTo(point.ownUnitCost ?? Number.NaN, 4);
    expect(Number(await cells.nth(1).getAttribute('data-value'))).toBeCloseTo(point.benchmark ?? Number.NaN, 4);
    expect(await cells.nth(0).textContent()).toBe(formatNumber(point.ownUnitCost, 0));
  }
  return expected;
}

/** Opens the drill-down and compares each function and unit with the API. */
async function checkDrillDown(page: Page): Promise<BenchmarkAccounts> {
  const accounts = await api<BenchmarkAccounts>(page, '/api/v1/benchmark/areas/folkeskole/accounts?year=2016');
  expect(await text(page, 'benchmark-unconfirmed')).toBe(
    `Ikke bekræftet af kontoplanen i LIS: ${accounts.unconfirmed.join(', ')}.`,
  );
  await page.getByTestId('benchmark-accounts-drilldown').locator('summary').click();
  const functions = page.getByTestId('benchmark-accounts-functions');
  await functions.waitFor();
  expect(accounts.functions.length).toBeGreaterThan(0);
  for (const f of accounts.functions) {
    const cell = functions.locator(`tr[data-key="${f.function}"] td`);
    expect(Number(await cell.getAttribute('data-value'))).toBeCloseTo(f.amount, 2);
  }
  expect(Number(await page.getByTestId('benchmark-accounts-functions-total').getAttribute('data-value'))).toBeCloseTo(
    accounts.total,
    2,
  );
  const units = page.getByTestId('benchmark-accounts-units');
  for (const u of accounts.units) {
    expect(Number(await units.locator(`tr[data-key="${u.org.id}"] td`).getAttribute('data-value'))).toBeCloseTo(u.amount, 2);
  }
  return accounts;
}

describe('the benchmark leads to the accounts', () => {
  it('shows an økonom the rank among all 98, the price year, the trend and the forvaltninger on the area’s functions', async () => {
    const { page, context } = await signIn(browser, 'oekonom');
    await checkArea(page);
    const accounts = await checkDrillDown(page);
    expect(accounts.breakdown).toBe('unit');
    expect(accounts.amountType).toBe('actual');
    await screenshot(page, 'benchmark-accounts');
    await context.close();
  });

  it('says that the mean of the 5 cheapest of the KORA group (5 with Jammerbugt) is the group mean', async () => {
    const { page, context } = await signIn(browser, 'oekonom');
    const query = 'area=dagtilbud&year=2016&peers=kora&method=mean_5_cheapest&includeOwn=true&needAdjusted=false';
    await page.goto(`${baseUrl()}/benchmark?${query}`);
    const expected = await api<BenchmarkResult>(page, `/api/v1/benchmark?${query}`);
    expect(expected.methodNote).toContain('det samme som gruppens gennemsnit');
    expect(await text(page, 'benchmark-method-note')).toBe(expected.methodNote);
    await context.close();
  });

  it('gives a chef on a 390 px phone the same area and only their own units behind it, without sideways scrolling', async () => {
    const { page, context } = await signIn(browser, 'chef', { width: 390, height: 844 });
    await checkArea(page);
    const accounts = await checkDrillDown(page);
    expect(accounts.breakdown).toBe('own_units');
    await page.getByTestId('benchmark-accounts-own-units').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'benchmark-accounts-phone');
    await context.close();
  });
});
