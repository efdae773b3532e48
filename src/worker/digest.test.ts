import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stableId } from '../domain/ids.js';
import { verifyToken } from '../security/tokens.js';
import { makeWorkspace, SECRET, type Workspace } from '../../tests/web/workspace.js';
import { emptySummary } from './context.js';
import { sendDigests } from './digest.js';

const BASE = 'https://followup.example.com/';
const options = { baseUrl: BASE, secret: SECRET };

describe('sendDigests', () => {
  let ws: Workspace;
  beforeEach(async () => {
    ws = await makeWorkspace();
  });
  afterEach(async () => ws.close());

  async function run(iso: string) {
    const now = new Date(iso);
    const summary = emptySummary(now);
    await sendDigests(await ws.runtime.context(now), summary, options);
    expect(summary.problems).toEqual([]);
    return ws.runtime.store.listOutbox({});
  }

  it("waits for the rep's morning (08:00 in their zone) and sends once that day", async () => {
    // 06:30 in New York, 11:30 in Paris: only Bea's morning has come.
    let out = await run('2025-03-11T10:30:00Z');
    expect(out.map((o) => o.to)).toEqual(['bea@northwind.example']);
    out = await run('2025-03-11T12:05:00Z');
    expect(out.map((o) => o.to).sort()).toEqual(['alex@northwind.example', 'bea@northwind.example']);
    await run('2025-03-11T15:00:00Z');
    out = await run('2025-03-11T23:59:00Z');
    expect(out).toHaveLength(2);
    // Nothing for the admin, who has no pending drafts.
    expect(out.some((o) => o.to === 'ada@northwind.example')).toBe(false);
    // The next day: one more each.
    out = await run('2025-03-12T13:00:00Z');
    expect(out).toHaveLength(4);
  });

  it('lists the replies that need the rep first, then unconfirmed meetings, then the drafts (issue 15)', async () => {
    const now = new Date('2025-03-11T12:05:00Z');
    const summary = emptySummary(now);
    const ctx = await ws.runtime.context(now);
    const linda = ctx.prospectInputs.find((p) => p.email.startsWith('linda'))!;
    summary.needsReply.push({ prospectEmail: linda.email, name: linda.name, at: new Date('2025-03-11T11:00:00Z'), why: 'asked you for something', words: 'Can you send the pricing first?', remind: true });
    summary.unconfirmed.push({ prospectEmail: linda.email, meetingId: 'm1', detail: 'Linda has not answered the invite for Wed 12 Mar, 10:00 AM EDT.' });
    await sendDigests(ctx, summary, options);
    const alex = (await ws.runtime.store.listOutbox({})).find((o) => o.to === 'alex@northwind.example')!;
    expect(alex.subject).toBe('Linda Park waits for your reply; 2 follow-ups to approve');
    const text = alex.text;
    const reply = text.indexOf('Can you send the pricing first?');
    const meeting = text.indexOf('Meetings not confirmed yet');
    const drafts = text.indexOf('waiting for your approval');
    expect(reply).toBeGreaterThan(0);
    expect(reply).toBeLessThan(meeting);
    expect(meeting).toBeLessThan(drafts);
    expect(text).toContain('(still no answer from you)');
  });

  it('lists the pending drafts with signed single-use approve links and a link to the queue', async () => {
    const out = await run('2025-03-11T12:05:00Z');
    const alex = out.find((o) => o.to === 'alex@northwind.example')!;
    expect(alex.status).toBe('approved');
    expect(alex.prospectId).toBeNull();
    expect(alex.draftId).toBeNull();
    expect(alex.id).toBe(stableId('ob', 'digest', 'alex', '2025-03-11'));
    expect(alex.subject).toBe('2 follow-ups waiting for your approval');
    expect(alex.text).toContain('Linda Park (Acme): "Sorry we missed each other"');
    expect(alex.text).toContain("Why: Linda missed today's 8:30 AM call");
    expect(alex.text).toContain('for Priya');
    expect(alex.text).toContain('https://followup.example.com/queue');
    const links = [...alex.text.matchAll(/https:\/\/followup\.example\.com\/a\/([\w.-]+)/g)].map((m) => m[1]!);
    expect(links).toHaveLength(2);
    const claims = links.map((t) => verifyToken(SECRET, 'approve', t, new Date('2025-03-11T12:05:00Z')));
    expect(claims.map((c) => c.ok && c.claims.d).sort()).toEqual([ws.lindaDraft.id, ws.priyaDraft.id].sort());
    // Expires in 48 hours.
    expect(verifyToken(SECRET, 'approve', links[0]!, new Date('2025-03-13T12:04:00Z')).ok).toBe(true);
    expect(verifyToken(SECRET, 'approve', links[0]!, new Date('2025-03-13T12:06:00Z')).ok).toBe(false);
    expect(verifyToken('another-secret-0123456789abcdefghijkl', 'approve', links[0]!, new Date('2025-03-11T12:05:00Z')).ok).toBe(false);
  });

  it('sends nothing to a rep with nothing pending', async () => {
    for (const d of [ws.lindaDraft, ws.priyaDraft]) await ws.runtime.store.rejectDraft(d.id, { by: 'test', at: new Date(), reason: 'test' });
    const out = await run('2025-03-11T12:05:00Z');
    expect(out.map((o) => o.to)).toEqual(['bea@northwind.example']);
  });

  it('sends at once, and once, when a prospect named a time that needs confirming', async () => {
    await ws.runtime.store.insertDraft({
      ...ws.lindaDraft,
      id: 'dr_confirm',
      reasonKey: 'confirm-time:x',
      template: 'confirm-time',
      subject: 'Re: Tuesday?',
      reason: 'Linda named a time that could mean 2 things; confirm before booking.',
    });
    // 05:00 in New York: before the morning digest, but urgent.
    let out = await run('2025-03-11T09:00:00Z');
    const urgent = out.filter((o) => o.to === 'alex@northwind.example');
    expect(urgent).toHaveLength(1);
    expect(urgent[0]!.subject).toBe('Linda Park named a time: please confirm');
    expect(urgent[0]!.text.indexOf('Re: Tuesday?')).toBeLessThan(urgent[0]!.text.indexOf('Sorry we missed each other'));
    out = await run('2025-03-11T09:10:00Z');
    expect(out.filter((o) => o.to === 'alex@northwind.example')).toHaveLength(1);
    // The morning digest still comes.
    out = await run('2025-03-11T12:10:00Z');
    expect(out.filter((o) => o.to === 'alex@northwind.example')).toHaveLength(2);
  });
});
