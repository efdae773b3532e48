import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingEmail } from '../../src/ports/providers.js';
import { makeInboundRaw } from '../contracts/mail.contract.js';
import { makeTestbed, REP } from './harness.js';

/**
 * Graph processes a send but its answer is lost (503 or a timeout after processing). Every retry
 * must look in Sent Items first, so the prospect gets the email once, whatever the number of
 * lost answers (issue 10, item 1).
 */
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const PROSPECT = 'pat.prospect@client.example';

function email(tag: string, overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    messageId: `<lost-${tag}-${Date.now()}@followup.local>`,
    from: { email: REP, name: 'Robin Rep' },
    to: PROSPECT,
    subject: `Following up ${tag}`,
    text: 'Hello',
    html: null,
    thread: { references: [] },
    attachments: [],
    headers: {},
    ...overrides,
  };
}

describe('microsoft: a lost answer to a send never duplicates', () => {
  it.each([1, 2, 4])('sendMail answered 503 after processing %i time(s): one copy in Sent Items, one delivered', async (times) => {
    const bed = makeTestbed(server);
    bed.emulator.control.addFault({ status: 503, method: 'POST', pathIncludes: '/sendMail', times, afterProcessing: true, retryAfterSeconds: 0 });
    const e = email(`503x${times}`);
    const receipt = await bed.providers.sender.send(e);
    expect(receipt.providerMessageId).toBeTruthy();
    const sent = bed.emulator.control.messages(REP, 'sentitems').filter((m) => m.internetMessageId === e.messageId);
    expect(sent).toHaveLength(1);
    expect(bed.emulator.state.outbound.filter((o) => o.internetMessageId === e.messageId)).toHaveLength(1);
    // The fault did fire: the first POST was processed and its answer lost.
    expect(bed.emulator.state.requestLog.filter((r) => r.method === 'POST' && r.path.endsWith('/sendMail')).map((r) => r.status)[0]).toBe(503);
  });

  it('sendMail that times out after processing: the retry finds it in Sent Items', async () => {
    const bed = makeTestbed(server, { emulator: { faults: { timeoutHangMs: 2_500 } } });
    bed.emulator.control.addFault({ status: 'timeout', method: 'POST', pathIncludes: '/sendMail', times: 1, afterProcessing: true });
    const e = email('timeout');
    await bed.providers.sender.send(e);
    expect(bed.emulator.control.messages(REP, 'sentitems').filter((m) => m.internetMessageId === e.messageId)).toHaveLength(1);
    expect(bed.emulator.state.outbound.filter((o) => o.internetMessageId === e.messageId)).toHaveLength(1);
  });

  it('a reply (createReply + send) whose send answer is lost twice: one copy', async () => {
    const bed = makeTestbed(server);
    const inbound = await bed.emulator.control.deliverRaw(REP, makeInboundRaw({ from: PROSPECT, messageId: '<lost-p@client.example>' }));
    bed.emulator.control.addFault({ status: 503, method: 'POST', pathIncludes: '/send', times: 2, afterProcessing: true, retryAfterSeconds: 0 });
    const e = email('reply', { thread: { references: ['<lost-p@client.example>'], inReplyTo: '<lost-p@client.example>', replyToProviderId: inbound.id } });
    const receipt = await bed.providers.sender.send(e);
    expect(receipt.threadId).toBe(inbound.conversationId);
    expect(bed.emulator.control.messages(REP, 'sentitems').filter((m) => m.internetMessageId === e.messageId)).toHaveLength(1);
    expect(bed.emulator.state.outbound.filter((o) => o.internetMessageId === e.messageId)).toHaveLength(1);
  });

  it('a Sent Items check that itself fails is retried; nothing is posted without a successful check', async () => {
    const bed = makeTestbed(server);
    bed.emulator.control.addFault({ status: 503, method: 'POST', pathIncludes: '/sendMail', times: 1, afterProcessing: true, retryAfterSeconds: 0 });
    // The first Sent Items lookups (before the first POST and before the retry) fail too.
    bed.emulator.control.addFault({ status: 503, method: 'GET', pathIncludes: '/mailFolders/sentitems/messages', times: 2, retryAfterSeconds: 0 });
    const e = email('check-fails');
    await bed.providers.sender.send(e);
    expect(bed.emulator.control.messages(REP, 'sentitems').filter((m) => m.internetMessageId === e.messageId)).toHaveLength(1);
  });
});
