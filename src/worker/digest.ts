import { DateTime } from 'luxon';
import { approveLink, APPROVE_LINK_TTL_MS, trimSlash } from '../security/tokens.js';
import { stableId } from '../domain/ids.js';
import type { Draft, OutboxItem, Prospect } from '../domain/types.js';
import { firstName } from '../domain/names.js';
import { spellInstant } from '../templates/context.js';
import type { DraftStore, OutboxStore, ProspectStore } from '../ports/store.js';
import type { AccountRuntime, TickSummary, WorkerContext } from './context.js';
import { prospectsOf } from './context.js';

type DigestStore = DraftStore & ProspectStore & OutboxStore;

/** The daily digest goes with the first run at or after this hour, in the rep's zone. */
export const DIGEST_HOUR = 8;
/** Templates that need the rep now: the prospect named a time that must be confirmed. */
export const URGENT_TEMPLATES: readonly string[] = ['confirm-time'];
const MAX_LISTED = 25;

export interface DigestOptions {
  /** Public address of the approval pages (config.web.baseUrl). */
  baseUrl: string;
  /** FOLLOWUP_WEB_SECRET: signs the one-click approve links. */
  secret: string;
  /** The digest's From address (config.web.from); the rep's own address when absent. */
  from?: string | undefined;
}

/**
 * Emails each rep the drafts waiting for them, with one-click approve links (signed, single use,
 * 48 hours; the link opens a confirm page and the button approves, so mail scanners that
 * prefetch links approve nothing). Sent once a day with the first run at or after 08:00 in the
 * rep's zone, and at once for each urgent draft. Nothing pending, no digest.
 *
 * Exactly once: the digest is an outbox row with a stable id (rep + day, or rep + urgent draft),
 * and enqueueOutbox is idempotent on it, so overlapping or repeated runs add nothing; the normal
 * send step delivers it through the rep's own mailbox.
 */
export async function sendDigests(ctx: WorkerContext<DigestStore>, summary: TickSummary, options: DigestOptions): Promise<void> {
  for (const rt of ctx.accounts) {
    try {
      const mine = new Set(prospectsOf(ctx, rt.account.id).map((p) => p.email.toLowerCase()));
      await digestFor(ctx, rt, options, {
        needsReply: summary.needsReply.filter((n) => mine.has(n.prospectEmail.toLowerCase())),
        unconfirmed: summary.unconfirmed.filter((u) => mine.has(u.prospectEmail.toLowerCase())),
      });
    } catch (err) {
      summary.problems.push({ where: `${rt.account.id} digest`, message: (err as Error).message });
    }
  }
}

/** Issue 15: replies waiting for the rep and unconfirmed meetings, listed first in the digest. */
export interface DigestWarnings {
  needsReply: TickSummary['needsReply'];
  unconfirmed: TickSummary['unconfirmed'];
}

async function digestFor(ctx: WorkerContext<DigestStore>, rt: AccountRuntime, options: DigestOptions, warnings: DigestWarnings): Promise<void> {
  const { store, now } = ctx;
  const rep = rt.account;
  const pending = (await store.listDrafts({ accountId: rep.id, status: 'pending' })).sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime());
  if (pending.length === 0 && warnings.needsReply.length === 0) return;
  const prospects = new Map<string, Prospect>();
  for (const d of pending) {
    if (prospects.has(d.prospectId)) continue;
    const p = await store.getProspect(d.prospectId);
    if (p) prospects.set(p.id, p);
  }

  const wanted: { id: string; urgent: Draft | null }[] = [];
  for (const d of pending.filter((x) => URGENT_TEMPLATES.includes(x.template))) {
    wanted.push({ id: stableId('ob', 'digest-urgent', rep.id, d.id), urgent: d });
  }
  const local = DateTime.fromJSDate(now, { zone: rep.timeZone });
  if (local.hour >= DIGEST_HOUR) wanted.push({ id: stableId('ob', 'digest', rep.id, local.toISODate() ?? ''), urgent: null });

  for (const w of wanted) {
    if (await store.getOutbox(w.id)) continue;
    const email = composeDigest({ rt, drafts: pending, prospects, urgent: w.urgent, now, options, warnings });
    const domain = rep.email.split('@')[1] ?? 'followup.local';
    const item: OutboxItem = {
      id: w.id,
      draftId: null,
      accountId: rep.id,
      prospectId: null,
      messageId: `<digest.${w.id}@${domain}>`,
      from: email.from,
      to: rep.email,
      subject: email.subject,
      text: email.text,
      html: null,
      thread: { references: [] },
      attachments: [],
      status: 'approved',
      attempts: 0,
      notBefore: now,
      createdAt: now,
    };
    if (await store.enqueueOutbox(item)) ctx.logger.info({ account: rep.id, urgent: w.urgent !== null, drafts: pending.length }, 'digest queued');
  }
}

