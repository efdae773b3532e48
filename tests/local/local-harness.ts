import { cp, mkdir, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { InboundMessage } from '../../src/domain/types.js';
import { parseRawEmail } from '../../src/mail/parse-mime.js';
import type { CalendarHarness, HarnessEventInput } from '../contracts/calendar-provider.contract.js';
import type { MailHarness } from '../contracts/mail.contract.js';
import { makeLocalConfig, makeLocalProviders, makeTempDir, type OutgoingConfig } from './helpers.js';

/** Writes events the way another client (khal, vdirsyncer) would: one VCALENDAR per file,
 *  times in the event's IANA zone with no VTIMEZONE, replaced atomically on update. */
export function eventIcs(e: HarnessEventInput): string {
  const zone = e.timeZone ?? 'UTC';
  const time = (name: string, d: Date) =>
    zone === 'UTC' ? `${name}:${DateTime.fromJSDate(d, { zone: 'UTC' }).toFormat("yyyyMMdd'T'HHmmss'Z'")}` : `${name};TZID=${zone}:${DateTime.fromJSDate(d, { zone }).toFormat("yyyyMMdd'T'HHmmss")}`;
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//followup tests//EN',
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    'DTSTAMP:20300101T000000Z',
    time('DTSTART', e.start),
    time('DTEND', e.end),
    `SUMMARY:${e.title}`,
    'ORGANIZER;CN=Robin Rep:mailto:rep@followup.example',
    ...e.attendees.map((a) => `ATTENDEE;PARTSTAT=${a.response.toUpperCase().replace('_', '-')}:mailto:${a.email}`),
    ...(e.categories?.length ? [`CATEGORIES:${e.categories.join(',')}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

async function writeAtomic(path: string, text: string): Promise<void> {
  await writeFile(`${path}.tmp-write`, text);
  await rename(`${path}.tmp-write`, path);
}

export async function makeLocalCalendarHarness(): Promise<CalendarHarness & { dir: string }> {
  const temp = await makeTempDir('cal');
  const config = makeLocalConfig({ baseDir: temp.dir });
  const providers = await makeLocalProviders(config);
  const calendarDir = join(temp.dir, 'calendar');
  const events = new Map<string, HarnessEventInput>();
  const fileOf = (uid: string) => join(calendarDir, `${uid}.ics`);
  return {
    dir: temp.dir,
    provider: providers.calendar,
    async addEvent(e) {
      events.set(e.uid, e);
      await writeAtomic(fileOf(e.uid), eventIcs(e));
      return e.uid;
    },
    async updateEvent(id, patch) {
      const current = events.get(id);
      if (!current) throw new Error(`no event ${id}`);
      const next = { ...current, ...patch };
      events.set(id, next);
      await writeAtomic(fileOf(id), eventIcs(next));
    },
    async deleteEvent(id) {
      events.delete(id);
      await unlink(fileOf(id));
    },
    async expireCursor() {
      // The folder is replaced by a copy (restored from a backup, re-created by vdirsyncer).
      await cp(calendarDir, `${calendarDir}.copy`, { recursive: true });
      await rm(calendarDir, { recursive: true });
      await rename(`${calendarDir}.copy`, calendarDir);
    },
    async listBookedEvents() {
      const booked = [];
      for (const name of await readdir(calendarDir)) {
        if (!name.endsWith('.ics')) continue;
        const root = new ICAL.Component(ICAL.parse(await readFile(join(calendarDir, name), 'utf8')));
        const vevent = root.getFirstSubcomponent('vevent');
        if (!vevent || !String(vevent.getFirstPropertyValue('uid')).endsWith('@followup')) continue;
        // ical.js has no tz database: these instants come from the file's own VTIMEZONE.
        const event = new ICAL.Event(vevent);
        const trigger = vevent.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger') as ICAL.Duration | undefined;
        booked.push({
          id: event.uid,
          start: event.startDate.toJSDate(),
          end: event.endDate.toJSDate(),
          attendees: event.attendees.map((a) => String(a.getFirstValue()).replace(/^mailto:/i, '').toLowerCase()),
          reminderMinutes: trigger ? -trigger.toSeconds() / 60 : null,
        });
      }
      return booked;
    },
    cleanup: temp.remove,
  };
}

export async function deliverToMaildir(maildir: string, raw: string, name?: string): Promise<string> {
  const file = name ?? `${Date.now()}.${process.pid}_${Math.random().toString(36).slice(2)}.testhost`;
  await mkdir(join(maildir, 'tmp'), { recursive: true });
  await writeFile(join(maildir, 'tmp', file), raw);
  await rename(join(maildir, 'tmp', file), join(maildir, 'new', file));
  return file;
}

export async function readMaildir(maildir: string): Promise<InboundMessage[]> {
  const messages: InboundMessage[] = [];
  for (const folder of ['new', 'cur']) {
    for (const name of await readdir(join(maildir, folder)).catch(() => [] as string[])) {
      messages.push(await parseRawEmail(await readFile(join(maildir, folder, name)), name));
    }
  }
  return messages;
}

export async function makeLocalMailHarness(outgoing?: OutgoingConfig, extra?: { env?: Record<string, string>; captured?: () => Promise<InboundMessage[]>; onCleanup?: () => Promise<void> }): Promise<MailHarness & { dir: string }> {
  const temp = await makeTempDir('mail');
  const config = makeLocalConfig({ baseDir: temp.dir, ...(outgoing ? { outgoing } : {}), ...(extra?.env ? { env: extra.env } : {}) });
  const providers = await makeLocalProviders(config, () => new Date());
  return {
    dir: temp.dir,
    sender: providers.sender,
    mailbox: providers.mailbox!,
    async deliverInbound(raw) {
      await deliverToMaildir(join(temp.dir, 'inbox'), raw);
    },
    sentMessages: extra?.captured ?? (() => readMaildir(join(temp.dir, 'outbox'))),
    async cleanup() {
      await extra?.onCleanup?.();
      await temp.remove();
    },
  };
}
