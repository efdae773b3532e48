import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../src/domain/types.js';
import type { MailboxFetchInput, MailboxReader, MailSender, OutgoingEmail } from '../../src/ports/providers.js';

/**
 * The MailSender + MailboxReader contract, run against every mail implementation
 * (local Maildir/SMTP, Gmail, Graph, the in-memory fake) through a harness.
 *
 * Usage:
 *   describeMailContract('local maildir', async () => makeLocalMailHarness());
 */
export interface MailHarness {
  sender: MailSender;
  mailbox: MailboxReader;
  /** Puts a raw RFC 5322 message into the rep's inbox, as the mail server would. */
  deliverInbound(raw: string): Promise<void>;
  /** Everything the sender has sent, decoded (from the Sent folder, outbox or SMTP capture). */
  sentMessages(): Promise<InboundMessage[]>;
  cleanup(): Promise<void>;
}

const REP = { email: 'rep@followup.example', name: 'Robin Rep' };
const PROSPECT = 'pat.prospect@client.example';
const STRANGER = 'newsletter@shop.example';

let counter = 0;
function uniqueId(label: string): string {
  counter += 1;
  return `<contract-${label}-${process.pid}-${Date.now()}-${counter}@followup.local>`;
}

export function makeContractEmail(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    messageId: uniqueId('out'),
    from: REP,
    to: PROSPECT,
    subject: 'Re: Quick question',
    text: 'Hi Pat,\n\nFollowing up on our call.\n\nRobin',
    html: null,
    thread: {
      inReplyTo: '<reply-1@client.example>',
      references: ['<first@followup.local>', '<reply-1@client.example>'],
      subject: 'Quick question',
    },
    attachments: [],
    headers: { 'Auto-Submitted': 'auto-generated' },
    ...overrides,
  };
}

export function makeInboundRaw(input: { from: string; messageId: string; inReplyTo?: string; subject?: string; text?: string; date?: Date }): string {
  const lines = [
    `From: ${input.from}`,
    `To: ${REP.name} <${REP.email}>`,
    `Subject: ${input.subject ?? 'Re: Quick question'}`,
    `Date: ${(input.date ?? new Date()).toUTCString()}`,
    `Message-ID: ${input.messageId}`,
    ...(input.inReplyTo ? [`In-Reply-To: ${input.inReplyTo}`, `References: ${input.inReplyTo}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    input.text ?? 'Tuesday at 3pm works for me.',
    '',
  ];
  return lines.join('\r\n');
}

function fetchInput(cursor: string | null, tracked: Set<string>): MailboxFetchInput {
  return {
    cursor,
    since: new Date(Date.now() - 7 * 86_400_000),
    isTracked: ({ from, inReplyTo }) =>
      (from ?? '').toLowerCase().includes(PROSPECT) || (inReplyTo != null && tracked.has(inReplyTo)),
  };
}

export function describeMailContract(name: string, makeHarness: () => Promise<MailHarness>): void {
  describe(`Mail contract: ${name}`, () => {
    let h: MailHarness;
    beforeEach(async () => {
      h = await makeHarness();
    });
    afterEach(async () => {
      await h.cleanup();
    });

    it('finds a sent message by its Message-ID, and answers false for an unknown one', async () => {
      const email = makeContractEmail();
      const receipt = await h.sender.send(email);
      expect(receipt).toBeTruthy();
      const found = await h.sender.findSent(email.messageId);
      expect(found).toBeTruthy();
      expect(await h.sender.findSent(uniqueId('never-sent'))).toBe(false);
    });

    it('keeps the worker’s Message-ID, In-Reply-To and References on the sent message', async () => {
      const email = makeContractEmail();
      await h.sender.send(email);
      const sent = (await h.sentMessages()).find((m) => m.messageId === email.messageId);
      expect(sent).toBeDefined();
      expect(sent!.inReplyTo).toBe('<reply-1@client.example>');
      expect(sent!.references).toEqual(['<first@followup.local>', '<reply-1@client.example>']);
      expect(sent!.subject).toBe('Re: Quick question');
      expect(sent!.to).toContain(PROSPECT);
    });

    it('fetches a tracked reply once and skips untracked senders', async () => {
      const ours = uniqueId('ours');
      const tracked = new Set([ours]);
      const replyId = uniqueId('reply');
      await h.deliverInbound(makeInboundRaw({ from: `Pat Prospect <${PROSPECT}>`, messageId: replyId, inReplyTo: ours }));
      await h.deliverInbound(makeInboundRaw({ from: `Shop <${STRANGER}>`, messageId: uniqueId('spam'), subject: 'Sale!' }));

      const first = await h.mailbox.fetchNew(fetchInput(null, tracked));
      expect(first.messages.map((m) => m.messageId)).toEqual([replyId]);
      const reply = first.messages[0]!;
      expect(reply.from.email).toBe(PROSPECT);
      expect(reply.inReplyTo).toBe(ours);
      expect(reply.text).toContain('Tuesday at 3pm');
      expect(first.problems).toEqual([]);

      const second = await h.mailbox.fetchNew(fetchInput(first.cursor, tracked));
      expect(second.messages).toEqual([]);

      const laterId = uniqueId('later');
      await h.deliverInbound(makeInboundRaw({ from: PROSPECT, messageId: laterId, text: 'Actually, Wednesday?' }));
      const third = await h.mailbox.fetchNew(fetchInput(second.cursor, tracked));
      expect(third.messages.map((m) => m.messageId)).toEqual([laterId]);
    });
  });
}
