import type { OpsStore } from '../../ports/store.js';
import { toIso } from '../codec.js';
import { rowToWebhook } from '../queries/webhooks.js';
import { sortRows, type MemoryTables } from './tables.js';

/** Outgoing webhooks and status counts, in memory. */
export function memoryWebhooks(t: MemoryTables): OpsStore {
  return {
    async listWebhooksDue(now, limit) {
      const due = [...t.webhook_outbox.values()].filter((r) => r.status === 'pending' && r.next_attempt_at <= toIso(now));
      return sortRows(due, [(r) => r.next_attempt_at], [(r) => r.id]).slice(0, limit).map(rowToWebhook);
    },
    async updateWebhook(id, patch) {
      const row = t.webhook_outbox.get(id);
      if (!row) return;
      t.webhook_outbox.set(id, { ...row, status: patch.status, attempts: patch.attempts, next_attempt_at: toIso(patch.nextAttemptAt), delivered_json: JSON.stringify(patch.delivered), last_error: patch.lastError });
    },
    async discardPendingWebhooks() {
      let n = 0;
      for (const [id, row] of t.webhook_outbox) {
        if (row.status === 'pending') {
          t.webhook_outbox.delete(id);
          n += 1;
        }
      }
      return n;
    },
    async statusCounts() {
      const count = (rows: Iterable<{ status: string }>) => {
        const out: Record<string, number> = {};
        for (const r of rows) out[r.status] = (out[r.status] ?? 0) + 1;
        return out;
      };
      return { outbox: count(t.outbox.values()), drafts: count(t.drafts.values()), bookings: count(t.bookings.values()), webhooks: count(t.webhook_outbox.values()) };
    },
  };
}
