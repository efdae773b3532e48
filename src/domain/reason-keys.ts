/**
 * The reason keys of the drafts a reply leads to. The worker builds them when it drafts
 * (src/worker/replies.ts) and the send gate rebuilds or parses them to find what a draft is about
 * (src/worker/gate.ts): one definition, so the two cannot drift apart.
 */

const CONFIRM = 'confirm:';
const CONFIRM_TIME = 'confirm-time:';

/** The key of a stored message: its Message-ID, or the provider's id when it has none. */
export function messageKeyOf(msg: { messageId?: string | null; providerId: string }): string {
  return msg.messageId ?? msg.providerId;
}

/** The booking confirmation drafted after booking a time the prospect named. */
export function confirmReasonKey(bookingId: string): string {
  return `${CONFIRM}${bookingId}`;
}

/** The booking a booking confirmation's key names, or null when the key is not one. */
export function bookingOfConfirmKey(reasonKey: string | null): string | null {
  return reasonKey?.startsWith(CONFIRM) && reasonKey.length > CONFIRM.length ? reasonKey.slice(CONFIRM.length) : null;
}

/** The question about a time the prospect named that followup is not sure of, per reply (its message key). */
export function confirmTimeReasonKey(messageKey: string): string {
  return `${CONFIRM_TIME}${messageKey}`;
}

/** The reply (message key) a confirm-time question's key names, or null when the key is not one. */
export function messageOfConfirmTimeKey(reasonKey: string | null): string | null {
  return reasonKey?.startsWith(CONFIRM_TIME) && reasonKey.length > CONFIRM_TIME.length ? reasonKey.slice(CONFIRM_TIME.length) : null;
}
