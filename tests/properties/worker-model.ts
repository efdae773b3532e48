/**
 * A timeline run through the real worker: a local workspace (an .ics folder, a Maildir, the local
 * provider sending into a Maildir outbox) on a temporary SQLite file, ticks at the timeline's
 * instants, the rep's commands as the CLI calls them, and restarts that reopen everything.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { openRuntime, type Runtime } from '../../src/app/runtime.js';
import { DEMO_REP } from '../../src/demo/build-scenario.js';
import { eventToIcs, seedLocalWorkspace } from '../../src/demo/seed-local.js';
import { DEFAULT_POLICY } from '../../src/domain/policy.js';
import { silentLogger } from '../../src/log.js';
import { approveDraft, editDraft, rejectDraft } from '../../src/worker/drafts.js';
import { markMeeting } from '../../src/worker/meetings.js';
import { runTick } from '../../src/worker/tick.js';
import type { History } from './invariants.js';
import { instant, withTail, type GenReplyKind, type Timeline, type TimelineEvent } from './timeline.js';

const PROSPECT = 'linda@acme.example';
const ALIAS = 'l.park@acme-mail.example';
const REP = { name: DEMO_REP.name, email: DEMO_REP.email };
const PARTSTAT = { missed: 'needs_action', held: 'accepted', unknown: 'tentative' } as const;

function rfc2822(d: Date): string {
  return DateTime.fromJSDate(d, { zone: 'UTC' }).setLocale('en-US').toFormat("ccc, dd LLL yyyy HH:mm:ss '+0000'");
}

function replyMessage(kind: GenReplyKind, from: string, at: Date, zone: string, n: number, inReplyTo: string | null): string {
  const back = DateTime.fromJSDate(at, { zone }).plus({ days: 3 }).setLocale('en-GB').toFormat('cccc d LLLL yyyy');
  const bodies: Record<GenReplyKind, string> = {
    other: 'Thanks, I will talk to my team and get back to you.',
    proposal: 'How about Thursday at 2pm?',
    vague: 'Sometime next week would work for a call.',
    decline: 'Thanks, but we are not interested.',
    optout: 'Please remove me from your list.',
    ooo: `I am out of the office until ${back} with limited access to email.`,
    bounce: 'This is the mail system. Your message could not be delivered to one or more recipients.\n\n<linda@acme.example>: mailbox unavailable',
  };
  const headers = [
    kind === 'bounce' ? 'From: Mail Delivery System <MAILER-DAEMON@mx.acme.example>' : `From: Linda Park <${from}>`,
    `To: ${REP.name} <${REP.email}>`,
    `Subject: ${kind === 'bounce' ? 'Undelivered Mail Returned to Sender' : kind === 'ooo' ? 'Automatic reply: Out of office' : 'Re: Our call'}`,
    `Date: ${rfc2822(at)}`,
    `Message-ID: <reply-${n}@acme.example>`,
    ...(inReplyTo ? [`In-Reply-To: ${inReplyTo}`, `References: ${inReplyTo}`] : []),
    ...(kind === 'ooo' ? ['Auto-Submitted: auto-replied'] : []),
    ...(kind === 'bounce' ? ['Auto-Submitted: auto-replied'] : []),
    'Content-Type: text/plain; charset=utf-8',
  ];
  return [...headers, '', bodies[kind], ''].join('\r\n');
}

export interface WorkerRun {
  history: History;
  ticks: number;
}

/** Runs a timeline through the real worker; `tail`: ticks appended after it (every 5 hours). */
export async function runOnWorker(t: Timeline, tail = 10): Promise<WorkerRun> {
  const dir = mkdtempSync(join(tmpdir(), 'followup-timeline-'));
  const base = instant(t, 0);
  const config = seedLocalWorkspace(dir, {
    now: base,
    rep: DEMO_REP,
    prospects: [{ email: PROSPECT, name: 'Linda Park', company: 'Acme', timeZone: t.zone, ...(t.nextStepDue === null ? {} : { nextStep: { what: 'send the pilot plan', due: instant(t, t.nextStepDue).toISOString() } }) }],
    events: [],
    messages: [],
  });
  writeFileSync(config, `${readFileSync(config, 'utf8')}policy:\n  maxEmailsPerWeek: ${t.cap}\n`);
  const policy = { ...DEFAULT_POLICY, maxEmailsPerWeek: t.cap };
  const history: History = { zone: t.zone, policy, sent: [], replies: [], stops: [], marks: [] };
  let rt: Runtime = await openRuntime({ config, logger: silentLogger() });
  let ticks = 0;
  let meetings = 0;
  let replies = 0;
  const events: TimelineEvent[] = withTail(t, tail);
  try {
    for (const e of events) {
      const at = instant(t, e.at);
      const pending = async () => (await rt.store.listDrafts({ status: 'pending' })).sort((a, b) => (a.id < b.id ? -1 : 1));
      switch (e.kind) {
        case 'meeting': {
          const id = `m${meetings++}`;
          const start = at;
          writeFileSync(
            join(dir, 'calendar', `${id}.ics`),
            eventToIcs({
              id, calendarId: 'local', title: 'Acme / Northwind call', start, end: new Date(start.getTime() + 30 * 60_000), status: 'confirmed', organizerEmail: REP.email, categories: [],
              attendees: [{ email: REP.email, name: REP.name, response: 'accepted', organizer: true }, { email: PROSPECT, name: 'Linda Park', response: PARTSTAT[e.outcome] }],
            }),
          );
          break;
        }
        case 'mark': {
          const known = (await rt.store.listMeetings({})).sort((a, b) => a.start.getTime() - b.start.getTime());
          const m = known[e.meeting % Math.max(1, known.length)];
          if (!m || m.end > at) break;
          await markMeeting({ store: rt.store, now: at, policy }, { meetingId: m.id, outcome: e.outcome, by: 'rep (cli)' });
          history.marks.push({ meetingId: m.id, outcome: e.outcome, at });
          break;
        }
        case 'reply': {
          const lastSent = (await rt.store.listOutbox({ status: 'sent' })).filter((o) => o.prospectId).sort((a, b) => a.sentAt!.getTime() - b.sentAt!.getTime()).at(-1);
          const from = e.from === 'alias' ? ALIAS : PROSPECT;
          const n = replies++;
          writeFileSync(join(dir, 'mail', 'inbox', 'new', `${at.getTime()}.r${n}.timeline:2,`), replyMessage(e.reply, from, at, t.zone, n, lastSent?.messageId ?? null));
          break;
        }
        case 'approve': {
          const list = await pending();
          const chosen = e.pick >= 12 ? list : [list[e.pick % Math.max(1, list.length)]];
          for (const d of chosen) if (d) await approveDraft({ store: rt.store, now: at }, { draftId: d.id, by: 'rep (cli)', rep: REP });
          break;
        }
        case 'edit': {
          const list = await pending();
          const d = list[e.pick % Math.max(1, list.length)];
          if (d) await editDraft({ store: rt.store, now: at }, { draftId: d.id, by: 'rep (cli)', sendAt: new Date(at.getTime() + e.sendInMinutes * 60_000), sendAtByRep: true });
          break;
        }
        case 'snooze': {
          const list = await pending();
          const d = list[e.pick % Math.max(1, list.length)];
          if (d) await editDraft({ store: rt.store, now: at }, { draftId: d.id, by: 'rep (web)', sendAt: new Date(Math.max(d.sendAt.getTime(), at.getTime()) + 86_400_000) });
          break;
        }
        case 'reject': {
          const list = await pending();
          const d = list[e.pick % Math.max(1, list.length)];
          if (d) await rejectDraft({ store: rt.store, now: at }, { draftId: d.id, by: 'rep (cli)', reason: 'not now' });
          break;
        }
        case 'tick':
          await runTick(await rt.context(at));
          ticks++;
          break;
        case 'restart':
          await rt.close();
          rt = await openRuntime({ config, logger: silentLogger() });
          break;
      }
    }
    // What happened, as the store tells it.
    const prospect = (await rt.store.findProspectByEmail(PROSPECT))!;
    for (const o of await rt.store.listOutbox({ status: 'sent' })) {
      const d = o.draftId ? await rt.store.getDraft(o.draftId) : null;
      if (!d) continue;
      history.sent.push({
        draftId: d.id, reasonKey: d.reasonKey, template: d.template, toProspect: o.prospectId !== null, at: o.sentAt!,
        createdAt: d.createdAt, approvedAt: d.approvedAt ?? null, repSetTime: d.sendAtByRep ? d.sendAt : null,
      });
    }
    for (const m of await rt.store.listMessages(prospect.id)) {
      if (m.direction === 'in' && m.replyKind) history.replies.push({ knownAt: m.recordedAt ?? m.at, kind: m.replyKind });
    }
    history.stops.push(...(await rt.store.listSuppressions()).map((s) => s.at));
    return { history, ticks };
  } finally {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
