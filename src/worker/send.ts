import { stableId } from '../domain/ids.js';
import type { OutboxItem } from '../domain/types.js';
import { isProviderError } from '../ports/errors.js';
import { toOutgoing } from './outgoing.js';
import type { AccountRuntime, TickSummary, WorkerContext } from './context.js';
import { decideOnError, describeError, markDisconnected } from './error-policy.js';
import { gateDraft, loadGateTimeline, withdraw, nativeDrafts } from './gate.js';
import { rewordForSend } from './reword.js';

/** A 'sending' row older than this belongs to a worker that died mid-send. */
export const STUCK_SENDING_MS = 15 * 60_000;
const MAX_SEND_ATTEMPTS = 8;


/**
 * Rows claimed at once. One: a crash then leaves exactly one row in 'sending', the one being
 * tried, so on a transport that cannot be checked afterwards (plain SMTP) only that email is
 * held as uncertain, never the untried rest of a batch.
 */
export const CLAIM_BATCH = 1;

/**
 * Sends what is approved and due, exactly once:
 * claim (approved → sending, one winner) → provider call with the stored Message-ID → sent.
 * After a crash, a row left in 'sending' is looked up in the Sent folder before any resend.
 */
export async function sendDue(ctx: WorkerContext, summary: TickSummary, only: { accountId?: string } = {}): Promise<void> {
  await recoverStuck(ctx, summary, only.accountId);
  const byId = new Map(ctx.accounts.map((rt) => [rt.account.id, rt]));
  for (;;) {
    const claimed = await ctx.store.claimOutbox({ now: ctx.now, owner: ctx.owner, limit: CLAIM_BATCH, ...(only.accountId ? { accountId: only.accountId } : {}) });
    if (claimed.length === 0) break;
    const batch = new Set(claimed.map((c) => c.id));
    for (const item of claimed) {
      batch.delete(item.id);
      await sendOne(ctx, byId.get(item.accountId), item, batch, summary);
    }
    if (ctx.deadlineMs !== undefined && Date.now() > ctx.deadlineMs) break;
  }
}

async function recoverStuck(ctx: WorkerContext, summary: TickSummary, accountId: string | undefined): Promise<void> {
  const stuck = await ctx.store.listStuckSending(new Date(ctx.now.getTime() - STUCK_SENDING_MS));
  for (const item of stuck) {
    if (accountId && item.accountId !== accountId) continue;
    const rt = ctx.accounts.find((a) => a.account.id === item.accountId);
    if (!rt?.providers) continue;
    let receipt;
    try {
      receipt = await rt.providers.sender.findSent(item.messageId);
    } catch (err) {
      summary.problems.push({ where: `outbox ${item.id}`, message: `cannot check the Sent folder: ${describeError(err)}` });
      continue;
    }
    if (receipt) {
      await markSent(ctx, rt, item, receipt, summary);
    } else if (receipt === false) {
      await ctx.store.markOutboxRetry(item.id, { notBefore: ctx.now, error: 'the previous attempt did not reach the provider' });
    } else {
      const msg =
        'The worker stopped while sending and this transport cannot tell whether the email went out. ' +
        `Check the Sent folder for "${item.subject}" to ${item.to}; if it is not there, approve it again with \`followup outbox retry ${item.id}\`.`;
      await ctx.store.markOutboxFailed(item.id, { status: 'uncertain', error: msg });
      summary.alerts.push(msg);
    }
  }
}

