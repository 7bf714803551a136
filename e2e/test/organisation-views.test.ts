import type { Breakdown, Series } from '@lis/contracts';
import { findKpi, formatKpiValue } from '@lis/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, launch, screenshot, signIn } from './browser.ts';

// The demo's reorganisation of 01.01.2016 (docs/demo-data.md): Sundhedspleje og Tandpleje (2400)
// moved into forvaltning 3000, the Jobcenter (3300) out of it. A KPI detail shows either view.

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  ({ page } = await signIn(browser, 'direktion'));
});
afterAll(() => browser.close());

describe('a KPI detail across the reorganisation', () => {
  it('shows each month as organised then, and on request as organised now, saying which', async () => {
    const kpi = findKpi('sick_leave_pct');
    if (!kpi) throw new Error('catalogue');
    const url = '/api/v1/kpis/sick_leave_pct';
    const then = await api<Series>(page, `${url}/series?org=3000&from=2015-06&to=2015-06`);
    const now = await api<Series>(page, `${url}/series?org=3000&from=2015-06&to=2015-06&view=now`);
    const [thenValue, nowValue] = [then.points[0]?.value ?? null, now.points[0]?.value ?? null];
    expect(formatKpiValue(thenValue, kpi)).not.toBe(formatKpiValue(nowValue, kpi)); // the units differ

    await page.goto(`${baseUrl()}/kpi/sick_leave_pct?org=3000&period=2015-12`);
    await page.getByText('Som organiseret dengang.').waitFor();
    await page.getByText('Vis tallene bag grafen').click();
    const trend = page.getByTestId('trend-table');
    await expect.poll(async () => (await trend.textContent()) ?? '').toContain(formatKpiValue(thenValue, kpi));
    const breakdown = page.getByTestId('breakdown-table');
    await expect.poll(async () => (await breakdown.textContent()) ?? '').toContain('Jobcenter');

    await page.getByRole('button', { name: 'Som organiseret nu' }).click();
    await page.getByText('Som organiseret nu, også sidste år.').waitFor();
    await page.getByText('Tallet øverst står som organiseret dengang.').waitFor(); // the summary is the month's own
    await expect.poll(async () => (await trend.textContent()) ?? '').toContain(formatKpiValue(nowValue, kpi));
    await expect.poll(async () => (await breakdown.textContent()) ?? '').toContain('Sundhedspleje og Tandpleje');
    expect((await breakdown.textContent()) ?? '').not.toContain('Jobcenter');
    const recast = await api<Breakdown>(page, `${url}/breakdown?org=3000&period=2015-12&view=now`);
    expect(recast.view).toBe('now');
    await screenshot(page, 'kpi-detail-organised-now');
  });
});