/** One line, safe for a Subject header. */
function oneLine(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ').trim();
}

export function composeDigest(input: {
  rt: AccountRuntime;
  drafts: Draft[];
  prospects: Map<string, Prospect>;
  urgent: Draft | null;
  now: Date;
  options: DigestOptions;
  warnings?: DigestWarnings;
}): { from: { email: string; name: string }; subject: string; text: string } {
  const { rt, now, urgent } = input;
  const rep = rt.account;
  const base = trimSlash(input.options.baseUrl);
  const nameOf = (d: Draft) => input.prospects.get(d.prospectId)?.name ?? d.to;
  const ordered = urgent ? [urgent, ...input.drafts.filter((d) => d.id !== urgent.id)] : input.drafts;
  const listed = ordered.slice(0, MAX_LISTED);
  const count = input.drafts.length;
  const plural = count === 1 ? 'follow-up is' : 'follow-ups are';

  const lines: string[] = [`Hi ${firstName(rep.name)},`, ''];
  if (urgent) {
    lines.push(`${nameOf(urgent)} replied with a time that needs your confirmation before it is booked.`, '');
  }
  const waiting = input.warnings?.needsReply ?? [];
  if (waiting.length > 0) {
    lines.push(`${waiting.length === 1 ? '1 reply needs' : `${waiting.length} replies need`} your own answer (their follow-ups wait until you write):`, '');
    for (const n of waiting.slice(0, MAX_LISTED)) {
      lines.push(`- ${oneLine(n.name)} ${n.why} on ${spellInstant(n.at, rep.timeZone)}: "${oneLine(n.words)}"${n.remind ? ' (still no answer from you)' : ''}`);
    }
    lines.push('');
  }
  const unconfirmed = input.warnings?.unconfirmed ?? [];
  if (unconfirmed.length > 0) {
    lines.push('Meetings not confirmed yet:', ...unconfirmed.map((u) => `- ${oneLine(u.detail)}`), '');
  }
  if (count > 0) lines.push(`${count} ${plural} waiting for your approval:`, '');
  listed.forEach((d, i) => {
    const p = input.prospects.get(d.prospectId);
    const goes = d.sendAt < now ? now : d.sendAt;
    const link = approveLink({ baseUrl: base, secret: input.options.secret, accountId: rep.id, draftId: d.id, now });
    lines.push(`${i + 1}. ${oneLine(nameOf(d))}${p?.company ? ` (${oneLine(p.company)})` : ''}: "${oneLine(d.subject)}"`);
    lines.push(`   Why: ${oneLine(d.reason)}`);
    const evidence = d.evidence[0]?.detail;
    if (evidence) lines.push(`   ${oneLine(evidence)}`);
    const theirs = p && p.timeZone !== rep.timeZone ? `; ${spellInstant(goes, p.timeZone)} for ${firstName(p.name)}` : '';
    lines.push(`   Goes out: ${d.sendAt < now ? 'as soon as approved, ' : ''}${spellInstant(goes, rep.timeZone)}${theirs}`);
    lines.push(`   Approve as it is: ${link.url}`, '');
  });
  if (ordered.length > listed.length) lines.push(`...and ${ordered.length - listed.length} more in the queue.`, '');
  lines.push(`Read, edit, reject or reschedule them: ${base}/queue`, '');
  lines.push(
    `Approve links work once and expire ${spellInstant(new Date(now.getTime() + APPROVE_LINK_TTL_MS), rep.timeZone)}. ` +
      'Each opens a page where you confirm before anything is approved.',
  );

  const subject = urgent
    ? `${oneLine(nameOf(urgent))} named a time: please confirm`
    : waiting.length > 0
      ? `${waiting.length === 1 ? `${oneLine(waiting[0]!.name)} waits` : `${waiting.length} prospects wait`} for your reply${count > 0 ? `; ${count} ${count === 1 ? 'follow-up' : 'follow-ups'} to approve` : ''}`
      : `${count} ${count === 1 ? 'follow-up' : 'follow-ups'} waiting for your approval`;
  return { from: { email: input.options.from ?? rep.email, name: 'followup' }, subject, text: `${lines.join('\n')}\n` };
}