async function sendOne(
  ctx: WorkerContext,
  rt: AccountRuntime | undefined,
  item: OutboxItem,
  batch: ReadonlySet<string>,
  summary: TickSummary,
): Promise<void> {
  const { store, now } = ctx;
  if (!rt?.providers || rt.account.status === 'disconnected') {
    await store.markOutboxRetry(item.id, {
      notBefore: new Date(now.getTime() + 15 * 60_000),
      error: rt ? `account ${rt.account.id} is disconnected: ${rt.account.statusDetail ?? ''}` : `account ${item.accountId} is not in the config`,
    });
    return;
  }
  // The send gate, decided again at the last moment, inside the claim (src/domain/send-gate.ts).
  const passed = await passesGate(ctx, rt, item, batch, summary);
  if (!passed) return;
  item = passed;
  try {
    if (await supersedesNativeDraft(ctx, rt, item, summary)) return;
    // A retried row may have reached the provider before (a lost response): look first.
    if (item.attempts > 1) {
      const found = await rt.providers.sender.findSent(item.messageId);
      if (found) return await markSent(ctx, rt, item, found, summary);
    }
    const receipt = await rt.providers.sender.send(toOutgoing(item));
    await markSent(ctx, rt, item, receipt, summary);
  } catch (err) {
    const action = decideOnError(err, item.attempts);
    const message = describeError(err);
    ctx.logger.warn({ outbox: item.id, code: isProviderError(err) ? err.code : 'UNKNOWN' }, 'send failed');
    if (isProviderError(err) && err.uncertain) {
      // It may have gone out: held for the rep, never resent on its own.
      await store.markOutboxFailed(item.id, { status: 'uncertain', error: message });
      summary.alerts.push(`Could not tell whether "${item.subject}" to ${item.to} went out: ${message}`);
    } else if (action.kind === 'disconnect') {
      const hint = await markDisconnected(store, rt, summary, message);
      await store.markOutboxRetry(item.id, { notBefore: new Date(now.getTime() + 15 * 60_000), error: hint });
    } else if (action.kind === 'retry_later' && item.attempts < MAX_SEND_ATTEMPTS) {
      await store.markOutboxRetry(item.id, { notBefore: new Date(now.getTime() + action.afterMs), error: message });
    } else {
      await store.markOutboxFailed(item.id, { status: 'failed', error: `${message} (after ${item.attempts} attempts)` });
      summary.alerts.push(`Could not send "${item.subject}" to ${item.to}: ${message}`);
      if (isProviderError(err) && err.recipientRejected) await markRecipientBounced(ctx, item, message);
    }
  }
}

/**
 * The receiving server refused the recipient for good while sending (SMTP 550 5.1.1): the
 * address is dead, as if a bounce had come back. It is suppressed and the prospect marked
 * bounced, so the send gate withdraws whatever else waits for them.
 */
async function markRecipientBounced(ctx: WorkerContext, item: OutboxItem, reason: string): Promise<void> {
  const { store, now } = ctx;
  await store.addSuppression({ email: item.to.toLowerCase(), reason: 'bounce', at: now });
  const prospectId = item.prospectId ?? (item.draftId ? (await store.getDraft(item.draftId))?.prospectId ?? null : null);
  if (!prospectId) return;
  await store.setProspectStatus(prospectId, { status: 'bounced', pausedUntil: null, statusReason: `refused while sending "${item.subject}": ${reason}` });
  await store.addAttempt({
    id: stableId('at', 'refused', item.id),
    prospectId,
    accountId: item.accountId,
    at: now,
    kind: 'email_sent',
    outcome: 'bounced',
    detail: `The server refused ${item.to} for good while sending "${item.subject}"; the address is marked bounced`,
    refId: item.draftId ?? item.id,
  });
}

