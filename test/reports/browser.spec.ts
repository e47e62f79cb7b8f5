/**
 * The class page and a student's feedback in a real browser (Debian's Chromium through
 * playwright-core, file:// URLs): the content shows, nothing is fetched from the network,
 * no script runs. Screenshots go to <out>/screenshots/ and test-results/screenshots/.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeClassReports, writeStudentReports } from '../../grader/reports';
import { CHROMIUM, hasChromium, keepScreenshot, launchChromium, watchedPage } from './chromium';
import { HOSTILE_ID, reportClass, tempOut } from './helpers';

if (!hasChromium) console.warn(`test/reports/browser.spec.ts is skipped: ${CHROMIUM} is missing (apt-get install chromium; CI installs it).`);

describe.skipIf(!hasChromium)(`reports in Chromium${hasChromium ? '' : ` (skipped: no ${CHROMIUM})`}`, () => {
  const out = tempOut('reports-browser-');
  let browser: Browser;
  let page: Page;
  let requests: string[] = [];
  let dialogs: string[] = [];

  beforeAll(async () => {
    const { all } = reportClass();
    for (const record of all) writeStudentReports(out.dir, record, { courseTitle: 'Backprop course, spring term' });
    writeClassReports(out.dir, all, { courseTitle: 'Backprop course, spring term' });
    browser = await launchChromium();
    ({ page, requests, dialogs } = await watchedPage(browser, { width: 1280, height: 900 }));
  });

  afterAll(async () => {
    await browser?.close();
    out.remove();
  });

  async function screenshot(name: string, fullPage: boolean): Promise<void> {
    await keepScreenshot(out.dir, name, { page, fullPage });
  }

  it('shows the class page: students, both charts and the misconceptions, fetching nothing', async () => {
    await page.goto(pathToFileURL(path.join(out.dir, 'index.html')).href);
    await expect.poll(() => page.title()).toBe('Class results · Backprop course, spring term');
    const bobRow = page.locator('table.students tbody tr', { has: page.getByRole('link', { name: 'bob', exact: true }) });
    expect(await bobRow.isVisible()).toBe(true);
    expect((await bobRow.locator('td').nth(1).innerText()).split('\n')[0]).toBe(String(reportClass().bob.score));
    expect(await page.getByRole('link', { name: HOSTILE_ID, exact: true }).isVisible()).toBe(true);
    for (const chart of ['#score-histogram', '#pass-rates']) {
      const box = await page.locator(chart).boundingBox();
      expect(box?.width, chart).toBeGreaterThan(200);
      expect(box?.height, chart).toBeGreaterThan(100);
    }
    expect(await page.locator('#pass-rates rect.bar').count()).toBe(16);
    expect(await page.locator('#misconceptions').innerText()).toContain('Softmax without subtracting the maximum');
    await screenshot('index.png', true);
  });

  it("opens a student's feedback from the class page and shows a failure with its misconception", async () => {
    await page.goto(pathToFileURL(path.join(out.dir, 'index.html')).href);
    await page.getByRole('link', { name: 'bob', exact: true }).click();
    await page.waitForURL(/students\/bob\/feedback\.html$/);
    const failure = page.locator('#check-4\\.3');
    expect(await failure.isVisible()).toBe(true);
    const text = await failure.innerText();
    expect(text).toContain('softmax of large logits is finite and exact');
    expect(text).toContain('softmax([1000, 1001, 1002])');
    expect(text).toContain('NaN');
    expect(text).toContain('Softmax without subtracting the maximum');
    expect(await page.locator('#exercise-04-softmax .misconception').innerText()).toContain('Infinity/Infinity is NaN');
    // passed checks start collapsed
    expect(await page.getByText('4.1 softmax of the worked example').isVisible()).toBe(false);
    // the page is long: the viewport at the failing exercise is what matters
    await page.locator('#exercise-04-softmax').evaluate((section) => section.scrollIntoView());
    await screenshot('feedback-bob.png', false);
  });

  it('shows a hostile id and compiler message as text, running nothing', async () => {
    const { hostile } = reportClass();
    await page.goto(pathToFileURL(path.join(out.dir, 'students', hostile.dir, 'feedback.html')).href);
    expect(await page.locator('h1').innerText()).toBe(`Feedback for ${HOSTILE_ID}`);
    expect(await page.locator('#exercise-02-relu .problems').innerText()).toContain(`<img src=x onerror="alert('problem')"> & </pre>`);
    expect(await page.locator('#exercise-10-backprop-delta').innerText()).toContain('time limit of 400 ms');
    await screenshot('feedback-hostile.png', false);
  });

  it('made no network request and ran no script on any page', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
