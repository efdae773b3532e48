import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/app/runtime.js';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { seedLocalWorkspace } from '../../src/demo/seed-local.js';
import { silentLogger } from '../../src/log.js';
import { ProviderError } from '../../src/ports/errors.js';
import type { WorkerContext } from '../../src/worker/context.js';
import { approveDraft } from '../../src/worker/drafts.js';
import { runTick } from '../../src/worker/tick.js';

// Monday 23 Nov 2026, 15:00 UTC: the demo, where Omar's out-of-office reply waits in the Maildir.
const NOW = new Date('2026-11-23T15:00:00Z');
const HOUR = 3_600_000;
const REP = { name: 'Alex Morgan', email: 'alex@northwind.example' };

describe('no new drafts for an account whose mailbox this run could not read', () => {
  let dir: string;
  let rt: Runtime;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'followup-mail-unread-'));
    rt = await openRuntime({ config: seedLocalWorkspace(dir, buildDemoScenario(NOW)), logger: silentLogger() });
  });
  afterEach(async () => {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A context whose mailbox read fails (the IMAP/Maildir read, as a transient provider error) when `broken`. */
  async function context(now: Date, broken: boolean): Promise<WorkerContext> {
    const ctx = await rt.context(now);
    if (!broken) return ctx;
    const art = ctx.accounts[0]!;
    const mailbox = {
      ...art.providers!.mailbox!,
      fetchNew: async () => {
        throw new ProviderError({ code: 'TRANSIENT', where: 'mailbox', message: 'the mail server did not answer' });
      },
    };
    return { ...ctx, accounts: [{ ...art, providers: { ...art.providers!, mailbox } }] };
  }

  async function templatesOf(email: string): Promise<string[]> {
    const p = (await rt.store.findProspectByEmail(email))!;
    return (await rt.store.listDrafts({ prospectId: p.id })).map((d) => d.template);
  }

  it('drafts nothing (Omar is not followed up while his out-of-office is unread), says so once, and drafts once mail reads again', async () => {
    const failing = await runTick(await context(NOW, true));
    expect(failing.problems.map((p) => p.where)).toContain('alex mailbox');
    expect(failing.drafted).toEqual([]);
    expect(await rt.store.listDrafts({})).toEqual([]);
    const said = failing.alerts.filter((a) => a.includes('no new drafts'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^alex: no new drafts for its prospects this run, because its mailbox could not be read \(.*did not answer.*\)/);

    // The mailbox reads again: Omar's out-of-office pauses him, the others are drafted as usual.
    const healthy = await runTick(await context(new Date(NOW.getTime() + HOUR / 6), false));
    expect(healthy.alerts.filter((a) => a.includes('no new drafts'))).toEqual([]);
    expect(await templatesOf('omar@stark.example')).toEqual([]);
    expect((await rt.store.findProspectByEmail('omar@stark.example'))?.status).toBe('paused');
    expect(await templatesOf('tom@globex.example')).toEqual(['follow-up']);
    expect(await templatesOf('linda@acme.example')).toEqual(['missed-nudge-1']);
  });

  it('still sends what the rep approved, through the send gate, in a run whose mailbox read failed', async () => {
    await runTick(await context(NOW, false));
    const linda = (await rt.store.listDrafts({ status: 'pending' })).find((d) => d.template === 'missed-nudge-1')!;
    await approveDraft({ store: rt.store, now: NOW }, { draftId: linda.id, by: 'test', rep: REP });
    const draftsBefore = (await rt.store.listDrafts({})).length;

    // A week on, the mailbox fails: Linda's approved nudge goes out, nothing new is drafted.
    const later = new Date(NOW.getTime() + 7 * 24 * HOUR);
    const summary = await runTick(await context(later, true));
    expect(summary.sent.map((s) => s.to)).toEqual(['linda@acme.example']);
    expect(summary.drafted).toEqual([]);
    expect((await rt.store.listDrafts({})).length).toBe(draftsBefore);
    expect(summary.alerts.filter((a) => a.includes('no new drafts'))).toHaveLength(1);
  });
});
