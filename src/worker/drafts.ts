import { randomUUID } from 'node:crypto';
import { stableId } from '../domain/ids.js';
import type { Draft, NoShowEvidence, OutboxItem, Prospect, TemplateName, ThreadRef } from '../domain/types.js';
import type { DraftStore, MessageStore, TimelineStore } from '../ports/store.js';
import { TemplateError } from '../templates/engine.js';
import { buildTemplateContext, type TemplateInput } from '../templates/context.js';
import type { AccountRuntime, TickSummary, WorkerContext } from './context.js';
import { toOutgoing } from './outgoing.js';

export interface NewDraftInput {
  rt: AccountRuntime;
  prospect: Prospect;
  reasonKey: string;
  template: TemplateName;
  recipient: 'prospect' | 'rep';
  sendAt: Date;
  reason: string;
  evidence?: NoShowEvidence[];
  extra?: Omit<TemplateInput, 'prospect' | 'rep' | 'thread'>;
  thread?: ThreadRef | null;
}

/**
 * Renders a template into a draft and stores it once per reason (idempotent on reasonKey).
 * A template error is reported with the file and skipped; the rest of the tick goes on.
 * Drafts whose template says `approval: auto` are approved at once.
 */
export async function createDraft(ctx: WorkerContext<DraftStore & TimelineStore & MessageStore>, input: NewDraftInput, summary: TickSummary): Promise<Draft | null> {
  const { store, now } = ctx;
  const rep = { name: input.rt.account.name, email: input.rt.account.email, timeZone: input.rt.account.timeZone };
  const thread: ThreadRef =
    input.thread ?? (input.recipient === 'prospect' ? await store.latestThread(input.prospect.id) : null) ?? { references: [] };
  const template = ctx.templates.get(input.template);
  let rendered;
  try {
    rendered = template.render(buildTemplateContext({ prospect: input.prospect, rep, thread, ...(input.extra ?? {}) }));
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err;
    summary.problems.push({ where: template.file, message: `${err.message} (draft for ${input.prospect.email} not made)` });
    return null;
  }
  const draft: Draft = {
    id: stableId('dr', input.reasonKey),
    accountId: input.rt.account.id,
    prospectId: input.prospect.id,
    reasonKey: input.reasonKey,
    template: input.template,
    to: input.recipient === 'rep' ? rep.email : input.prospect.email,
    subject: rendered.subject,
    text: rendered.text,
    html: null,
    status: 'pending',
    sendAt: input.sendAt,
    reason: input.reason,
    evidence: input.evidence ?? [],
    thread: input.recipient === 'rep' ? { references: [] } : thread,
    autoApproved: template.approval === 'auto',
    createdAt: now,
    attachments: [],
  };
  const { inserted, draft: stored } = await store.insertDraft(draft);
  if (!inserted) return null;
  await store.addAttempt({
    id: stableId('at', 'draft', draft.id),
    prospectId: input.prospect.id,
    accountId: input.rt.account.id,
    at: now,
    kind: 'draft_created',
    outcome: input.template,
    detail: input.reason,
    refId: draft.id,
  });
  if (template.approval === 'auto') await approveDraft({ store, now }, { draftId: draft.id, by: 'auto (template policy)', rep });
  else if (input.recipient === 'prospect' && usesNativeDrafts(input.rt)) await pushNativeDraft(ctx, input.rt, stored, summary);
  summary.drafted.push({
    draftId: draft.id,
    prospectEmail: input.prospect.email,
    template: input.template,
    sendAt: input.sendAt,
    reason: input.reason,
    status: template.approval === 'auto' ? 'approved' : 'pending',
  });
  return stored;
}

/** A Message-ID minted before any provider call, in the rep's domain. */
export function mintMessageId(fromEmail: string): string {
  const domain = fromEmail.split('@')[1] ?? 'followup.local';
  return `<${randomUUID()}@${domain}>`;
}

export function outboxFromDraft(draft: Draft, rep: { name: string; email: string }, now: Date): OutboxItem {
  return {
    id: stableId('ob', draft.id),
    draftId: draft.id,
    accountId: draft.accountId,
    // Mail to the rep (a brief) does not count towards the prospect's weekly cap.
    prospectId: draft.to.toLowerCase() === rep.email.toLowerCase() ? null : draft.prospectId,
    messageId: mintMessageId(rep.email),
    from: { email: rep.email, name: rep.name },
    to: draft.to,
    subject: draft.subject,
    text: draft.text,
    html: draft.html ?? null,
    thread: draft.thread,
    attachments: draft.attachments,
    status: 'approved',
    attempts: 0,
    notBefore: draft.sendAt,
    createdAt: now,
  };
}

export class ApprovalError extends Error {
  override readonly name = 'ApprovalError';
}

