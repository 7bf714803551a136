import type { ExplanationList, MissingExplanationList } from '@lis/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, launch, screenshot, signIn } from './browser.ts';

// A chef explains a red figure of their forvaltning with an action; the direktion then sees the
// explanation on the tile and in the KPI detail.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

const TEXT = 'Sygefraværet steg efter en influenzabølge i afdelingerne.';
const ACTION = 'Fraværssamtaler med alle med mere end 10 sygedage.';

describe('explanations and actions', () => {
  let target: { kpiId: string; orgId: string; period: string };

  it('lets the chef explain a red figure from the "Mangler forklaring" list', async () => {
    const { page, context } = await signIn(browser, 'chef');
    const missing = await api<MissingExplanationList>(page, '/api/v1/explanations/missing');
    const red = missing.items.find((item) => item.status === 'red');
    if (!red || !missing.period) throw new Error('the demo leaves a red figure of the chef without an explanation');
    target = { kpiId: red.kpiId, orgId: red.orgId, period: missing.period };

    // the overview of the chef's unit lists what is missing, with links to each KPI
    await page.goto(`${baseUrl()}/?org=${red.orgId}&period=${missing.period}`);
    const list = page.getByTestId('missing-explanations');
    await list.waitFor();
    expect(await list.textContent()).toContain('Mangler forklaring');
    await page.goto(`${baseUrl()}/kpi/${red.kpiId}?org=${red.orgId}&period=${missing.period}`);
    const panel = page.getByTestId('explanation-panel');
    await panel.getByRole('button', { name: 'Skriv forklaring' }).click();
    await panel.getByLabel('Forklaring', { exact: true }).fill(TEXT);
    await panel.getByLabel('Handling (hvad der gøres, valgfri)').fill(ACTION);
    await panel.getByLabel('Ansvarlig for handlingen').fill('Afdelingslederne');
    await panel.getByLabel('Frist').fill('2030-06-30');
    await panel.getByLabel('Forventet effekt').fill('Under målet inden sommer');
    await panel.getByRole('button', { name: 'Gem forklaring' }).click();
    await expect.poll(() => panel.getByTestId('explanation').textContent()).toContain(TEXT);
    expect(await panel.getByTestId('explanation-action').textContent()).toBe(ACTION);
    await screenshot(page, 'explanation-chef');

    // it is off the chef's missing list
    const after = await api<MissingExplanationList>(page, `/api/v1/explanations/missing?period=${missing.period}`);
    expect(after.items.some((i) => i.kpiId === red.kpiId && i.orgId === red.orgId)).toBe(false);
    await context.close();
  });

  it('shows the direktion the explanation on the tile and in the KPI detail', async () => {
    const { page, context } = await signIn(browser, 'direktion');
    await page.goto(`${baseUrl()}/?org=${target.orgId}&period=${target.period}`);
    const marker = page.getByTestId(`kpi-tile-${target.kpiId}`).getByTestId('tile-explanation');
    await marker.waitFor();
    expect(await marker.textContent()).toContain('Forklaring');
    expect(await marker.textContent()).toContain(TEXT);

    await page.goto(`${baseUrl()}/kpi/${target.kpiId}?org=${target.orgId}&period=${target.period}`);
    const panel = page.getByTestId('explanation-panel');
    await expect.poll(() => panel.getByTestId('explanation').textContent()).toContain(TEXT);
    expect(await panel.getByTestId('explanation-action-state').textContent()).toBe('Frist 30. jun. 2030');
    // the direktion may edit everywhere: the server says so
    const read = await api<ExplanationList>(page, `/api/v1/explanations?org=${target.orgId}&period=${target.period}`);
    expect(read.mayExplain).toBe(true);
    expect(await panel.getByRole('button', { name: 'Ret forklaringen' }).isVisible()).toBe(true);
    await screenshot(page, 'explanation-direktion');
    await context.close();
  });
});
