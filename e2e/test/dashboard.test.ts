import type { Dashboard, OrgUnit } from '@lis/contracts';
import { findKpi, formatKpiValue, withAmountsInMillions } from '@lis/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, launch, screenshot, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

const tiles = (page: Page) => page.locator('[data-testid^="kpi-tile-"]');

describe('direktion', () => {
  let page: Page;
  beforeAll(async () => {
    const started = performance.now();
    ({ page } = await signIn(browser, 'direktion'));
    await page.waitForSelector('[data-testid="kpi-tile-sick_leave_pct"]');
    const dashboard = await api<Dashboard>(page, '/api/v1/dashboard');
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid^="kpi-tile-"]').length === n,
      dashboard.indicators.length,
    );
    console.log(
      `sign-in to all ${dashboard.indicators.length} overview tiles rendered: ${Math.round(performance.now() - started)} ms`,
    );
  });

  it('sees the kommune overview with every tile and the API’s numbers', async () => {
    const dashboard = await api<Dashboard>(page, '/api/v1/dashboard');
    expect(dashboard.org.level).toBe('kommune');
    await expect.poll(() => page.getByTestId('breadcrumb').textContent()).toContain(dashboard.org.name);
    for (const indicator of dashboard.indicators) {
      const tile = page.getByTestId(`kpi-tile-${indicator.kpiId}`);
      const kpi = findKpi(indicator.kpiId);
      if (!kpi) throw new Error(indicator.kpiId);
      expect(await tile.getAttribute('data-status')).toBe(indicator.status);
      if (indicator.value !== null) {
        expect(Number(await tile.getAttribute('data-value'))).toBeCloseTo(indicator.value, 6);
        // what the reader sees is the API value in Danish notation (a tile's amounts in mio. kr.)
        expect((await tile.getByTestId('kpi-value').textContent())?.replace(/\s/g, ' ')).toBe(
          formatKpiValue(indicator.value, withAmountsInMillions(kpi)).replace(/\s/g, ' '),
        );
      }
    }
    await screenshot(page, 'overview');
  });

  it('drills down kommune → forvaltning → afdeling → enhed by clicking, and back with the back button', async () => {
    const start = new URL(page.url()).searchParams.get('org');
    const visited: string[] = [];
    for (const level of ['forvaltning', 'afdeling', 'enhed']) {
      const link = page.getByTestId('child-units').getByRole('link').first();
      const name = (await link.textContent())?.trim() ?? '';
      await link.click();
      await expect.poll(() => page.getByTestId('breadcrumb').textContent()).toContain(name);
      const org = new URL(page.url()).searchParams.get('org');
      const unit = (await api<OrgUnit[]>(page, '/api/v1/org-units')).find((u) => u.id === org);
      expect(unit?.level).toBe(level);
      await page.waitForSelector('[data-testid="kpi-tile-sick_leave_pct"]');
      visited.push(org ?? '');
      if (level === 'afdeling') await screenshot(page, 'drill-down-afdeling');
    }
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('org')).toBe(visited[1]);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('org')).toBe(visited[0]);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('org')).toBe(start);
  });

  it('opens a KPI detail whose chart has the series drawn and whose table holds the same values', async () => {
    await page.goto(`${baseUrl()}/kpi/sick_leave_pct`);
    const chart = page.locator('[data-testid="kpi-detail-chart"] canvas, [data-testid="kpi-detail-chart"] svg').first();
    await chart.waitFor();
    expect(await chart.boundingBox()).toMatchObject({ width: expect.any(Number) });
    await page.getByText('Vis tallene bag grafen').click();
    const series = await api<{ points: { period: string; value: number | null }[] }>(
      page,
      '/api/v1/kpis/sick_leave_pct/series?org=849',
    );
    const table = page.getByTestId('trend-table');
    const text = (await table.textContent()) ?? '';
    const kpi = findKpi('sick_leave_pct');
    if (!kpi) throw new Error('catalogue');
    for (const point of series.points.filter((p) => p.value !== null).slice(-6))
      expect(text).toContain(formatKpiValue(point.value, kpi));
    // ECharts' aria description names the series it drew
    await expect.poll(() => page.getByTestId('kpi-detail-chart').getAttribute('aria-label')).toContain('Sygefravær');
    // the SVG renderer draws the value series as a path through its points
    expect(await page.locator('[data-testid="kpi-detail-chart"] svg path').count()).toBeGreaterThan(3);
    await screenshot(page, 'kpi-detail');
  });

  it('shows "diskretioneret" for sick leave of a unit with fewer than 5 employees', async () => {
    const units = await api<OrgUnit[]>(page, '/api/v1/org-units');
    const dashboard = await api<Dashboard>(page, '/api/v1/dashboard');
    let small: OrgUnit | null = null;
    for (const unit of units.filter((u) => u.level === 'enhed')) {
      const d = await api<Dashboard>(page, `/api/v1/dashboard?org=${unit.id}&period=${dashboard.period}`);
      if (d.indicators.find((i) => i.kpiId === 'sick_leave_pct')?.status === 'suppressed') {
        small = unit;
        break;
      }
    }
    expect(small).not.toBeNull();
    await page.goto(`${baseUrl()}/?org=${small?.id}&period=${dashboard.period}`);
    const tile = page.getByTestId('kpi-tile-sick_leave_pct');
    await expect.poll(() => tile.getByTestId('kpi-value').textContent()).toBe('diskretioneret');
    expect(await tile.getAttribute('data-value')).toBeNull();
    expect(await tile.textContent()).toContain('færre end 5 medarbejdere');
  });

  it('fits a phone', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      storageState: await page.context().storageState(),
    });
    const small = await phone.newPage();
    await small.goto(baseUrl());
    await small.waitForSelector('[data-testid="kpi-tile-sick_leave_pct"]');
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(small, 'overview-phone');
    await phone.close();
  });
});

