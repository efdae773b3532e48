import type { InboundMessage } from '../../src/domain/types.js';

/** A decoded inbound message for table tests. */
export function msg(text: string, date: string, extra: Partial<InboundMessage> = {}): InboundMessage {
  return {
    providerId: 't', messageId: null, inReplyTo: null, references: [], from: { email: 'sam@buyer.example' }, to: ['dana@seller.io'],
    subject: 'Re: Demo', date: new Date(date), headers: {}, text, html: null, ...extra,
  };
}

/** Monday 2025-11-17 10:12 in New York. */
export const MON_NY = '2025-11-17T15:12:00Z';
