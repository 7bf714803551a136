import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, baseUrl, launch, OUT, signIn } from './browser.ts';

// A4 portrait with the browser's default print margins (1 cm): about 190 mm of paper width at 96 px per inch.
const A4_PRINT_WIDTH = Math.floor((190 / 25.4) * 96);

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  ({ page } = await signIn(browser, 'direktion', { width: A4_PRINT_WIDTH, height: 1000 }));
});
afterAll(() => browser.close());

/** The screen controls the reader could see on paper: buttons, fields, pickers, download links, navigation. */
const visibleControls = (p: Page) =>
  p.evaluate(() => {
    const selector = 'button, input, select, textarea, [role="button"], a.button, a[download], nav, [role="tablist"]';
    return (
      [...document.querySelectorAll<HTMLElement>(selector)]
        // a breadcrumb says where on the page one is, and the exceptions strip's counts are the month's figures
        .filter((element) => !element.closest('.breadcrumb, .strip__counts'))
        .filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
        })
        .map((element) => `${element.tagName.toLowerCase()}: ${(element.textContent ?? '').trim().slice(0, 40)}`)
    );
  });

/** How far the widest element reaches past the paper's width (0: everything fits). */
const overflow = (p: Page) => p.evaluate((width) => Math.max(0, document.documentElement.scrollWidth - width), A4_PRINT_WIDTH);

async function printed(path: string, ready: string) {
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${baseUrl()}${path}`);
  await page.getByTestId(ready).first().waitFor();
  await page.emulateMedia({ media: 'print' });
  // the charts size themselves to the paper on 'beforeprint'
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
}

describe('printing without the screen controls', () => {
  const pages = [
    ['the overview', '/', 'exceptions-strip'],
    ['the budget follow-up', '/budget', 'accounts-table'],
    ['the budget balance', '/budget/balance', 'balance-chart'],
  ] as const;

  for (const [name, path, ready] of pages) {
    it(`${name} prints no button, field, picker, download link or menu, and fits A4`, async () => {
      await printed(path, ready);
      expect(await visibleControls(page)).toEqual([]);
      expect(await overflow(page)).toBe(0);
    });
  }

  it('the KPI detail prints no controls and fits A4', async () => {
    const kpis = await api<{ id: string }[]>(page, '/api/v1/kpis');
    await printed(`/kpi/${kpis[0]?.id}`, 'kpi-detail-chart');
    expect(await visibleControls(page)).toEqual([]);
    expect(await overflow(page)).toBe(0);
  });

  it('the budget follow-up as a PDF page (looked at: out/print-budget-1.png)', async () => {
    await printed('/budget', 'accounts-table');
    const pdf = `${OUT}print-budget.pdf`;
    await page.pdf({ path: pdf, format: 'A4', margin: { top: '1cm', bottom: '1cm', left: '1cm', right: '1cm' } });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, `${OUT}print-budget`]);
    const text = execFileSync('pdftotext', [pdf, '-']).toString();
    expect(text).toContain('Budgetopfølgning');
    for (const control of [/\bHent\b/, /\bCSV\b/, /\bExcel\b/, /Log ud/, /Oversigt/]) expect(text).not.toMatch(control);
  });
});
