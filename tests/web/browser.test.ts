import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer } from '../../src/http/server.js';
import { makeWorkspace, NOW, type Workspace } from './workspace.js';

/**
 * The pages in a real browser (Debian's chromium through playwright-core): sign in through the
 * magic link `serve` prints for the demo workspace, edit and approve one draft, reject another,
 * then check the store and the outbox. SCREENSHOTS=1 saves docs/screenshots/{queue,prospect}.png.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

describe('approval pages in Chromium', () => {
  let browser: Browser | null = null;
  let launchError: string | null = null;
  let ws: Workspace;
  let stop: (() => Promise<void>) | null = null;
  const printed: string[] = [];

  beforeAll(async () => {
    try {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
    } catch (err) {
      launchError = (err as Error).message.split('\n')[0] ?? String(err);
    }
    ws = await makeWorkspace({ now: NOW });
    stop = await startWebServer(ws.runtime, { print: (line) => printed.push(line), port: 0, now: () => NOW });
  });

  afterAll(async () => {
    await browser?.close();
    await stop?.();
    await ws?.close();
  });

  it('signs in through a magic link, edits and approves one draft, rejects another; the store and outbox agree', async (ctx) => {
    if (!browser) {
      const message = `Chromium could not start from ${CHROMIUM} (${launchError}). Install it: apt-get install -y chromium.`;
      if (process.env.CI) throw new Error(message);
      console.warn(`SKIPPED browser test: ${message}`);
      ctx.skip();
      return;
    }
    const link = printed.map((l) => /Sign in as Alex Morgan .*?(http:\/\/\S+)/.exec(l)?.[1]).find(Boolean);
    expect(link, printed.join('\n')).toBeTruthy();
    expect(printed[0]).toMatch(/^Approval pages: http:\/\/127\.0\.0\.1:\d+\//);

    const context = await browser.newContext({ viewport: { width: 430, height: 900 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const scriptRan: string[] = [];
    page.on('dialog', async (d) => {
      scriptRan.push(d.message());
      await d.dismiss();
    });

    await page.goto(link!);
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/queue$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Waiting for you');

    if (process.env.SCREENSHOTS) {
      mkdirSync(SCREENSHOTS_DIR, { recursive: true });
      await page.screenshot({ path: resolve(SCREENSHOTS_DIR, 'queue.png'), fullPage: true });
    }

    // Edit Priya's apology (labelled controls, keyboard only) and approve it.
    const priya = page.locator(`#d-${ws.priyaDraft.id}`);
    await priya.getByText('Edit the email').focus();
    await page.keyboard.press('Enter');
    await priya.getByLabel('Subject').fill('The revised proposal, with my apologies');
    await priya.getByLabel('Email text').fill('Hi Priya,\n\nSorry this took so long: the revised proposal is attached.\n\nAlex');
    await priya.getByRole('button', { name: 'Save and approve' }).click();
    await page.waitForURL(/done=approved/);
    expect(await page.getByRole('status').textContent()).toContain('Approved');

    // Reject Linda's nudge with a reason.
    const linda = page.locator(`#d-${ws.lindaDraft.id}`);
    await linda.getByText('Reject it').click();
    await linda.getByLabel('Why not send it?').fill('I will call her instead');
    await linda.getByRole('button', { name: 'Reject' }).click();
    await page.waitForURL(/done=rejected/);
    expect(await page.locator('article').count()).toBe(0);

    // The prospect page: timeline with Linda's reply shown as text, no script ran.
    await page.goto(new URL(`/prospects/${ws.linda.id}`, page.url()).toString());
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Linda Park');
    expect(await page.locator('blockquote.reply').first().textContent()).toContain('<script>alert("pwned")</script>');
    expect(await page.getByText('I will call her instead').count()).toBeGreaterThan(0);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: resolve(SCREENSHOTS_DIR, 'prospect.png'), fullPage: true });
    expect(scriptRan).toEqual([]);
    await context.close();

    const store = ws.runtime.store;
    const approved = (await store.getDraft(ws.priyaDraft.id))!;
    expect(approved.status).toBe('approved');
    expect(approved.editedBy).toBe('alex@northwind.example');
    expect(approved.approvedBy).toBe('alex@northwind.example');
    const rejected = (await store.getDraft(ws.lindaDraft.id))!;
    expect(rejected.status).toBe('rejected');
    expect(rejected.rejectedReason).toBe('I will call her instead');
    expect((await store.getDraft(ws.bobDraft.id))!.status).toBe('pending');
    const outbox = await store.listOutbox({});
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.to).toBe('priya@initech.example');
    expect(outbox[0]!.subject).toBe('The revised proposal, with my apologies');
    expect(outbox[0]!.text).toBe('Hi Priya,\n\nSorry this took so long: the revised proposal is attached.\n\nAlex');
  });
});
