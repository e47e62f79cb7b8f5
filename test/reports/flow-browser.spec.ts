/**
 * The picture of the gradient flow in a real browser (Debian's Chromium, file:// URLs):
 * the page `trace --html` writes and a student's feedback.html, for σ′ computed from the
 * input (the catalogue's sigmoid-derivative-input-as-output). The picture shows, its
 * text alternative names the first divergence, the marks are there as text, nothing is
 * fetched. Screenshots (also one in greyscale, to read without colour) go to
 * test-results/screenshots/.
 */
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kitPath } from '../../grader/paths';
import { writeStudentReports } from '../../grader/reports';
import { runCli } from '../helpers/cli';
import { CHROMIUM, hasChromium, keepScreenshot, launchChromium, watchedPage } from './chromium';
import { gradeStudentRecord, tempOut } from './helpers';

const MISTAKE = kitPath('grader', 'misconceptions', 'catalogue', 'sigmoid-derivative-input-as-output', 'sigmoid.ts');

describe.skipIf(!hasChromium)(`the gradient flow in Chromium${hasChromium ? '' : ` (skipped: no ${CHROMIUM})`}`, () => {
  const out = tempOut('flow-browser-');
  const tracePage = path.join(out.dir, 'flow.html');
  let browser: Browser;
  let page: Page;
  let requests: string[] = [];
  let dialogs: string[] = [];

  beforeAll(async () => {
    const impl = path.join(out.dir, 'impl');
    cpSync(kitPath('solutions'), impl, { recursive: true });
    cpSync(MISTAKE, path.join(impl, '03-sigmoid', 'sigmoid.ts'));
    const traced = runCli(['trace', '--impl', impl, '--html', tracePage]);
    expect(traced.status, traced.stderr).toBe(0);
    const record = gradeStudentRecord({ id: 'sigrid', files: { '03-sigmoid': readFileSync(MISTAKE, 'utf8') } });
    writeStudentReports(out.dir, record, { courseTitle: 'Backprop course' });
    browser = await launchChromium();
    ({ page, requests, dialogs } = await watchedPage(browser, { width: 1320, height: 1000 }));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    out.remove();
  });

  /** What every rendering of this picture must show. */
  async function expectPicture(): Promise<void> {
    const picture = page.getByRole('img', { name: /First divergence: sigmoid_derivative_h2_in, from sigmoidDerivative of exercise 03-sigmoid/ });
    expect(await picture.isVisible()).toBe(true);
    const box = (await picture.boundingBox())!;
    expect(box.width).toBeGreaterThan(1000);
    expect(box.height).toBeGreaterThan(600);
    // the three σ′ lines are framed, inside the picture
    const frames = page.locator('svg.flow rect.first-divergence');
    expect(await frames.count()).toBe(3);
    for (const frame of await frames.all()) {
      const b = (await frame.boundingBox())!;
      expect(b.x >= box.x && b.x + b.width <= box.x + box.width && b.y >= box.y && b.y + b.height <= box.y + box.height).toBe(true);
    }
    // marks are text, not only colour
    expect(await page.locator('svg.flow text.mark-wrong').count()).toBe(40);
    expect(await page.locator('svg.flow text.mark-wrong').first().textContent()).toBe('✗');
    expect(await page.locator('svg.flow text.mark-right').first().textContent()).toBe('✓');
    expect(await page.locator('svg.flow').innerHTML()).toContain('↳ should be 0.05743');
  }

  it('trace --html: the page shows the picture and the trace as text', async () => {
    await page.goto(pathToFileURL(tracePage).href);
    await expectPicture();
    expect(await page.locator('#divergence').innerText()).toContain('It was computed by sigmoidDerivative of exercise 03-sigmoid');
    expect(await page.locator('#trace-text').innerText()).toMatch(/^sigmoid_derivative_h2_in +03 sigmoidDerivative +✗/m);
    await keepScreenshot(out.dir, 'trace-flow.png', { locator: page.locator('svg.flow') });
    await keepScreenshot(out.dir, 'trace-flow-page.png', { page, fullPage: false });
    // without colour: the marks and the dashed frame must still tell right from wrong
    await page.addStyleTag({ content: 'html { filter: grayscale(1); }' });
    await keepScreenshot(out.dir, 'trace-flow-greyscale.png', { locator: page.locator('svg.flow') });
  });

  it("feedback.html: the integration run's picture, with the first divergence named", async () => {
    await page.goto(pathToFileURL(path.join(out.dir, 'students', 'sigrid', 'feedback.html')).href);
    await expectPicture();
    expect(await page.locator('#integration').innerText()).toContain('First divergence: sigmoid_derivative_h2_in is wrong. It was computed by sigmoidDerivative of exercise 03-sigmoid');
    await page.locator('#gradient-flow-heading').evaluate((heading) => heading.scrollIntoView());
    await keepScreenshot(out.dir, 'feedback-flow.png', { page, fullPage: false });
  });

  it('made no network request and ran no script', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
