import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/app/runtime.js';
import { loadConfig } from '../../src/config.js';
import { startWebServer } from '../../src/http/server.js';
import { createLogger } from '../../src/log.js';
import { main } from '../../src/cli/main.js';
import { makeWorkspace, NOW, SECRET, type Workspace } from './workspace.js';

/**
 * An admin ends a rep's sessions, on every replica: two `serve` processes' worth of web servers
 * (two runtimes on one SQLite store, one web secret) in Debian's chromium through playwright-core.
 * Alex signs in on replica 1; Ada (admin) presses "End sessions" on replica 2's accounts page;
 * Alex's next page on replica 1 asks him to sign in again. Then the CLI: `sessions list --json`
 * and `sessions revoke <email>` on the same store. Chromium must be there: the test fails otherwise.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('ending a rep\'s sessions (admin page and CLI)', () => {
  let browser: Browser;
  let ws: Workspace;
  let second: Runtime;
  const stops: (() => Promise<void>)[] = [];
  const printed: string[][] = [[], []];

  beforeAll(async () => {
    try {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
    } catch (err) {
      throw new Error(`Chromium could not start from ${CHROMIUM} (${(err as Error).message.split('\n')[0]}). Install it: apt-get install -y chromium, or set CHROMIUM_PATH.`);
    }
    ws = await makeWorkspace({ now: NOW, env: { FOLLOWUP_WEB_SECRET: SECRET } });
    second = await openRuntime({ config: loadConfig(join(ws.dir, 'followup.yaml'), { FOLLOWUP_WEB_SECRET: SECRET } as NodeJS.ProcessEnv), logger: createLogger({ level: 'silent' }) });
    stops.push(await startWebServer(ws.runtime, { print: (line) => printed[0]!.push(line), port: 0, now: () => NOW, printLinks: true }));
    stops.push(await startWebServer(second, { print: (line) => printed[1]!.push(line), port: 0, now: () => NOW, printLinks: true }));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    for (const stop of stops) await stop();
    await second?.close();
    await ws?.close();
  });

  const link = (replica: 0 | 1, name: string) => {
    const url = printed[replica]!.map((l) => new RegExp(`Sign in as ${name} .*?(http://\\S+)`).exec(l)?.[1]).find(Boolean);
    if (!url) throw new Error(`no sign-in link for ${name} in:\n${printed[replica]!.join('\n')}`);
    return url;
  };
  const signIn = async (page: Page, url: string) => {
    await page.goto(url);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/queue$/);
  };

  it('Ada ends Alex\'s sessions from the accounts page of another replica; Alex must sign in again there; Ada stays signed in', async () => {
    const alex = await (await browser.newContext()).newPage();
    await signIn(alex, link(0, 'Alex Morgan'));
    const ada = await (await browser.newContext()).newPage();
    await signIn(ada, link(1, 'Ada Admin'));

    const accounts = new URL('/accounts', ada.url()).toString();
    await ada.goto(accounts);
    const alexCard = ada.locator('section', { has: ada.getByRole('heading', { name: /Alex Morgan/ }) });
    expect(await alexCard.getByText(/Signed in on the web: 1 session/).count()).toBe(1);
    // A rep sees no such button (only an admin ends sessions).
    await alex.goto(new URL('/accounts', alex.url()).toString());
    expect(await alex.getByRole('button', { name: /End sessions/ }).count()).toBe(0);

    await alexCard.getByRole('button', { name: 'End sessions of Alex Morgan' }).click();
    await ada.waitForURL(/\/accounts\?ended=alex&n=1$/);
    expect(await ada.getByRole('status').textContent()).toBe('Ended 1 session of Alex Morgan (alex); they must sign in again.');
    expect(await ada.locator('section', { has: ada.getByRole('heading', { name: /Alex Morgan/ }) }).getByText(/Signed in on the web: 0 sessions/).count()).toBe(1);

    // Replica 1 never heard of it, but the store did: Alex's next page is the sign-in page.
    await alex.goto(new URL('/queue', alex.url()).toString());
    await alex.waitForURL(/\/login/);
    expect(await alex.getByRole('heading', { level: 1 }).textContent()).toContain('Sign in');
    await ada.goto(new URL('/queue', ada.url()).toString());
    expect(ada.url()).toMatch(/\/queue$/);

    // With Ada's cookie but without the page's CSRF token, or from another site's page: refused, nothing ends.
    const endAda = new URL('/accounts/ada/sessions/end', ada.url()).toString();
    const noToken = await ada.request.post(endAda, { form: { csrf: 'x' }, maxRedirects: 0 });
    expect(noToken.status()).toBe(403);
    const csrf = await ada.locator('input[name=csrf]').first().inputValue();
    const otherSite = await ada.request.post(endAda, { form: { csrf }, headers: { origin: 'https://elsewhere.example' }, maxRedirects: 0 });
    expect(otherSite.status()).toBe(403);
    expect(await otherSite.text()).toMatch(/another site/);
    expect((await ws.runtime.store.listLiveSessions(NOW, 'ada')).length).toBe(1);
  }, 120_000);

  it('the CLI lists live sessions as JSON and revokes every session of a rep by address', async () => {
    const bea = await (await browser.newContext()).newPage();
    await signIn(bea, link(0, 'Bea Quinn'));
    const out: string[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => void out.push(args.join(' '));
    const cli = async (...args: string[]) => {
      out.length = 0;
      const code = await main(['--config', join(ws.dir, 'followup.yaml'), '--now', NOW.toISOString(), ...args]);
      return { code, text: out.join('\n') };
    };
    try {
      const listed = await cli('sessions', 'list', '--json');
      expect(listed.code).toBe(0);
      const rows = JSON.parse(listed.text) as { session: string; accountId: string; email: string; expiresAt: string }[];
      expect(rows.map((r) => r.accountId).sort()).toEqual(['ada', 'bea']);
      expect(rows.find((r) => r.accountId === 'bea')).toMatchObject({ email: 'bea@northwind.example', expiresAt: new Date(NOW.getTime() + 12 * 3_600_000).toISOString() });
      expect(rows.every((r) => r.session.length === 8)).toBe(true); // never the whole session id

      const revoked = await cli('sessions', 'revoke', 'BEA@northwind.example');
      expect(revoked).toEqual({ code: 0, text: 'Ended 1 session of Bea Quinn <bea@northwind.example> (bea); they must sign in again.' });
      expect(JSON.parse((await cli('sessions', 'list', '--json')).text).map((r: { accountId: string }) => r.accountId)).toEqual(['ada']);
      await bea.goto(new URL('/queue', bea.url()).toString());
      await bea.waitForURL(/\/login/);

      const unknown = await cli('sessions', 'revoke', 'nobody@example.com');
      expect(unknown.code).toBe(1);
    } finally {
      console.log = log;
    }
  }, 120_000);
});
