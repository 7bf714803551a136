import type { Dashboard, Matrix } from '@lis/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, launch, screenshot, signIn } from './browser.ts';

// The README shows these two pictures.
const DOCS = new URL('../../docs/', import.meta.url).pathname;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

const tiles = (page: Page) => page.locator('[data-testid^="kpi-tile-"]');

describe('exceptions first: the strip and the matrix', () => {
  let page: Page;
  let dashboard: Dashboard;
  beforeAll(async () => {
    ({ page } = await signIn(browser, 'direktion'));
    await page.waitForSelector('[data-testid="exceptions-strip"]');
    dashboard = await api<Dashboard>(page, '/api/v1/dashboard');
  });

  it("counts the month's KPIs by the server's status and filters the tiles to a count", async () => {
    const red = dashboard.indicators.filter((i) => i.status === 'red');
    const yellow = dashboard.indicators.filter((i) => i.status === 'yellow');
    expect(red.length).toBeGreaterThan(0);
    const strip = page.getByTestId('exceptions-strip');
    for (const status of ['red', 'yellow', 'green', 'no_target', 'suppressed'] as const) {
      const count = dashboard.indicators.filter((i) => i.status === status).length;
      expect(await strip.getByTestId(`strip-count-${status}`).locator('.strip__number').textContent()).toBe(String(count));
    }
    // red, then yellow, listed before the themes
    const listed = await page.locator('[data-testid^="exception-"]').evaluateAll((items) => items.map((i) => i.dataset.testid));
    expect(listed).toEqual([...red, ...yellow].map((i) => `exception-${i.kpiId}`));
    // each sub-unit chip carries the child's worst status as the server gave it
    const matrix = await api<Matrix>(page, `/api/v1/matrix?org=${dashboard.org.id}&period=${dashboard.period}`);
    for (const row of matrix.rows.filter((r) => !r.own)) {
      const chip = page
        .getByTestId('child-units')
        .locator('li', { has: page.getByRole('link', { name: row.org.name, exact: true }) });
      await expect.poll(() => chip.getAttribute('data-status')).toBe(row.worstStatus);
    }
    await page.screenshot({ path: `${DOCS}screenshot-exceptions.png`, clip: { x: 0, y: 0, width: 1366, height: 760 } });

    await strip.getByTestId('strip-count-red').click();
    await expect.poll(() => tiles(page).count()).toBe(red.length);
    for (const indicator of red) expect(await page.getByTestId(`kpi-tile-${indicator.kpiId}`).isVisible()).toBe(true);
    expect(await strip.getByTestId('strip-count-red').getAttribute('aria-pressed')).toBe('true');
    await strip.getByTestId('strip-count-red').click(); // again: all
    await expect.poll(() => tiles(page).count()).toBe(dashboard.indicators.filter((i) => !isSilent(i)).length);
  });

  it('opens the matrix from the overview, sorts a column and opens a child’s KPI from a cell', async () => {
    await page.getByTestId('matrix-link').click();
    await page.waitForSelector('[data-testid="matrix"]');
    const matrix = await api<Matrix>(page, `/api/v1/matrix?org=${dashboard.org.id}&period=${dashboard.period}`);
    const rowIds = () =>
      page.locator('[data-testid^="matrix-row-"]').evaluateAll((rows) => rows.map((r) => r.dataset.testid?.slice(11)));
    expect((await rowIds())[0]).toBe(dashboard.org.id);
    expect((await rowIds()).length).toBe(matrix.rows.length);
    expect(matrix.rows.length).toBeGreaterThan(2);
    // every cell shows the server's status
    for (const row of matrix.rows) {
      for (const cell of row.cells) {
        const shown = page.getByTestId(`matrix-cell-${row.org.id}-${cell.kpiId}`);
        expect(await shown.getAttribute('data-status')).toBe(cell.status);
      }
    }

    const kpiId = 'sick_leave_pct';
    await page.getByTestId(`matrix-sort-${kpiId}`).click();
    const value = (orgId: string) =>
      matrix.rows.find((r) => r.org.id === orgId)?.cells.find((c) => c.kpiId === kpiId)?.value ?? null;
    const children = (await rowIds()).slice(1) as string[];
    const values = children.map(value).filter((v): v is number => v !== null);
    expect(values).toEqual([...values].sort((a, b) => b - a)); // highest first
    expect(await page.locator(`th[aria-sort="descending"]`).count()).toBe(1);
    await page.locator('.matrix-scroll').evaluate((el) => el.scrollTo(0, 0)); // the sort button's focus scrolled it
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${DOCS}screenshot-matrix.png`, clip: { x: 0, y: 0, width: 1366, height: 760 } });
    await screenshot(page, 'matrix');

    const child = children[0] as string;
    await page.getByTestId(`matrix-cell-${child}-${kpiId}`).getByRole('link').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/kpi/${kpiId}`);
    expect(new URL(page.url()).searchParams.get('org')).toBe(child);
  });

  it('scrolls sideways at phone width with the unit column in view', async () => {
    const { context, page: phone } = await signIn(browser, 'direktion', { width: 390, height: 800 });
    await phone.goto(`${new URL(page.url()).origin}/matrix?org=${dashboard.org.id}&period=${dashboard.period}`);
    await phone.waitForSelector('[data-testid="matrix"]');
    const scroller = phone.locator('.matrix-scroll');
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await scroller.evaluate((el) => el.scrollBy(400, 0));
    const unit = phone.locator(`[data-testid="matrix-row-${dashboard.org.id}"] th`);
    const box = await unit.boundingBox();
    expect(box?.x).toBeLessThan(40); // still at the left edge after scrolling
    await screenshot(phone, 'matrix-phone');
    await context.close();
  });
});

/** As the overview: KPIs with no figure in a year are listed, not drawn as tiles. */
const isSilent = (i: Dashboard['indicators'][number]) => i.status === 'no_data' && i.series.every((p) => p.value === null);
