import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoScenario } from '../../src/demo/scenario.js';
import { seedGoogleEmulator } from '../../src/emulators/google/index.js';
import { createMswServer, freshEmulator, providersFor, REP } from './harness.js';

const server = createMswServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const raw = (from: string, id: string, extra = '') =>
  `From: ${from}\r\nTo: ${REP}\r\nSubject: Intro\r\nDate: Mon, 03 Jun 2030 09:00:00 +0000\r\nMessage-ID: ${id}\r\n${extra}Content-Type: text/plain\r\n\r\nHello\r\n`;

describe('seedGoogleEmulator', () => {
  it('loads the demo events and threads, and the adapter reads them back', async () => {
    const emu = freshEmulator(server);
    const scenario: DemoScenario = {
      now: new Date('2030-06-04T09:00:00Z'),
      rep: { id: 'robin', email: REP, name: 'Robin Rep', timeZone: 'Europe/Berlin' },
      prospects: [],
      events: [
        {
          id: 'evtlinda01', calendarId: 'primary', title: 'Demo with Linda', start: new Date('2030-06-03T13:00:00Z'), end: new Date('2030-06-03T13:30:00Z'),
          status: 'confirmed', organizerEmail: REP, attendees: [{ email: 'linda@prospect.example', response: 'needs_action' }], categories: ['no-show'],
          conference: { provider: 'meet', id: 'abc-defg-hij', joinUrl: 'https://meet.google.com/abc-defg-hij' },
        },
      ],
      messages: [
        { raw: raw(REP, '<out-1@followup.local>'), folder: 'sent', date: new Date('2030-06-01T09:00:00Z'), threadKey: 'linda' },
        { raw: raw('linda@prospect.example', '<in-1@prospect.example>'), folder: 'inbox', date: new Date('2030-06-02T09:00:00Z'), threadKey: 'linda' },
      ],
    };
    const seeded = seedGoogleEmulator(emu, scenario);
    const { calendar, mailbox } = providersFor(emu, { refreshToken: seeded.refreshToken });
    const synced = await calendar.sync({ cursor: null, window: { start: new Date('2030-06-01T00:00:00Z'), end: new Date('2030-06-10T00:00:00Z') } });
    expect(synced.upserted[0]).toMatchObject({ id: 'evtlinda01', title: 'Demo with Linda', categories: ['no-show'], conference: { provider: 'meet', id: 'abc-defg-hij' } });
    const threadId = seeded.threads.get('linda');
    expect(emu.control.sent(REP)[0]?.threadId).toBe(threadId);
    const fetched = await mailbox!.fetchNew({ cursor: null, since: new Date('2030-05-01T00:00:00Z'), isTracked: ({ threadId: t }) => t === threadId });
    expect(fetched.messages.map((m) => [m.messageId, m.threadId])).toEqual([
      ['<out-1@followup.local>', threadId],
      ['<in-1@prospect.example>', threadId],
    ]);
  });
});
