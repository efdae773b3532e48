import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer } from '../../src/http/server.js';
import { stableId } from '../../src/domain/ids.js';
import { makeWorkspace, NOW, type Workspace } from './workspace.js';

/**
 * Issue 15's pages in a real browser (Debian's chromium through playwright-core): a reply that needs
 * the rep tops the queue; the prospect page logs a call with one button and sets a next step in words;
 * the suppressions page suppresses an address and lifts it with a recorded reason.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('issue 15 pages in Chromium', () => {
  let browser: Browser;
  let ws: Workspace;
  let stop: (() => Promise<void>) | null = null;
  const printed: string[] = [];

  beforeAll(async () => {
    // No quiet skip: without Chromium this test fails and says how to install it.
    browser = await chromium
      .launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
      .catch((err: Error) => {
        throw new Error(`Chromium could not start from ${CHROMIUM} (${err.message.split('\n')[0]}). Install it: apt-get install -y chromium.`);
      });
    ws = await makeWorkspace({ now: NOW });
    stop = await startWebServer(ws.runtime, { print: (line) => printed.push(line), port: 0, now: () => NOW });
  });
  afterAll(async () => {
    await browser?.close();
    await stop?.();
    await ws?.close();
  });

  it('needs-reply first in the queue, a call-log button, a next step in words, suppressions listed and lifted with a reason', async () => {
    // What the worker records when Linda's reply asks for something it cannot answer itself.
    await ws.runtime.store.addAttempt({
      id: stableId('at', 'needs-reply:<l2@acme>'),
      prospectId: ws.linda.id,
      accountId: ws.linda.accountId,
      at: new Date(NOW.getTime() - 26 * 3_600_000),
      kind: 'needs_reply',
      outcome: 'request',
      detail: 'Can you send the pricing first?',
      refId: '<l2@acme>',
    });
    const link = printed.map((l) => /Sign in as Alex Morgan .*?(http:\/\/\S+)/.exec(l)?.[1]).find(Boolean)!;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/queue$/);

    // The queue: "Needs your reply" comes before the drafts, with her words and the overdue reminder.
    const headings = await page.getByRole('heading').allTextContents();
    expect(headings[0]).toMatch(/^Needs your reply/);
    expect(headings.findIndex((h) => h.startsWith('Waiting for you'))).toBeGreaterThan(0);
    const section = page.locator('section.needs-reply');
    expect(await section.locator('blockquote').textContent()).toBe('Can you send the pricing first?');
    expect(await section.textContent()).toContain('still no answer from you');

    // Her page: log a voicemail with a note, then set a next step in words.
    await section.getByRole('link', { name: 'Linda Park' }).click();
    await page.getByLabel(/Log a call with Linda/).fill('left my number');
    await page.getByRole('button', { name: 'Left a voicemail' }).click();
    await page.waitForURL(/done=call-logged/);
    expect(await page.locator('ol.timeline').textContent()).toMatch(/Left a voicemail for Linda Park .*: left my number/);
    await page.locator('summary', { hasText: 'Set the next step' }).click();
    await page.getByLabel('What you will do').fill('send the pricing');
    await page.getByLabel(/^When/).fill('tomorrow 10am');
    await page.getByRole('button', { name: 'Set the next step' }).click();
    await page.waitForURL(/done=next-set/);
    // Alex works in New York: "tomorrow 10am" on Tuesday 11 March is Wednesday 12 March, 10:00 there.
    expect(await page.locator('dl.facts').textContent()).toMatch(/send the pricing, due 2025-03-12 10:00/);
    expect(await page.locator('.prevent').textContent()).toContain('Next step set by you');
    const calls = (await ws.runtime.store.listAttempts(ws.linda.id)).filter((a) => a.kind === 'call');
    expect(calls.map((c) => c.outcome)).toEqual(['voicemail']);

    // Suppressions: add one, lift it with a reason; the removal is recorded.
    await page.getByRole('link', { name: 'Suppressions' }).click();
    await page.locator('summary', { hasText: 'Suppress an address' }).click();
    await page.getByLabel('Address').fill('old@acme.example');
    await page.getByLabel('Why', { exact: true }).fill('asked by phone');
    await page.getByRole('button', { name: 'Suppress' }).click();
    await page.waitForURL(/done=suppressed/);
    expect(await page.locator('table').textContent()).toContain('old@acme.example');
    await page.getByLabel(/Why may they be emailed again/).fill('wrote back asking for the newsletter');
    await page.getByRole('button', { name: 'Lift' }).click();
    await page.waitForURL(/done=lifted/);
    expect(await page.getByRole('heading', { name: 'Lifted' }).isVisible()).toBe(true);
    expect(await page.locator('main').textContent()).toContain('wrote back asking for the newsletter');
    expect(await ws.runtime.store.isSuppressed('old@acme.example')).toBe(false);
    expect((await ws.runtime.store.listSuppressionRemovals()).map((r) => r.reason)).toEqual(['wrote back asking for the newsletter']);
    await context.close();
  }, 60_000);
});