describe('chef of one forvaltning', () => {
  it('sees only their forvaltning and a clear "ingen adgang" for a sibling', async () => {
    const direktion = await signIn(browser, 'direktion');
    const forvaltninger = (await api<OrgUnit[]>(direktion.page, '/api/v1/org-units')).filter((u) => u.level === 'forvaltning');
    await direktion.context.close();
    const { page, context } = await signIn(browser, 'chef');
    await page.waitForSelector('[data-testid="kpi-tile-sick_leave_pct"]');
    const me = await api<{ orgIds: string[] }>(page, '/api/v1/auth/me');
    const units = await api<OrgUnit[]>(page, '/api/v1/org-units');
    const own = me.orgIds[0];
    expect(new URL(page.url()).searchParams.get('org') ?? own).toBe(own);
    expect(units.filter((u) => u.level === 'forvaltning').map((u) => u.id)).toEqual([own]);
    // KPIs without a figure in a year are listed, not drawn as tiles (the demo gives this forvaltning no cases)
    const dashboard = await api<Dashboard>(page, `/api/v1/dashboard?org=${own}`);
    const silent = dashboard.indicators.filter((i) => i.status === 'no_data' && i.series.every((p) => p.value === null));
    expect(silent.length).toBeGreaterThan(0);
    await expect.poll(() => tiles(page).count()).toBe(dashboard.indicators.length - silent.length);
    const listed = await page.getByTestId('silent-kpis').locator('li a').allTextContents();
    expect(listed).toEqual(silent.map((i) => findKpi(i.kpiId)?.name));
    await screenshot(page, 'overview-chef');
    const sibling = forvaltninger.find((u) => u.id !== own) as OrgUnit;
    await page.goto(`${baseUrl()}/?org=${sibling.id}`);
    await expect.poll(() => page.getByTestId('no-access').textContent()).toMatch(/ingen adgang/i);
    expect(await page.locator('[data-testid^="kpi-tile-"]').count()).toBe(0);
    await context.close();
  });
});
