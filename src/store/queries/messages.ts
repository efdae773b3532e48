import { stripReplyPrefixes } from '../../domain/subjects.js';
import type { ParsedReply, ProposedTime, ThreadRef } from '../../domain/types.js';
import type { MessageRecord, MessageStore } from '../../ports/store.js';
import { fromIso, fromJson, fromJsonOrNull, reviveDate, reviveDateOrNull, toIso, toJson, toJsonOrNull } from '../codec.js';
import type { MessagesTable } from '../schema.js';
import { chunks, IN_LIST_CHUNK, type QueryContext } from './query-context.js';

export function messageToRow(m: MessageRecord): MessagesTable {
  return {
    account_id: m.accountId,
    provider_id: m.providerId,
    prospect_id: m.prospectId,
    direction: m.direction,
    message_id: m.messageId,
    thread_id: m.threadId,
    in_reply_to: m.inReplyTo,
    references_json: toJson(m.references),
    subject: m.subject,
    at: toIso(m.at),
    reply_kind: m.replyKind ?? null,
    parsed_json: toJsonOrNull(m.parsed),
    visible_text: m.visibleText ?? null,
  };
}

function reviveProposedTime(value: ProposedTime, where: string): ProposedTime {
  return {
    ...value,
    start: reviveDate(value.start, `${where}.start`),
    end: reviveDateOrNull(value.end, `${where}.end`),
  };
}

function reviveParsedReply(parsed: ParsedReply): ParsedReply {
  const where = 'messages.parsed_json';
  return {
    ...parsed,
    proposals: (parsed.proposals ?? []).map((p, i) => reviveProposedTime(p, `${where}.proposals[${i}]`)),
    alternatives: (parsed.alternatives ?? []).map((p, i) => reviveProposedTime(p, `${where}.alternatives[${i}]`)),
    range: parsed.range
      ? { start: reviveDate(parsed.range.start, `${where}.range.start`), end: reviveDate(parsed.range.end, `${where}.range.end`) }
      : (parsed.range ?? null),
  };
}

export function rowToMessage(r: MessagesTable): MessageRecord {
  const parsed = fromJsonOrNull<ParsedReply>(r.parsed_json, 'messages.parsed_json');
  return {
    accountId: r.account_id,
    prospectId: r.prospect_id,
    direction: r.direction as MessageRecord['direction'],
    providerId: r.provider_id,
    messageId: r.message_id,
    threadId: r.thread_id,
    inReplyTo: r.in_reply_to,
    references: fromJson<string[]>(r.references_json, 'messages.references_json'),
    subject: r.subject,
    at: fromIso(r.at),
    replyKind: r.reply_kind as MessageRecord['replyKind'],
    parsed: parsed ? reviveParsedReply(parsed) : null,
    visibleText: r.visible_text,
  };
}

/**
 * Threads onto a message: In-Reply-To is its Message-ID, References are its references followed by
 * its Message-ID (RFC 5322 3.6.4), the subject has its "Re:" prefixes removed.
 */
export function threadOnto(row: MessagesTable): ThreadRef {
  const references = fromJson<string[]>(row.references_json, 'messages.references_json');
  if (row.message_id && !references.includes(row.message_id)) references.push(row.message_id);
  return {
    threadId: row.thread_id,
    inReplyTo: row.message_id,
    references,
    subject: stripReplyPrefixes(row.subject),
    replyToProviderId: row.provider_id,
  };
}

export function messageQueries({ db }: QueryContext): MessageStore {
  return {
    async recordMessage(message) {
      const inserted = await db
        .insertInto('messages')
        .values(messageToRow(message))
        .onConflict((oc) => oc.columns(['account_id', 'provider_id']).doNothing())
        .returning('provider_id')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    async listMessages(prospectId) {
      const rows = await db
        .selectFrom('messages')
        .selectAll()
        .where('prospect_id', '=', prospectId)
        .orderBy('at')
        .orderBy('provider_id')
        .execute();
      return rows.map(rowToMessage);
    },

    /** Threads onto the latest message either way. */
    async latestThread(prospectId) {
      const row = await db
        .selectFrom('messages')
        .selectAll()
        .where('prospect_id', '=', prospectId)
        .orderBy('at', 'desc')
        .orderBy('provider_id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? threadOnto(row) : null;
    },

    /**
     * A Message-ID match (in recorded messages, then in the outbox) wins over a thread id match.
     * Thread ids are provider ids local to one mailbox: matched within the account only.
     */
    async findProspectByThread(input) {
      const messageIds = [...new Set((input.messageIds ?? []).filter((id) => id.length > 0))];
      for (const chunk of chunks(messageIds, IN_LIST_CHUNK)) {
        const message = await db
          .selectFrom('messages')
          .select('prospect_id')
          .where('message_id', 'in', chunk)
          .orderBy('at', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (message) return message.prospect_id;
        const sent = await db
          .selectFrom('outbox')
          .select('prospect_id')
          .where('message_id', 'in', chunk)
          .where('prospect_id', 'is not', null)
          .orderBy('created_at', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (sent?.prospect_id) return sent.prospect_id;
      }
      if (input.threadId) {
        const row = await db
          .selectFrom('messages')
          .select('prospect_id')
          .where('account_id', '=', input.accountId)
          .where('thread_id', '=', input.threadId)
          .orderBy('at', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (row) return row.prospect_id;
      }
      return null;
    },
  };
}
