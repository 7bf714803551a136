import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dashboard } from '@lis/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, baseUrl, launch, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

it("the overview's 'Hent månedsrapport (PDF)' downloads the shown unit's month as a PDF", async () => {
  const { page } = await signIn(browser, 'direktion');
  const link = page.getByTestId('report-link');
  await link.waitFor();
  const dashboard = await api<Dashboard>(page, '/api/v1/dashboard');
  expect(await link.textContent()).toBe('Hent månedsrapport (PDF)');
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toBe(`/api/v1/report?org=${dashboard.org.id}&period=${dashboard.period}`);

  const response = await page.request.get(`${baseUrl()}${href}`); // with the session cookie, as the browser's download
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const file = join(mkdtempSync(join(tmpdir(), 'lis-e2e-report-')), 'report.pdf');
  writeFileSync(file, await response.body());
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain(dashboard.org.name);
  expect(text).toMatch(/Side 1 af \d+/);
});
