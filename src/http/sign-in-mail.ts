import type { Runtime } from '../app/runtime.js';
import type { AccountConfig } from '../config.js';
import { stableId } from '../domain/ids.js';
import { firstName } from '../domain/names.js';
import type { OutboxItem } from '../domain/types.js';
import type { OutgoingEmail } from '../ports/providers.js';
import { spellInstant } from '../templates/context.js';

/** Delivers a sign-in email now; tests and embedders may replace it. */
export type SendMail = (input: { accountId: string; email: OutgoingEmail }) => Promise<void>;

export function signInEmail(input: { rep: AccountConfig; from: string | undefined; url: string; expiresAt: Date; nonce: string }): OutgoingEmail {
  const { rep } = input;
  const domain = rep.email.split('@')[1] ?? 'followup.local';
  return {
    messageId: `<sign-in.${input.nonce}@${domain}>`,
    from: { email: input.from ?? rep.email, name: 'followup' },
    to: rep.email,
    subject: 'Your followup sign-in link',
    text: [
      `Hi ${firstName(rep.name)},`,
      '',
      'Open this link to sign in to your follow-up queue:',
      '',
      input.url,
      '',
      `It works once and expires ${spellInstant(input.expiresAt, rep.timeZone)} (in 15 minutes).`,
      'If you did not ask to sign in, ignore this email: nothing happens without the link.',
      '',
    ].join('\n'),
    html: null,
    thread: { references: [] },
    attachments: [],
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
  };
}

/**
 * Sends through the rep's own mailbox at once. When the account is not connected (or sending
 * fails), the email goes to the outbox under a stable id, so the next run sends it exactly once.
 */
export function defaultSendMail(runtime: Runtime, now: () => Date): SendMail {
  return async ({ accountId, email }) => {
    const at = now();
    try {
      const ctx = await runtime.context(at);
      const sender = ctx.accounts.find((a) => a.account.id === accountId)?.providers?.sender;
      if (sender) {
        await sender.send(email);
        return;
      }
    } catch (err) {
      runtime.logger.warn({ account: accountId, err: (err as Error).message }, 'sign-in email not sent directly; queued in the outbox');
    }
    const item: OutboxItem = {
      id: stableId('ob', 'sign-in', email.messageId),
      draftId: null,
      accountId,
      prospectId: null,
      messageId: email.messageId,
      from: email.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: null,
      thread: email.thread,
      attachments: [],
      status: 'approved',
      attempts: 0,
      notBefore: at,
      createdAt: at,
    };
    await runtime.store.enqueueOutbox(item);
  };
}
