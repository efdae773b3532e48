import type { OutboxItem } from '../domain/types.js';
import type { OutgoingEmail } from '../ports/providers.js';

/** The provider-facing email for an outbox row (the same bytes whichever path sends it). */
export function toOutgoing(item: OutboxItem): OutgoingEmail {
  return {
    messageId: item.messageId,
    from: item.from,
    to: item.to,
    subject: item.subject,
    text: item.text,
    html: item.html ?? null,
    thread: item.thread,
    attachments: item.attachments,
    headers: {},
  };
}
