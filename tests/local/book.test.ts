import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import ical from 'node-ical';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Booking } from '../../src/domain/types.js';
import { silentLogger } from '../../src/log.js';
import { ProviderError } from '../../src/ports/errors.js';
import type { MailSender, OutgoingEmail } from '../../src/ports/providers.js';
import { VdirCalendarAdapter, bookingFileName } from '../../src/providers/local/vdir-calendar.adapter.js';
import { VdirClient } from '../../src/providers/local/vdir.client.js';
import { readMaildir } from './local-harness.js';
import { makeLocalConfig, makeLocalProviders, makeTempDir } from './helpers.js';

function booking(overrides: Partial<Booking> = {}): Booking {
  return {
    id: 'bk_4f1c2d3e4f5a6b7c8d9e',
    accountId: 'rep1',
    prospectId: 'p1',
    prospectEmail: 'pat.prospect@client.example',
    prospectName: 'Pat Prospect',
    organizerEmail: 'rep@followup.example',
    organizerName: 'Robin Rep',
    title: 'Pat Prospect / Robin Rep (Client Co)',
    description: 'As agreed by email.',
    start: new Date('2030-06-04T14:00:00Z'),
    end: new Date('2030-06-04T14:30:00Z'),
    timeZone: 'America/Chicago',
    reminderMinutes: 15,
    conference: false,
    thread: { inReplyTo: '<reply-7@client.example>', references: ['<nudge-1@followup.local>', '<reply-7@client.example>'], subject: 'Re: Our call' },
    ...overrides,
  };
}

