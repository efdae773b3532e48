import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer } from '../../src/http/server.js';
import { signInLink } from '../../src/security/tokens.js';
import { makeWorkspace, NOW, type Workspace } from '../web/workspace.js';

/** /stats in a real browser (Debian's chromium): SVG charts, no script, no CSP violation, at desktop and phone widths. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SECRET = 'stats-browser-secret-0123456789abcdefghij';

describe('/stats in Chromium', () => {
  let browser: Browser;
  let ws: Workspace;
  let stop: (() => Promise<void>) | null = null;
  let base = '';

  beforeAll(async () => {
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    } catch (err) {
      throw new Error(`Chromium could not start from ${CHROMIUM} (${(err as Error).message.split('\n')[0]}). Install it: apt-get install -y chromium.`);
    }
    ws = await makeWorkspace({ now: NOW, env: { FOLLOWUP_WEB_SECRET: SECRET } });
    const printed: string[] = [];
    stop = await startWebServer(ws.runtime, { print: (l) => printed.push(l), port: 0, now: () => NOW });
    base = /Approval pages: (http:\/\/\S+?)\/? /.exec(printed[0] ?? '')?.[1] ?? '';
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  afterAll(async () => {
    await browser?.close();
    await stop?.();
    await ws?.close();
  });

  it.each([
    ['desktop', 1280, 900],
    ['phone', 390, 844],
  ])('shows five SVG charts at %s width (%i px), inside the page, with no CSP violation', async (_name, width, height) => {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    const link = signInLink({ baseUrl: base, secret: SECRET, accountId: 'ada', now: NOW }).url;
    await page.goto(link);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/queue$/);
    await page.getByRole('link', { name: 'Stats' }).click();
    await page.waitForURL(/\/stats$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('the whole team');
    const charts = page.locator('svg.chart');
    expect(await charts.count()).toBe(5);
    for (let i = 0; i < 5; i += 1) {
      const box = await charts.nth(i).boundingBox();
      expect(box!.width).toBeGreaterThan(200);
      expect(box!.width).toBeLessThanOrEqual(width);
      expect(box!.height).toBeGreaterThan(30);
    }
    // The charts draw bars and labels; the figures are text.
    expect(await page.locator('svg.chart rect').count()).toBeGreaterThan(0);
    expect(await page.getByText('No-show rate').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(violations).toEqual([]);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `docs/screenshots/stats-${_name}.png`, fullPage: true });
    await context.close();
  });
});
