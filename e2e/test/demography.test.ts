import type { Demography, DemographyPressure } from '@lis/contracts';
import { formatNumber } from '@lis/domain';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, launch, OUT, screenshot, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

const millions = (kroner: number | null) => formatNumber(kroner === null ? null : kroner / 1_000_000, 1);

/** The figures on the page are the API's: population, the total pressure and one area's row. */
async function checkFigures(page: Page) {
  const population = await api<Demography>(page, '/api/v1/demography');
  const pressure = await api<DemographyPressure>(page, '/api/v1/demography/pressure');
  // the demo: actual to 2016, "prognose 2016" to B2017's budget year + 3
  expect(population).toMatchObject({ currentYear: 2016, budgetYear: 2017, toYear: 2020, vintage: 'prognose 2016' });
  // each year's total (the row's last cell)
  for (const year of population.years) {
    const cells = page.getByTestId(`population-${year.year}`).locator('td');
    expect(Number(await cells.last().getAttribute('data-value'))).toBe(year.total);
  }
  const next = pressure.totals.find((t) => t.year === 2017);
  expect(next?.atOwnUnitCost).not.toBeNull();
  const total = page.getByTestId('pressure-total-2017').locator('td');
  expect(Number(await total.first().getAttribute('data-value'))).toBeCloseTo(next?.atOwnUnitCost ?? Number.NaN, 2);
  expect((await total.first().textContent())?.trim()).toBe(millions(next?.atOwnUnitCost ?? null));
  const dagtilbud = pressure.areas.find((a) => a.id === 'dagtilbud');
  const row = dagtilbud?.years.find((y) => y.year === 2018);
  const cells = page.getByTestId('pressure-dagtilbud-2018').locator('td');
  expect((await cells.nth(0).textContent())?.trim()).toBe(formatNumber(row?.targetPopulation ?? null, 0));
  expect((await cells.nth(2).textContent())?.trim()).toBe(millions(row?.atOwnUnitCost ?? null));
  expect((await cells.nth(3).textContent())?.trim()).toBe(millions(row?.atBenchmarkUnitCost ?? null));
  return { population, pressure };
}

describe('Demografi', () => {
  it('shows the admin the API’s population and pressure, and downloads the pressure with its inputs', async () => {
    const { page } = await signIn(browser, 'admin');
    await page.getByTestId('main-nav').getByRole('link', { name: 'Demografi' }).click();
    await page.getByTestId('pressure-total').waitFor();
    const { pressure } = await checkFigures(page);
    expect(await page.getByTestId('population-chart').locator('svg').count()).toBe(1);
    await screenshot(page, 'demography');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pressure-xlsx').click()]);
    const path = `${OUT}demography-export.xlsx`;
    await download.saveAs(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Demografisk pres',
      'Enhedsudgifter',
      'Total',
      'Befolkning',
      'Noter',
    ]);
    const totals = workbook.getWorksheet('Total');
    expect(Number(totals?.getRow(3).getCell(2).value)).toBeCloseTo(pressure.totals[1]?.atOwnUnitCost ?? Number.NaN, 2);
  });

  it('shows a chef the same kommune figures on a 390 px phone without the page scrolling sideways', async () => {
    const { page } = await signIn(browser, 'chef', { width: 390, height: 844 });
    await page.goto(`${baseUrl()}/demografi`);
    await page.getByTestId('pressure-total').waitFor();
    await checkFigures(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'demography-phone');
  });
});
