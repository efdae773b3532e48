import type { Attempt } from '../../domain/types.js';
import { webhookEventFor, type WebhookEventType } from '../../domain/webhook-events.js';
import type { OpsStore, WebhookDelivery } from '../../ports/store.js';
import { fromIso, toIso } from '../codec.js';
import type { WebhookOutboxTable } from '../schema.js';
import type { QueryContext } from './query-context.js';

/** The webhook row an attempt makes, if it is an event (null otherwise). */
export function webhookRowFor(attempt: Attempt, createdAt: Date): WebhookOutboxTable | null {
  const event = webhookEventFor(attempt);
  if (!event) return null;
  return {
    id: event.id,
    type: event.type,
    account_id: event.accountId,
    prospect_id: event.prospectId,
    occurred_at: toIso(event.occurredAt),
    detail: event.detail,
    ref_id: event.refId,
    status: 'pending',
    attempts: 0,
    // Due at once in the tick's own clock (the entry's time), whatever the wall clock says.
    next_attempt_at: toIso(event.occurredAt),
    delivered_json: '[]',
    last_error: null,
    created_at: toIso(createdAt),
  };
}

export function rowToWebhook(r: WebhookOutboxTable): WebhookDelivery {
  return {
    id: r.id,
    type: r.type as WebhookEventType,
    occurredAt: fromIso(r.occurred_at),
    accountId: r.account_id,
    prospectId: r.prospect_id,
    detail: r.detail,
    refId: r.ref_id,
    status: r.status as WebhookDelivery['status'],
    attempts: r.attempts,
    nextAttemptAt: fromIso(r.next_attempt_at),
    delivered: JSON.parse(r.delivered_json) as string[],
    lastError: r.last_error,
  };
}

const COUNTED = ['outbox', 'drafts', 'bookings', 'webhook_outbox'] as const;

export function webhookQueries({ db }: QueryContext): OpsStore {
  return {
    async listWebhooksDue(now, limit) {
      const rows = await db
        .selectFrom('webhook_outbox')
        .selectAll()
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', toIso(now))
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(rowToWebhook);
    },
    async updateWebhook(id, patch) {
      await db
        .updateTable('webhook_outbox')
        .set({ status: patch.status, attempts: patch.attempts, next_attempt_at: toIso(patch.nextAttemptAt), delivered_json: JSON.stringify(patch.delivered), last_error: patch.lastError })
        .where('id', '=', id)
        .execute();
    },
    async discardPendingWebhooks() {
      const result = await db.deleteFrom('webhook_outbox').where('status', '=', 'pending').executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async statusCounts() {
      const out = { outbox: {}, drafts: {}, bookings: {}, webhooks: {} } as Record<'outbox' | 'drafts' | 'bookings' | 'webhooks', Record<string, number>>;
      for (const table of COUNTED) {
        const rows = await db
          .selectFrom(table as 'outbox')
          .select((eb) => ['status', eb.fn.countAll<number | string | bigint>().as('n')])
          .groupBy('status')
          .execute();
        const key = table === 'webhook_outbox' ? 'webhooks' : table;
        for (const r of rows) out[key][r.status] = Number(r.n);
      }
      return out;
    },
  };
}