/** Approves a pending draft: it and its outbox row (with a fresh Message-ID) commit together. */
export async function approveDraft(
  ctx: { store: DraftStore & TimelineStore; now: Date },
  input: { draftId: string; by: string; rep: { name: string; email: string } },
): Promise<OutboxItem> {
  const draft = await ctx.store.getDraft(input.draftId);
  if (!draft) throw new ApprovalError(`No draft with id ${input.draftId}; list them with \`followup drafts list\`.`);
  if (draft.status !== 'pending') throw new ApprovalError(`Draft ${draft.id} is ${draft.status}, not pending; nothing to approve.`);
  const item = await ctx.store.approveDraft(draft.id, { by: input.by, at: ctx.now, outbox: outboxFromDraft(draft, input.rep, ctx.now) });
  if (!item) throw new ApprovalError(`Draft ${draft.id} changed while approving (someone else acted on it); check it again.`);
  await ctx.store.addAttempt({
    id: stableId('at', 'approved', draft.id),
    prospectId: draft.prospectId,
    accountId: draft.accountId,
    at: ctx.now,
    kind: 'note',
    outcome: 'approved',
    detail: `Draft "${draft.subject}" approved by ${input.by}, to go out ${draft.sendAt.toISOString()}`,
    refId: draft.id,
  });
  return item;
}

export async function rejectDraft(ctx: { store: DraftStore & TimelineStore; now: Date }, input: { draftId: string; by: string; reason: string }): Promise<void> {
  const draft = await ctx.store.getDraft(input.draftId);
  if (!draft) throw new ApprovalError(`No draft with id ${input.draftId}; list them with \`followup drafts list\`.`);
  const ok = await ctx.store.rejectDraft(draft.id, { by: input.by, at: ctx.now, reason: input.reason });
  if (!ok) throw new ApprovalError(`Draft ${draft.id} is ${draft.status}, not pending; only pending drafts can be rejected.`);
  await ctx.store.addAttempt({
    id: stableId('at', 'rejected', draft.id),
    prospectId: draft.prospectId,
    accountId: draft.accountId,
    at: ctx.now,
    kind: 'draft_rejected',
    outcome: 'rejected',
    detail: `Draft "${draft.subject}" rejected by ${input.by}: ${input.reason}`,
    refId: draft.id,
  });
}

export async function editDraft(
  ctx: { store: DraftStore & TimelineStore; now: Date },
  input: { draftId: string; by: string; subject?: string; text?: string; sendAt?: Date },
): Promise<Draft> {
  const draft = await ctx.store.getDraft(input.draftId);
  if (!draft) throw new ApprovalError(`No draft with id ${input.draftId}; list them with \`followup drafts list\`.`);
  if (input.subject !== undefined && input.subject.trim() === '') throw new ApprovalError('The subject cannot be empty.');
  if (input.text !== undefined && input.text.trim() === '') throw new ApprovalError('The email text cannot be empty; reject the draft instead.');
  const patch = {
    ...(input.subject !== undefined ? { subject: input.subject.trim() } : {}),
    ...(input.text !== undefined ? { text: input.text } : {}),
    ...(input.sendAt !== undefined ? { sendAt: input.sendAt } : {}),
  };
  const ok = await ctx.store.editDraft(draft.id, patch, input.by, ctx.now);
  if (!ok) throw new ApprovalError(`Draft ${draft.id} is ${draft.status}, not pending; only pending drafts can be edited.`);
  await ctx.store.addAttempt({
    id: stableId('at', 'edited', draft.id, ctx.now.toISOString()),
    prospectId: draft.prospectId,
    accountId: draft.accountId,
    at: ctx.now,
    kind: 'note',
    outcome: 'edited',
    detail: `Draft edited by ${input.by}${input.sendAt ? `; send time now ${input.sendAt.toISOString()}` : ''}`,
    refId: draft.id,
  });
  return (await ctx.store.getDraft(draft.id)) as Draft;
}

/** The provider set has a drafts port only when the rep approves by pressing Send in their own mail
 *  client (approval: gmail-drafts / outlook-drafts). */
export function usesNativeDrafts(rt: AccountRuntime): boolean {
  return Boolean(rt.providers?.drafts);
}

async function pushNativeDraft(ctx: WorkerContext<DraftStore>, rt: AccountRuntime, draft: Draft, summary: TickSummary): Promise<void> {
  const messageId = mintMessageId(rt.account.email);
  try {
    const item = { ...outboxFromDraft(draft, { name: rt.account.name, email: rt.account.email }, ctx.now), messageId };
    const { draftId } = await rt.providers!.drafts!.upsertDraft(toOutgoing(item));
    await ctx.store.attachNativeDraft(draft.id, { nativeDraftId: draftId, messageId });
  } catch (err) {
    summary.problems.push({
      where: `${rt.account.id} drafts folder`,
      message: `${(err as Error).message}. The draft for ${draft.to} is still in followup: approve it with \`followup drafts approve ${draft.id}\`.`,
    });
  }
}

/** Cancels a prospect's pending drafts, and removes those kept in the rep's mail client. */
export async function cancelDrafts(
  ctx: WorkerContext<DraftStore>,
  rt: AccountRuntime,
  prospectId: string,
  input: { reason: string; templates?: string[] },
  summary: TickSummary,
): Promise<void> {
  const ids = await ctx.store.cancelPendingDrafts(prospectId, input);
  for (const id of ids) {
    const d = await ctx.store.getDraft(id);
    if (!d?.nativeDraftId || !rt.providers?.drafts) continue;
    try {
      await rt.providers.drafts.deleteDraft(d.nativeDraftId);
    } catch (err) {
      summary.problems.push({ where: `${rt.account.id} drafts folder`, message: `could not remove the draft to ${d.to} (${(err as Error).message}); delete it by hand, it is no longer wanted.` });
    }
  }
}
