import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { prepareProviderWorkspace } from '../../src/demo/run-provider-demo.js';
import { silentLogger } from '../../src/log.js';
import { runTick } from '../../src/worker/tick.js';

const NOW = new Date('2026-11-23T15:00:00Z');
const HOUR_MS = 3_600_000;

/**
 * approval: gmail-drafts / outlook-drafts: drafts wait in the rep's own Drafts folder; pressing Send
 * there is the approval. The worker records it and never sends it again; a draft whose prospect
 * replies first is removed from the folder.
 */
describe.each([
  ['google', 'gmail-drafts'],
  ['microsoft', 'outlook-drafts'],
] as const)('native drafts on %s', (provider, approval) => {
  it('puts drafts in the rep\'s Drafts folder, records the rep\'s Send, and removes a draft the prospect overtook', async () => {
    const dir = mkdtempSync(join(tmpdir(), `followup-native-${provider}-`));
    const scenario = buildDemoScenario(NOW);
    const ws = await prepareProviderWorkspace({ provider, dir, scenario, logger: silentLogger(), approval });
    try {
      const first = await runTick(await ws.runtime.context(NOW));
      expect(first.problems).toEqual([]);
      const pending = await ws.runtime.store.listDrafts({ status: 'pending' });
      const prospectBound = pending.filter((d) => d.to !== scenario.rep.email);
      expect(prospectBound.length).toBeGreaterThanOrEqual(5);
      expect(prospectBound.every((d) => d.nativeDraftId && d.messageId)).toBe(true);
      expect(ws.family.nativeDraftIds().sort()).toEqual(prospectBound.map((d) => d.nativeDraftId).sort());

      // The rep sends Tom's from the mail client.
      const tom = prospectBound.find((d) => d.to === 'tom@globex.example')!;
      await ws.family.sendNativeDraft(tom.nativeDraftId!);

      // Linda answers before her nudge goes out: the nudge is cancelled and leaves the Drafts folder.
      const linda = prospectBound.find((d) => d.to === 'linda@acme.example')!;
      const reply = [
        'From: Linda Park <linda@acme.example>',
        `To: ${scenario.rep.name} <${scenario.rep.email}>`,
        'Subject: Sorry about today',
        `Date: ${new Date(NOW.getTime() + HOUR_MS).toUTCString()}`,
        'Message-ID: <linda-reply@acme.example>',
        '',
        'Sorry, something came up. I will get back to you.',
        '',
      ].join('\r\n');
      await ws.family.deliverInbound(scenario.rep.email, reply);

      const later = new Date(NOW.getTime() + 2 * HOUR_MS);
      ws.clock.now = later;
      const second = await runTick(await ws.runtime.context(later));
      expect(second.problems).toEqual([]);
      expect((await ws.runtime.store.getDraft(tom.id))?.status).toBe('sent');
      expect(second.sent.map((s) => s.to)).toContain('tom@globex.example');
      expect((await ws.runtime.store.getDraft(linda.id))?.status).toBe('cancelled');
      expect(ws.family.nativeDraftIds()).not.toContain(linda.nativeDraftId);
      expect(ws.family.nativeDraftIds()).not.toContain(tom.nativeDraftId);

      // Tom's email exists once in Sent, and the worker's outbox never sent it.
      expect(ws.family.sentMessageIds().filter((id) => id === tom.messageId)).toHaveLength(1);
      expect((await ws.runtime.store.listOutbox({})).filter((o) => o.draftId === tom.id)).toHaveLength(0);
      const timeline = await ws.runtime.store.listAttempts(tom.prospectId);
      expect(timeline.some((a) => a.kind === 'email_sent')).toBe(true);
    } finally {
      await ws.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
