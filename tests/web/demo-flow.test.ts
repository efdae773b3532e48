import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/app/runtime.js';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { seedLocalWorkspace } from '../../src/demo/seed-local.js';
import type { Draft } from '../../src/domain/types.js';
import { createHttpApp } from '../../src/http/app.js';
import { approveLink, signInLink } from '../../src/security/tokens.js';
import { createLogger } from '../../src/log.js';
import { runTick } from '../../src/worker/tick.js';
import { Browser, SECRET } from './workspace.js';

/** The acceptance check, on the real demo workspace and the local provider. */
const NOW = new Date('2025-03-11T14:00:00Z');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('demo: approve Linda, edit Priya, tick', () => {
  let dir: string;
  let runtime: Runtime;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'followup-demo-web-'));
    runtime = await openRuntime({ config: seedLocalWorkspace(dir, buildDemoScenario(NOW)), logger: createLogger({ level: 'silent' }) });
    await runTick(await runtime.context(NOW));
  });
  afterEach(async () => {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends exactly the approved and the edited email, as edited; reused links and CSRF-less posts fail', async () => {
    let clock = new Date(NOW.getTime() + 5 * 60_000);
    const app = createHttpApp(runtime, { secret: SECRET, now: () => clock });
    const b = new Browser((path, init) => app.request(path, init));
    const pending = await runtime.store.listDrafts({ status: 'pending' });
    const by = (email: string, template: string) => pending.find((d) => d.to === email && d.template === template) as Draft;
    const linda = by('linda@acme.example', 'missed-nudge-1');
    const priya = by('priya@initech.example', 'follow-up-apology');
    expect(linda && priya).toBeTruthy();

    const link = new URL(signInLink({ baseUrl: 'http://127.0.0.1:8787', secret: SECRET, accountId: 'alex', now: clock }).url).pathname;
    const confirm = await b.page(link);
    expect((await b.request(link, { method: 'POST', form: { csrf: confirm.csrf } })).status).toBe(303);
    const queue = await b.page('/queue');
    expect(queue.html).toContain('Linda Park');
    expect(queue.html).toContain('Priya Shah');

    expect((await b.request(`/drafts/${linda.id}/approve`, { method: 'POST', form: {} })).status).toBe(403);
    expect((await b.request(`/drafts/${linda.id}/approve`, { method: 'POST', form: { csrf: queue.csrf } })).status).toBe(303);
    const edited = `${priya.text.trim()}\n\nP.S. The security review notes are in the proposal too.`;
    const edit = await b.request(`/drafts/${priya.id}/edit`, { method: 'POST', form: { csrf: queue.csrf, subject: priya.subject, text: edited.replace(/\n/g, '\r\n'), then: 'approve' } });
    expect(edit.status).toBe(303);

    // A digest link for Linda's draft, used after the page approved it: refused.
    const digestLink = new URL(approveLink({ baseUrl: 'http://x', secret: SECRET, accountId: 'alex', draftId: linda.id, now: NOW }).url).pathname;
    const reused = await b.request(digestLink, { method: 'POST', form: { csrf: queue.csrf } });
    expect(reused.status).toBe(409);

    clock = new Date(NOW.getTime() + 60 * 60_000);
    const summary = await runTick(await runtime.context(clock));
    expect(summary.sent.map((s) => s.to).sort()).toEqual(['linda@acme.example', 'priya@initech.example']);
    const toProspects = (await runtime.store.listOutbox({})).filter((o) => o.prospectId !== null);
    expect(toProspects.map((o) => `${o.to} ${o.status}`).sort()).toEqual(['linda@acme.example sent', 'priya@initech.example sent']);
    expect(toProspects.find((o) => o.to === 'priya@initech.example')!.text).toBe(edited);
    const written = filesUnder(join(dir, 'mail', 'outbox')).map((f) => readFileSync(f, 'utf8'));
    expect(written.some((raw) => raw.includes('P.S. The security review notes are in the proposal too.'))).toBe(true);

    // A second tick sends nothing more.
    const again = await runTick(await runtime.context(new Date(clock.getTime() + 60_000)));
    expect(again.sent).toEqual([]);
  });

  it("emails the sign-in link through the rep's own mailbox (the local provider's outgoing folder)", async () => {
    const app = createHttpApp(runtime, { secret: SECRET, now: () => NOW });
    const b = new Browser((path, init) => app.request(path, init));
    const { csrf } = await b.page('/login');
    expect((await b.request('/login', { method: 'POST', form: { email: 'Alex@Northwind.example', csrf } })).status).toBe(200);
    const mail = filesUnder(join(dir, 'mail', 'outbox'))
      .map((f) => readFileSync(f, 'utf8'))
      .find((raw) => raw.includes('sign-in link'));
    expect(mail).toBeTruthy();
    const url = /http:\/\/127\.0\.0\.1:8787(\/login\/[\w.-]+)/.exec(mail!.replace(/=\r?\n/g, ''))?.[1];
    expect(url).toBeTruthy();
    const confirm = await b.page(url!);
    expect((await b.request(url!, { method: 'POST', form: { csrf: confirm.csrf } })).status).toBe(303);
    expect((await b.page('/queue')).html).toContain('Waiting for you');
  });
});
