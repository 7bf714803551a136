import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const DEMO_PASSWORD = 'demo-lis-2016';
export const OUT = new URL('../out/', import.meta.url).pathname;
mkdirSync(OUT, { recursive: true });

export const baseUrl = () => inject('baseUrl');

/** Debian's Chromium, never a downloaded browser; flags for a closed network and running as root. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export async function signIn(
  browser: Browser,
  username: string,
  viewport = { width: 1366, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  const page = await context.newPage();
  await page.goto(baseUrl());
  await page.getByLabel(/brugernavn/i).fill(username);
  await page.getByLabel(/adgangskode/i).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /log ind/i }).click();
  await page.getByTestId('user-menu').waitFor(); // signed in: the session cookie is set
  return { context, page };
}

/** An API call with the page's session cookie, to compare the screen with the API. */
export async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${baseUrl()}${path}`);
  if (!response.ok()) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: `${OUT}${name}.png`, fullPage: true });