describe('local calendar: book', () => {
  let remove: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await remove?.();
  });

  async function setup() {
    const temp = await makeTempDir('book');
    remove = temp.remove;
    const providers = await makeLocalProviders(makeLocalConfig({ baseDir: temp.dir }));
    return { base: temp.dir, providers };
  }

  it('writes <booking.id>.ics and mails one iMIP invite threaded into the conversation', async () => {
    const { base, providers } = await setup();
    const b = booking();
    const result = await providers.calendar.book(b);
    expect(result).toEqual({ eventId: `${b.id}@followup`, created: true, conferenceUrl: null });

    const stored = await readFile(join(base, 'calendar', `${b.id}.ics`), 'utf8');
    expect(stored).not.toContain('METHOD:');
    const event = Object.values(ical.sync.parseICS(stored)).find((c) => c?.type === 'VEVENT') as ical.VEvent;
    expect((event.start as Date).toISOString()).toBe(b.start.toISOString());

    const sent = await readMaildir(join(base, 'outbox'));
    expect(sent).toHaveLength(1);
    const invite = sent[0]!;
    expect(invite.messageId).toBe(`<invite-${b.id}@followup.example>`);
    expect(invite.inReplyTo).toBe('<reply-7@client.example>');
    expect(invite.references).toEqual(['<nudge-1@followup.local>', '<reply-7@client.example>']);
    expect(invite.to).toEqual(['pat.prospect@client.example']);
    expect(invite.subject).toBe('Invitation: Pat Prospect / Robin Rep (Client Co) @ Tue 4 Jun 2030 09:00–09:30 CDT (America/Chicago)');
    expect(invite.text).toContain('When: Tuesday, 4 June 2030, 09:00–09:30 Central Daylight Time (America/Chicago)');
    expect(invite.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(invite.headers['auto-submitted']).toBe('auto-generated');

    // The booked event is read back by sync like any other.
    const synced = await providers.calendar.sync({ cursor: null, window: { start: new Date('2030-06-01T00:00:00Z'), end: new Date('2030-06-30T00:00:00Z') } });
    expect(synced.upserted.map((e) => [e.id, e.start.toISOString(), e.attendees.map((a) => `${a.email}:${a.response}`)])).toEqual([
      [`${b.id}@followup`, b.start.toISOString(), ['pat.prospect@client.example:needs_action', 'rep@followup.example:accepted']],
    ]);
  });

  it('does not write or invite twice when booked again', async () => {
    const { base, providers } = await setup();
    await providers.calendar.book(booking());
    const again = await providers.calendar.book(booking());
    expect(again.created).toBe(false);
    expect((await readdir(join(base, 'calendar'))).sort()).toEqual([`.${booking().id}.ics.invite`, `${booking().id}.ics`]);
    expect(await readMaildir(join(base, 'outbox'))).toHaveLength(1);
  });

  it('sends the invite on the retry when the first attempt stopped after writing the event', async () => {
    const { base } = await setup();
    const dir = join(base, 'calendar');
    let failNext = true;
    const sent: OutgoingEmail[] = [];
    const sender: MailSender = {
      async send(email) {
        if (failNext) {
          failNext = false;
          throw new ProviderError({ code: 'TRANSIENT', where: 'test smtp', message: 'connection reset' });
        }
        sent.push(email);
        return { providerMessageId: email.messageId };
      },
      async findSent(messageId) {
        return sent.some((e) => e.messageId === messageId) ? { providerMessageId: messageId } : false;
      },
    };
    const adapter = new VdirCalendarAdapter({ calendarId: 'local:rep1', client: new VdirClient(dir), floatingZone: 'Europe/Berlin', repEmail: 'rep@followup.example', sender, now: () => new Date('2030-06-01T00:00:00Z'), logger: silentLogger() });
    await expect(adapter.book(booking())).rejects.toMatchObject({ code: 'TRANSIENT' });
    expect(await readdir(dir)).toEqual([`${booking().id}.ics`]); // no claim left behind
    const retry = await adapter.book(booking());
    expect(retry.created).toBe(false);
    expect(sent.map((e) => e.messageId)).toEqual([`<invite-${booking().id}@followup.example>`]);
    // A third call finds the invite sent and leaves it.
    await adapter.book(booking());
    expect(sent).toHaveLength(1);
  });

  it('does not resend when the transport cannot tell (plain SMTP without a Sent copy)', async () => {
    const { base } = await setup();
    const send = vi.fn(async (email: OutgoingEmail) => ({ providerMessageId: email.messageId }));
    const sender: MailSender = { send, findSent: async () => null };
    const adapter = new VdirCalendarAdapter({ calendarId: 'local:rep1', client: new VdirClient(join(base, 'calendar')), floatingZone: 'UTC', repEmail: 'rep@followup.example', sender, now: () => new Date(), logger: silentLogger() });
    await adapter.book(booking());
    await adapter.book(booking());
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('books into a folder other programs share safely: no temporary files left, unsafe ids hashed', async () => {
    const { base, providers } = await setup();
    // Two ticks booking the same meeting at once: one event, one invite, no temporary files.
    const results = await Promise.all([providers.calendar.book(booking()), providers.calendar.book(booking())]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect((await readdir(join(base, 'calendar'))).sort()).toEqual([`.${booking().id}.ics.invite`, `${booking().id}.ics`]);
    expect(await readMaildir(join(base, 'outbox'))).toHaveLength(1);
    expect(bookingFileName('bk_1')).toBe('bk_1.ics');
    expect(bookingFileName('../../etc/passwd')).toMatch(/^[0-9a-f]{40}\.ics$/);
    expect(bookingFileName('.hidden')).toMatch(/^[0-9a-f]{40}\.ics$/);
  });

  it('holds the invite when its connection was lost after the server may have taken it: the booking stands, the rep is told, no run resends it', async () => {
    const { base } = await setup();
    const uncertain = new ProviderError({ code: 'CONFLICT', uncertain: true, where: 'smtp 127.0.0.1:25', message: 'connection lost; may have gone out' });
    const send = vi.fn(async (email: OutgoingEmail): Promise<{ providerMessageId: string }> => {
      if (send.mock.calls.length === 1) throw uncertain;
      return { providerMessageId: email.messageId };
    });
    // The held Sent copy answers "cannot tell" (null), as the SMTP sender's findSent does.
    const sender: MailSender = { send, findSent: async () => null };
    const client = new VdirClient(join(base, 'calendar'));
    const at = (minutesLater: number) =>
      new VdirCalendarAdapter({ calendarId: 'local:rep1', client, floatingZone: 'UTC', repEmail: 'rep@followup.example', sender, now: () => new Date(Date.parse('2030-06-01T00:00:00Z') + minutesLater * 60_000), logger: silentLogger() });
    // The event is written and kept; only the email is in doubt, and the answer names it.
    const first = await at(0).book(booking());
    expect(first).toMatchObject({ eventId: `${booking().id}@followup`, created: true, inviteHeld: expect.stringMatching(/invite email <invite-.*> to pat\.prospect@client\.example .*may or may not have gone out/) });
    expect(await client.readMarker(`${booking().id}.ics.invite`)).toMatch(/^held /);
    expect((await at(1).book(booking())).inviteHeld).toMatch(/held earlier/);
    expect((await at(60).book(booking())).inviteHeld).toMatch(/held earlier/);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('takes over an invite attempt that stopped midway only when the sender can tell it did not go out', async () => {
    const { base } = await setup();
    const dir = join(base, 'calendar');
    const client = new VdirClient(dir);
    await client.create(`${booking().id}.ics`, 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    await client.createMarker(`${booking().id}.ics.invite`, 'sending 2030-06-01T00:00:00.000Z');
    const make = (findSent: MailSender['findSent'], minutesLater: number) => {
      const send = vi.fn(async (email: OutgoingEmail) => ({ providerMessageId: email.messageId }));
      const adapter = new VdirCalendarAdapter({ calendarId: 'local:rep1', client, floatingZone: 'UTC', repEmail: 'rep@followup.example', sender: { send, findSent }, now: () => new Date(Date.parse('2030-06-01T00:00:00Z') + minutesLater * 60_000), logger: silentLogger() });
      return { adapter, send };
    };
    // A fresh claim whose Sent copy shows the invite: sent, the booking done, nothing resent.
    const wentOut = make(async () => ({ providerMessageId: null }), 2);
    expect((await wentOut.adapter.book(booking())).inviteHeld).toBeFalsy();
    expect(wentOut.send).not.toHaveBeenCalled();
    expect(await client.readMarker(`${booking().id}.ics.invite`)).toMatch(/^sent /);
    await client.writeMarker(`${booking().id}.ics.invite`, 'sending 2030-06-01T00:00:00.000Z');
    // Another attempt may still be sending (or was killed mid-send) and no Sent copy shows it:
    // not answered as sent (the booking recorded done with its invite neither sent nor held),
    // nor failed (the prospect's time left unbooked once the retries ran out): the booking is
    // done and the invite held, named to the rep, never resent.
    const inFlight = make(async () => false, 2);
    expect((await inFlight.adapter.book(booking())).inviteHeld).toMatch(/claimed by another attempt/);
    expect(inFlight.send).not.toHaveBeenCalled();
    expect(await client.readMarker(`${booking().id}.ics.invite`)).toMatch(/^held /);
    await client.writeMarker(`${booking().id}.ics.invite`, 'sending 2030-06-01T00:00:00.000Z');
    const cannotTell = make(async () => null, 30);
    expect((await cannotTell.adapter.book(booking())).inviteHeld).toMatch(/stopped midway/); // the rep is asked
    expect(cannotTell.send).not.toHaveBeenCalled(); // at most once when the transport cannot tell
    expect(await client.readMarker(`${booking().id}.ics.invite`)).toMatch(/^held /);
    await client.writeMarker(`${booking().id}.ics.invite`, 'sending 2030-06-01T00:00:00.000Z');
    const notSent = make(async () => false, 30);
    await notSent.adapter.book(booking());
    expect(notSent.send).toHaveBeenCalledTimes(1);
  });

  it('fails plainly when the calendar folder has gone', async () => {
    const { base, providers } = await setup();
    await rm(join(base, 'calendar'), { recursive: true });
    await expect(providers.calendar.book(booking())).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/calendar folder is missing/) });
  });

  it('free/busy reads the folder once for many offers in a tick, and again after it books', async () => {
    const { base } = await setup();
    class CountingClient extends VdirClient {
      lists = 0;
      override async list() {
        this.lists += 1;
        return super.list();
      }
    }
    const client = new CountingClient(join(base, 'calendar'));
    const sender: MailSender = { send: async (email: OutgoingEmail) => ({ providerMessageId: email.messageId }), findSent: async () => false };
    const adapter = new VdirCalendarAdapter({ calendarId: 'local:rep1', client, floatingZone: 'UTC', repEmail: 'rep@followup.example', sender, now: () => new Date(), logger: silentLogger() });
    const day = (d: number) => ({ start: new Date(Date.UTC(2030, 5, d)), end: new Date(Date.UTC(2030, 5, d + 1)) });
    for (let d = 1; d <= 10; d++) expect(await adapter.freeBusy(day(d))).toEqual([]);
    expect(client.lists).toBe(1);
    await adapter.book(booking());
    const busy = await adapter.freeBusy(day(4));
    expect(busy).toEqual([{ start: booking().start, end: booking().end }]);
    // Booking looks for its UID in every file (vdirsyncer may have renamed it: one list), and
    // drops what free/busy read: the folder is read anew.
    expect(client.lists).toBe(3);
    // A window past what was read is read on its own.
    expect(await adapter.freeBusy({ start: new Date(Date.UTC(2031, 0, 1)), end: new Date(Date.UTC(2031, 0, 2)) })).toEqual([]);
    expect(client.lists).toBe(4);
  });
});
