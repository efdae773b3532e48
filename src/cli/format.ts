import type { Draft } from '../domain/types.js';
import type { TickSummary } from '../worker/context.js';
import { formatWithZone } from '../domain/zone-label.js';

export function when(d: Date, zone: string): string {
  return formatWithZone(d, zone, 'ccc d LLL, h:mm a');
}

/** What happened to a draft, one line per step, for `drafts show`. */
export function draftHistory(d: Draft, zone: string): string[] {
  const lines: string[] = [];
  if (d.editedBy && d.editedAt) lines.push(`Edited:   by ${d.editedBy}, ${when(d.editedAt, zone)}`);
  if (d.autoApproved) lines.push('Approved: automatically (the template says approval: auto)');
  else if (d.approvedBy && d.approvedAt) lines.push(`Approved: by ${d.approvedBy}, ${when(d.approvedAt, zone)}`);
  if (d.status === 'rejected') {
    const who = d.rejectedBy ? ` by ${d.rejectedBy}` : '';
    const at = d.rejectedAt ? `, ${when(d.rejectedAt, zone)}` : '';
    lines.push(`Rejected:${who}${at}${d.rejectedReason ? `: ${d.rejectedReason}` : ''}`);
  }
  if (d.sendAtByRep) lines.push('Send time: set by hand; it stands even outside the prospect\'s business hours');
  if (d.status === 'cancelled') lines.push(`Withdrawn: ${d.cancelledReason ?? 'by the worker'}`);
  return lines;
}

/** The readable summary of one tick: what was detected, drafted, sent and booked. */
export function formatSummary(s: TickSummary, zone: string): string {
  if (s.skippedBecause) return `Nothing done: ${s.skippedBecause}`;
  const out: string[] = [];
  const section = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    out.push(`${title}`, ...lines.map((l) => `  - ${l}`), '');
  };
  // Issue 15: what waits for the rep's own answer comes first, then what could go wrong.
  section('Needs your reply', (s.needsReply ?? []).map((n) => `${n.name} <${n.prospectEmail}> ${n.why} on ${when(n.at, zone)}: "${n.words}"${n.remind ? ' (reminder: still no answer from you)' : ''}`));
  section('Before it goes wrong', (s.unconfirmed ?? []).map((u) => `${u.prospectEmail}: ${u.detail}`));
  section('Call holds', (s.callHolds ?? []).map((c) => `${c.prospectEmail}: ${c.placed} placed, ${c.removed} removed. ${c.detail}`));
  const synced = s.synced.map((x) => `${x.accountId}: calendar ${x.calendar}: ${x.upserted} events${x.full ? ' (full sync)' : ''}, ${x.deleted} removed`);
  section('Synced', [...synced, `${s.messagesRead} message(s) from tracked prospects read`]);
  section('Replies', s.replies.map((r) => `${r.prospectEmail}: ${r.kind} → ${r.action}`));
  section('Detected', s.detected.map((d) => `${d.prospectEmail}: "${d.meetingTitle}" ${d.outcome}${d.evidence[0] ? ` (${d.evidence[0]})` : ''}`));
  section('Booked', s.booked.map((b) => `${b.prospectEmail}: ${when(b.start, b.timeZone)} (their time), invite sent`));
  section(
    'Drafted',
    s.drafted.map((d) => `${d.prospectEmail}: ${d.template} [${d.status}], goes out ${when(d.sendAt, zone)}: ${d.reason}`),
  );
  section('Sent', [...s.sent.map((m) => `${m.to}: "${m.subject}"`), ...s.notes]);
  section('Withdrawn (not sent)', s.withdrawn.map((w) => `${w.prospectEmail}: ${w.template}: ${w.detail}`));
  section('Held for later', s.held.map((h) => `${h.prospectEmail}: "${h.subject}": ${h.detail}`));
  section('No email now', s.quiet.map((q) => `${q.prospectEmail}: ${q.reason}: ${q.detail}`));
  section('Needs your attention', s.alerts);
  section('Problems (skipped, the rest went on)', s.problems.map((p) => `${p.where}: ${p.message}`));
  if (out.length === 0) out.push('Nothing to do: everything is up to date.');
  return out.join('\n').trimEnd();
}

export function draftJson(d: Draft, prospectEmail: string) {
  return {
    id: d.id,
    prospectEmail,
    to: d.to,
    template: d.template,
    subject: d.subject,
    text: d.text,
    status: d.status,
    sendAt: d.sendAt.toISOString(),
    reason: d.reason,
    evidence: d.evidence,
    approvedBy: d.approvedBy ?? null,
    approvedAt: d.approvedAt?.toISOString() ?? null,
    editedBy: d.editedBy ?? null,
    editedAt: d.editedAt?.toISOString() ?? null,
    rejectedBy: d.rejectedBy ?? null,
    rejectedAt: d.rejectedAt?.toISOString() ?? null,
    rejectedReason: d.rejectedReason ?? null,
    cancelledReason: d.cancelledReason ?? null,
    sendAtByRep: d.sendAtByRep ?? false,
    createdAt: d.createdAt.toISOString(),
  };
}
