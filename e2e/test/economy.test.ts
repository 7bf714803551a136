import type { Balance, BenchmarkResult, BenchmarkSummary, FollowUp } from '@lis/contracts';
import { effectOnResult, formatDkk, formatMonth, formatNumber, formatPct } from '@lis/domain';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, launch, OUT, screenshot, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent())?.replace(/\s/g, ' ').trim();
const number = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));

describe('økonom', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await signIn(browser, 'oekonom'));
  });

  it('switches area, peer group and method in the benchmark and sees the API’s potential for the same choice', async () => {
    await page.getByTestId('main-nav').getByRole('link', { name: 'Benchmark' }).click();
    await page.getByTestId('benchmark-potential').waitFor();
    await page.getByTestId('area-select').selectOption('folkeskole');
    await expect.poll(() => param(page, 'area')).toBe('folkeskole');
    await page.getByTestId('peer-group-select').selectOption('region');
    await expect.poll(() => param(page, 'peers')).toBe('region');
    await page.getByTestId('method-select').selectOption('median');
    await expect.poll(() => param(page, 'method')).toBe('median');

    const query = `area=folkeskole&year=${param(page, 'year')}&peers=region&method=median&includeOwn=true&needAdjusted=false`;
    const expected = await api<BenchmarkResult>(page, `/api/v1/benchmark?${query}`);
    expect(expected.peers.length).toBeGreaterThan(5);
    await expect.poll(() => number(page, 'benchmark-potential')).toBeCloseTo(expected.potential, 4);
    expect(await text(page, 'benchmark-potential')).toBe(formatDkk(expected.potential));
    expect(await number(page, 'benchmark-value')).toBeCloseTo(expected.benchmark ?? Number.NaN, 4);
    expect(await page.getByTestId('benchmark-peers-table').locator('tbody tr').count()).toBe(expected.peers.length);
    expect(await text(page, 'own-in-group')).toBe(`${expected.own.name} er med i gruppen`);
    expect(await page.getByTestId('benchmark-caveat').textContent()).toContain(expected.caveat);

    const summary = await api<BenchmarkSummary>(page, `/api/v1/benchmark/summary?${query.replace('area=folkeskole&', '')}`);
    await expect.poll(() => number(page, 'benchmark-summary-total')).toBeCloseTo(summary.totalPotential, 4);
    await screenshot(page, 'benchmark');
  });

  it('leaves the own municipality out and says so, with the API’s potential without it', async () => {
    await page.getByTestId('include-own').uncheck();
    await expect.poll(() => param(page, 'includeOwn')).toBe('false');
    const query = `area=folkeskole&year=${param(page, 'year')}&peers=region&method=median&includeOwn=false&needAdjusted=false`;
    const expected = await api<BenchmarkResult>(page, `/api/v1/benchmark?${query}`);
    await expect.poll(() => text(page, 'own-in-group')).toBe(`${expected.own.name} er ikke med i gruppen`);
    expect(await number(page, 'benchmark-potential')).toBeCloseTo(expected.potential, 4);
    expect(expected.peers.some((peer) => peer.isOwn)).toBe(false);
  });

  it('downloads the XLSX of what is shown: Input, Metode and Resultat with the same numbers', async () => {
    const query = `area=folkeskole&year=${param(page, 'year')}&peers=region&method=median&includeOwn=false&needAdjusted=false`;
    const expected = await api<BenchmarkResult>(page, `/api/v1/benchmark?${query}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = `${OUT}benchmark-export.xlsx`;
    await download.saveAs(path);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Input', 'Metode', 'Resultat']);
    const input = workbook.getWorksheet('Input');
    const codes = input?.getColumn(1).values.slice(2).map(String);
    expect(codes).toEqual(expected.peers.map((peer) => peer.municipality));
    const unitCosts = input?.getColumn(6).values.slice(2).map(Number) ?? [];
    expected.peers.forEach((peer, i) => {
      expect(unitCosts[i]).toBeCloseTo(peer.unitCost, 4);
    });
    const method = new Map(
      (workbook.getWorksheet('Metode')?.getSheetValues() ?? []).flatMap((row) =>
        Array.isArray(row) ? [[String(row[1]), String(row[2])] as const] : [],
      ),
    );
    expect(method.get('Metode')).toBe(expected.methodName);
    expect(method.get('Egen kommune med i gruppen')).toBe('nej');
    const result = workbook.getWorksheet('Resultat')?.getRow(2).values as unknown[];
    expect(Number(result[3])).toBeCloseTo(expected.benchmark ?? Number.NaN, 4);
    expect(Number(result[6])).toBeCloseTo(expected.potential, 4);
    // the same potential as on screen
    expect(Number(result[6])).toBeCloseTo(await number(page, 'benchmark-potential'), 4);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  });

  it('shows the budget follow-up with the API’s forbrugsprocent', async () => {
    await page.getByTestId('main-nav').getByRole('link', { name: 'Budgetopfølgning' }).click();
    await page.getByTestId('budget-consumption-pct').waitFor();
    await expect.poll(() => param(page, 'period')).not.toBeNull();
    const followUp = await api<FollowUp>(
      page,
      `/api/v1/budget/followup?org=${param(page, 'org')}&period=${param(page, 'period')}`,
    );
    expect(await number(page, 'budget-consumption-pct')).toBeCloseTo(followUp.consumptionPct ?? Number.NaN, 6);
    expect(await text(page, 'budget-consumption-pct')).toBe(formatPct(followUp.consumptionPct, 1));
    // income (finansiering) reads as income, never as negative spending
    expect(await page.getByTestId('budget-category-finansiering').textContent()).toContain('indtægt');
    expect(await page.getByTestId('budget-children').locator('tbody tr').count()).toBe(followUp.children.length);
    await screenshot(page, 'budget-followup');
  });

  it('shows last year’s actuals to the same month beside this year’s, as the API gives them', async () => {
    const period = param(page, 'period') ?? '';
    const followUp = await api<FollowUp>(page, `/api/v1/budget/followup?org=${param(page, 'org')}&period=${period}`);
    expect(followUp.lastYear).not.toBeNull();
    const lastYear = Number(period.slice(0, 4)) - 1;
    // 'jan.–dec. 2015' for 2016-12
    const label = `${formatMonth(`${lastYear}-01`).split(' ')[0]}–${formatMonth(`${lastYear}${period.slice(4)}`)}`;
    expect(await page.getByTestId('budget-headline').textContent()).toContain(`Forbrug ${label}`);
    expect(await number(page, 'budget-last-year')).toBeCloseTo(followUp.lastYear?.actualsYtd ?? Number.NaN, 2);
    for (const child of followUp.children) {
      const cell = page.getByTestId(`budget-child-${child.org.id}`).getByTestId('last-year-actuals');
      if (child.actualsYtdLastYear === null) expect(await cell.getAttribute('data-value')).toBeNull();
      else expect(Number(await cell.getAttribute('data-value'))).toBeCloseTo(child.actualsYtdLastYear, 2);
    }
    const service = followUp.byCategory.find((c) => c.category === 'service');
    const card = page.getByTestId('budget-category-service');
    expect(await card.textContent()).toContain(`Forbrug ${label}`);
    expect(Number(await card.getByTestId('last-year-actuals').getAttribute('data-value'))).toBeCloseTo(
      service?.actualsYtdLastYear ?? Number.NaN,
      2,
    );
  });

  it('draws the deviation over the year from the API’s months: to date and at each forecast', async () => {
    const period = param(page, 'period') ?? '';
    const followUp = await api<FollowUp>(page, `/api/v1/budget/followup?org=${param(page, 'org')}&period=${period}`);
    await page.getByTestId('budget-deviation-chart').locator('canvas, svg').first().waitFor();
    const shown = followUp.months.filter((m) => m.period <= period);
    expect(await page.getByTestId('budget-deviation-table').locator('tbody tr').count()).toBe(shown.length);
    let standing: number | null = null;
    for (const month of shown) {
      const cells = page.getByTestId(`budget-deviation-${month.period}`).locator('td');
      expect(Number(await cells.nth(0).getAttribute('data-value'))).toBeCloseTo(
        month.cumulativeActual - month.cumulativePhasedBudget,
        2,
      );
      // a forecast made this month: forventet regnskab − korrigeret budget
      const made = month.forecast !== null && month.forecast !== standing;
      const forecast = await cells.nth(1).getAttribute('data-value');
      if (made) expect(Number(forecast)).toBeCloseTo((month.forecast ?? 0) - followUp.correctedBudget, 2);
      else expect(forecast).toBeNull();
      standing = month.forecast;
    }
  });

  it('shows the budget balance with resultat A for the budget year', async () => {
    await page.goto(`${baseUrl()}/budget/balance?budgetYear=2017`);
    const cell = page.getByTestId('balance-table-resultA').locator('td').first();
    await cell.waitFor();
    const balance = await api<Balance>(page, '/api/v1/budget/balance?budgetYear=2017');
    const resultA = balance.years.find((year) => year.year === 2017)?.resultA ?? Number.NaN;
    expect(Number(await cell.getAttribute('data-value'))).toBeCloseTo(resultA, 6);
    expect(await cell.textContent()).toBe(formatNumber(resultA / 1_000_000, 1));
    expect(await page.getByTestId('policy-targets').textContent()).toMatch(/grøn|gul|rød/);
    // the demo's economy ends in 2016: B2017 has nothing to reconcile with, and the page says so
    expect(balance.reconciliation.economyHasYear).toBe(false);
    await page.getByTestId('reconciliation-no-year').waitFor();
    await screenshot(page, 'budget-balance');
  });

  it('reconciles B2016 with the economy feed line by line, as the API does', async () => {
    await page.goto(`${baseUrl()}/budget/balance?budgetYear=2016`);
    await page.getByTestId('reconciliation-table').waitFor();
    const balance = await api<Balance>(page, '/api/v1/budget/balance?budgetYear=2016');
    expect(balance.reconciliation.economyHasYear).toBe(true);
    for (const line of balance.reconciliation.lines) {
      const row = page.getByTestId(`reconciliation-${line.line}`);
      expect(await row.getAttribute('data-status')).toBe(line.status);
      // shown by its effect on the result, as the plan table above
      expect(Number(await row.locator('td').first().getAttribute('data-value'))).toBeCloseTo(effectOnResult(line.plan), 2);
      if (line.reason) expect(await row.textContent()).toContain(line.reason);
    }
    // the demo's plan is built from the economy: every line the economy holds agrees, renter is not in it
    expect(balance.reconciliation.lines.filter((l) => l.status === 'differs')).toEqual([]);
    expect(balance.reconciliation.lines.find((l) => l.line === 'interest')?.status).toBe('not_in_economy');
    await page.getByTestId('reconciliation').screenshot({ path: `${OUT}budget-reconciliation.png` });
  });

  it('saves an own list, sees it as their own to delete, and deletes it', async () => {
    await page.goto(`${baseUrl()}/benchmark?peers=787,860`);
    await page.getByTestId('peer-list').waitFor();
    await page.getByLabel('Gem som').fill('e2e Nordjylland');
    await page.getByRole('button', { name: 'Gem listen' }).click();
    await expect.poll(() => param(page, 'peers')).toBe('saved:e2e Nordjylland');
    await page.getByTestId('peer-group-delete').click();
    await page.getByTestId('peer-group-delete-confirm').click();
    await expect.poll(() => param(page, 'peers')).toBe('787,860');
    const groups = await api<{ name: string }[]>(page, '/api/v1/benchmark/peer-groups');
    expect(groups.some((g) => g.name === 'e2e Nordjylland')).toBe(false);
  });

  it('fits a phone', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      storageState: await page.context().storageState(),
    });
    const small = await phone.newPage();
    for (const [path, testId, name] of [
      ['/budget', 'budget-consumption-pct', 'budget-followup-phone'],
      ['/budget/balance', 'balance-table', 'budget-balance-phone'],
      ['/budget/balance?budgetYear=2016', 'reconciliation-table', 'budget-reconciliation-phone'],
      ['/benchmark', 'benchmark-potential', 'benchmark-phone'],
    ] as const) {
      await small.goto(`${baseUrl()}${path}`);
      await small.getByTestId(testId).waitFor();
      const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(1);
      await screenshot(small, name);
    }
    await phone.close();
  });
});

describe('chef of one forvaltning', () => {
  it('follows up the budget of their own unit', async () => {
    const { page, context } = await signIn(browser, 'chef');
    await page.goto(`${baseUrl()}/budget`);
    await page.getByTestId('budget-consumption-pct').waitFor();
    const me = await api<{ orgIds: string[] }>(page, '/api/v1/auth/me');
    await expect.poll(() => param(page, 'org')).toBe(me.orgIds[0]);
    await context.close();
  });

  it('sees the kommune’s totals and only their own part of its breakdowns, and says so', async () => {
    const { page, context } = await signIn(browser, 'chef');
    const me = await api<{ orgIds: string[] }>(page, '/api/v1/auth/me');
    const root = (await api<{ id: string; parentId: string | null }[]>(page, '/api/v1/org-units')).find(
      (u) => u.parentId === null,
    );
    await page.goto(`${baseUrl()}/budget?org=${root?.id}`);
    await page.getByTestId('budget-consumption-pct').waitFor();
    const followUp = await api<FollowUp>(page, `/api/v1/budget/followup?org=${root?.id}&period=${param(page, 'period')}`);
    expect(followUp.breakdown).toBe('own_units');
    expect(followUp.children.map((c) => c.org.id)).toEqual(me.orgIds);
    // categories, units and accounts each say that they are the chef's part
    await expect.poll(() => page.getByTestId('own-units-note').count()).toBe(3);
    const rows = await page
      .getByTestId('budget-children')
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.dataset.testid));
    expect(rows).toEqual(me.orgIds.map((id) => `budget-child-${id}`));
    await context.close();
  });

  it('may use an own list of peers but not save one', async () => {
    const { page, context } = await signIn(browser, 'chef');
    // a slow answer with the groups: picking "Egen liste" waits for them (the list starts from their members)
    await page.route('**/api/v1/benchmark/peer-groups', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.goto(`${baseUrl()}/benchmark`);
    await page.getByTestId('peer-group-select').selectOption('custom');
    await page.getByTestId('peer-list').waitFor();
    expect(await page.getByRole('button', { name: 'Brug listen' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Gem listen' }).count()).toBe(0);
    await context.close();
  });
});
