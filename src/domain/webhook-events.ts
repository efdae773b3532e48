/**
 * Outgoing webhooks: which timeline entries are events a CRM, Zapier or n8n can act on. Pure.
 * The event id is derived from the attempt's id, so an event enqueued twice (a tick run again, a
 * crash and a rerun) is one event, and a receiver that sees the same id again knows it is a resend.
 */
import type { Attempt } from './types.js';

export const WEBHOOK_EVENT_TYPES = ['booked', 'no_show', 'replied', 'opted_out', 'bounced'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  occurredAt: Date;
  accountId: string;
  prospectId: string;
  /** Plain words from the timeline (never an email body). */
  detail: string;
  /** Meeting id, calendar event id or Message-ID. */
  refId: string | null;
}

export function webhookEventFor(a: Attempt): WebhookEvent | null {
  let type: WebhookEventType | null = null;
  if (a.kind === 'booking' && a.outcome === 'booked') type = 'booked';
  else if (a.kind === 'meeting' && a.outcome === 'missed') type = 'no_show';
  else if (a.kind === 'reply_received') type = a.outcome === 'optout' ? 'opted_out' : a.outcome === 'bounce' ? 'bounced' : a.outcome === 'ooo' ? null : 'replied';
  else if (a.kind === 'status_change' && a.outcome === 'bounced') type = 'bounced';
  if (!type) return null;
  return { id: `evt_${a.id}`, type, occurredAt: a.at, accountId: a.accountId, prospectId: a.prospectId, detail: a.detail, refId: a.refId ?? null };
}

/** How long to wait before delivery attempt n+1 after n failures: 1, 2, 4 … minutes, at most 6 hours. */
export function webhookRetryDelayMs(failures: number): number {
  return Math.min(2 ** Math.max(failures - 1, 0) * 60_000, 6 * 3_600_000);
}

/** After this many failed attempts (about two days of retries) the event is given up and the rep told. */
export const WEBHOOK_MAX_ATTEMPTS = 15;