async function markSent(
  ctx: WorkerContext,
  rt: AccountRuntime,
  item: OutboxItem,
  receipt: { providerMessageId?: string | null; threadId?: string | null },
  summary: TickSummary,
): Promise<void> {
  const { store, now } = ctx;
  await store.markOutboxSent(item.id, { at: now, providerMessageId: receipt.providerMessageId ?? null, threadId: receipt.threadId ?? null });
  const prospectId = item.prospectId ?? (item.draftId ? (await store.getDraft(item.draftId))?.prospectId ?? null : null);
  if (prospectId) {
    if (item.prospectId) {
      await store.recordMessage({
        accountId: rt.account.id,
        prospectId,
        direction: 'out',
        providerId: receipt.providerMessageId ?? item.messageId,
        messageId: item.messageId,
        threadId: receipt.threadId ?? item.thread.threadId ?? null,
        inReplyTo: item.thread.inReplyTo ?? null,
        references: item.thread.references,
        subject: item.subject,
        at: now,
      });
    }
    await store.addAttempt({
      id: stableId('at', 'sent', item.id),
      prospectId,
      accountId: rt.account.id,
      at: now,
      kind: 'email_sent',
      outcome: 'sent',
      detail: `Sent "${item.subject}" to ${item.to}`,
      refId: item.draftId ?? item.id,
    });
  }
  summary.sent.push({ to: item.to, subject: item.subject, messageId: item.messageId });
}

/**
 * A draft that also sits in the rep's mail client (native drafts) but was approved in followup:
 * remove the client's copy first so it cannot go out twice. If it is gone because the rep already
 * sent it from the client, the outbox row is settled as sent instead. Returns true when settled.
 */
async function supersedesNativeDraft(ctx: WorkerContext, rt: AccountRuntime, item: OutboxItem, summary: TickSummary): Promise<boolean> {
  if (!item.draftId || !rt.providers?.drafts) return false;
  const draft = await ctx.store.getDraft(item.draftId);
  if (!draft?.nativeDraftId) return false;
  try {
    await rt.providers.drafts.deleteDraft(draft.nativeDraftId);
    return false;
  } catch (err) {
    if (!(isProviderError(err) && err.code === 'NOT_FOUND') || !draft.messageId) throw err;
    const sent = await rt.providers.sender.findSent(draft.messageId);
    if (!sent) return false;
    await markSent(ctx, rt, { ...item, messageId: draft.messageId }, sent, summary);
    return true;
  }
}

/**
 * Asks the send gate about a claimed item: the item to send now, or null. A hold puts it back with its new
 * time; a withdrawal cancels the draft and the row, with the reason on the draft and the timeline.
 * An unedited nudge or confirmation goes out with its words about time worded for now (src/worker/reword.ts), on its
 * first try only (a retry may already have reached the provider with the words it had).
 * Mail with no draft (a digest) has nothing to check.
 */
async function passesGate(ctx: WorkerContext, rt: AccountRuntime, item: OutboxItem, batch: ReadonlySet<string>, summary: TickSummary): Promise<OutboxItem | null> {
  const { store } = ctx;
  const draft = item.draftId ? await store.getDraft(item.draftId) : null;
  if (!draft) return item;
  const prospect = await store.getProspect(draft.prospectId);
  if (!prospect) return item;
  const timeline = await loadGateTimeline(store, prospect);
  const decision = gateDraft(ctx, { draft, timeline, repZone: rt.account.timeZone, sendAt: item.notBefore, selfOutboxId: item.id, otherBatch: batch });
  if (decision.kind === 'withdraw') {
    if (!(await withdraw(ctx, draft, decision.detail, prospect.email, summary.withdrawn, nativeDrafts(rt, summary)))) {
      await store.markOutboxFailed(item.id, { status: 'failed', error: `not sent: ${decision.detail}` });
    }
    return null;
  }
  if (decision.kind === 'hold') {
    await store.markOutboxRetry(item.id, { notBefore: decision.until, error: `held: ${decision.detail}` });
    summary.held.push({ prospectEmail: prospect.email, subject: item.subject, until: decision.until, detail: decision.detail });
    return null;
  }
  if (decision.note) summary.notes.push(`${prospect.email}: "${item.subject}": ${decision.note}`);
  const words = item.attempts <= 1 ? await rewordForSend(ctx, rt, draft, prospect, ctx.now, summary) : null;
  return words ? { ...item, ...words } : item;
}
