import type { MessageStore, TimelineStore } from '../../ports/store.js';
import { messageToRow, rowToMessage, threadOnto } from '../queries/messages.js';
import { attemptToRow, rowToAttempt } from '../queries/timeline.js';
import { webhookRowFor } from '../queries/webhooks.js';
import { key, sortRows, type MemoryTables } from './tables.js';

/** The timeline and the messages of each prospect, in memory. */
export function memoryMessages(t: MemoryTables): TimelineStore & MessageStore {
  const messagesOf = (prospectId: string) => [...t.messages.values()].filter((r) => r.prospect_id === prospectId);
  return {
    async addAttempt(attempt) {
      const row = attemptToRow(attempt);
      if (t.attempts.has(row.id)) return false;
      t.attempts.set(row.id, row);
      const webhook = webhookRowFor(attempt, new Date());
      if (webhook && !t.webhook_outbox.has(webhook.id)) t.webhook_outbox.set(webhook.id, webhook);
      return true;
    },
    async listAttempts(prospectId) {
      const rows = [...t.attempts.values()].filter((r) => r.prospect_id === prospectId);
      return sortRows(rows, [(r) => r.at], [(r) => r.id]).map(rowToAttempt);
    },
    async listTimeline(filter) {
      const wanted = filter?.accountIds ? new Set(filter.accountIds) : null;
      const rows = [...t.attempts.values()].filter((r) => !wanted || wanted.has(r.account_id));
      return sortRows(rows, [(r) => r.at], [(r) => r.id]).map(rowToAttempt);
    },

    async recordMessage(message) {
      const row = messageToRow(message);
      const id = key(row.account_id, row.provider_id);
      if (t.messages.has(id)) return false;
      t.messages.set(id, row);
      return true;
    },
    async listMessages(prospectId) {
      return sortRows(messagesOf(prospectId), [(r) => r.at], [(r) => r.provider_id]).map(rowToMessage);
    },
    async latestThread(prospectId) {
      const latest = sortRows(messagesOf(prospectId), [(r) => r.at, 'desc'], [(r) => r.provider_id, 'desc'])[0];
      return latest ? threadOnto(latest) : null;
    },
    /** A Message-ID match (in recorded messages, then in the outbox) wins over a thread id match. */
    async findProspectByThread(input) {
      const messageIds = new Set((input.messageIds ?? []).filter((id) => id.length > 0));
      if (messageIds.size > 0) {
        const messages = [...t.messages.values()].filter((r) => r.message_id !== null && messageIds.has(r.message_id));
        const message = sortRows(messages, [(r) => r.at, 'desc'])[0];
        if (message) return message.prospect_id;
        const sent = [...t.outbox.values()].filter((r) => messageIds.has(r.message_id) && r.prospect_id !== null);
        const item = sortRows(sent, [(r) => r.created_at, 'desc'])[0];
        if (item?.prospect_id) return item.prospect_id;
      }
      if (input.threadId) {
        const inThread = [...t.messages.values()].filter((r) => r.account_id === input.accountId && r.thread_id === input.threadId);
        const row = sortRows(inThread, [(r) => r.at, 'desc'])[0];
        if (row) return row.prospect_id;
      }
      return null;
    },
  };
}
