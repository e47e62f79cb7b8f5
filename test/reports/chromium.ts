/**
 * Debian's Chromium through playwright-core, for the browser tests: headless, no sandbox
 * (containers), nothing in the background that would reach the network. Screenshots are
 * kept in test-results/screenshots/ as the tests' artefacts.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { kitPath } from '../../grader/paths';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page that records every request it makes, and every dialog (a script that got through the escaping would show itself with alert()). */
export async function watchedPage(browser: Browser, viewport: { width: number; height: number }): Promise<{ page: Page; requests: string[]; dialogs: string[] }> {
  const page = await browser.newPage({ viewport });
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { page, requests, dialogs };
}

/** A screenshot of the page (or of one element) in `dir`/screenshots/, copied to test-results/screenshots/. */
export async function keepScreenshot(dir: string, name: string, target: { page: Page; fullPage: boolean } | { locator: Locator }): Promise<string> {
  const file = path.join(dir, 'screenshots', name);
  mkdirSync(path.dirname(file), { recursive: true });
  if ('page' in target) await target.page.screenshot({ path: file, fullPage: target.fullPage });
  else await target.locator.screenshot({ path: file });
  const kept = kitPath('test-results', 'screenshots', name);
  mkdirSync(path.dirname(kept), { recursive: true });
  copyFileSync(file, kept);
  return kept;
}
