import { rmSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { ImapFlow } from 'imapflow';
import { parseConfig, type AppConfig } from '../../src/config.js';
import { findServerBinaries, missingServers, startDovecot, startRadicale, startSmtpCapture, type DovecotServer, type RadicaleServer, type SmtpCaptureServer } from '../../src/demo/standard-servers.js';
import { silentLogger } from '../../src/log.js';
import type { ProviderSet } from '../../src/ports/providers.js';
import { createStandardProviders } from '../../src/providers/standard/index.js';
import { parseRawEmail } from '../../src/mail/parse-mime.js';
import type { CalendarHarness, HarnessEventInput } from '../contracts/calendar-provider.contract.js';
import type { MailHarness } from '../contracts/mail.contract.js';
import { eventIcs } from '../local/local-harness.js';
import { untouchedStore } from './untouched-store.js';

/**
 * Radicale + Dovecot + an SMTP server for the standard provider's tests. When a server binary
 * is missing the tests fail in CI and are skipped elsewhere, with the install command.
 */
const missing = missingServers();
if (missing && process.env.CI) throw new Error(`The standard-provider tests need real servers: ${missing}`);
if (missing) console.warn(`Skipping the standard-provider tests: ${missing}`);
export const serversMissing = Boolean(missing);

export interface Servers {
  radicale: RadicaleServer;
  dovecot: DovecotServer;
  smtp: SmtpCaptureServer;
  stop(): Promise<void>;
}

export async function startServers(): Promise<Servers> {
  const bins = findServerBinaries();
  const radicale = await startRadicale({ command: bins.radicale! });
  const dovecot = await startDovecot({ binary: bins.dovecot!, extraUsers: 12 }).catch(async (err: unknown) => {
    await radicale.stop();
    throw err;
  });
  const smtp = await startSmtpCapture();
  return {
    radicale,
    dovecot,
    smtp,
    async stop() {
      await Promise.allSettled([radicale.stop(), dovecot.stop(), smtp.stop()]);
    },
  };
}

let counter = 0;
export function uniqueName(label: string): string {
  counter += 1;
  return `${label}${process.pid}x${counter}`;
}

export const REP_EMAIL = 'rep@followup.example';

/** A config with one standard account on these servers (a fresh calendar and IMAP user). */
export async function standardConfig(servers: Servers, options: { calendar?: string; imapUser?: { user: string; password: string }; env?: Record<string, string>; timeZone?: string } = {}): Promise<AppConfig> {
  const imapUser = options.imapUser ?? { user: servers.dovecot.user, password: servers.dovecot.password };
  const yaml = `
accounts:
  - id: rep
    name: Robin Rep
    email: ${REP_EMAIL}
    timeZone: ${options.timeZone ?? 'America/New_York'}
    provider: standard
    caldav: { url: "${servers.radicale.url}", username: ${servers.radicale.user}, passwordEnv: CALDAV_PASSWORD${options.calendar ? `, calendar: "${options.calendar}"` : ''} }
    imap: { host: 127.0.0.1, port: ${servers.dovecot.port}, secure: false, user: "${imapUser.user}", passwordEnv: IMAP_PASSWORD, inbox: INBOX, sent: Sent }
    smtp: { host: 127.0.0.1, port: ${servers.smtp.port}, secure: false, user: ${servers.smtp.user}, passwordEnv: SMTP_PASSWORD }
`;
  return parseConfig(yaml, join(process.cwd(), 'standard-test.yaml'), {
    CALDAV_PASSWORD: servers.radicale.password,
    IMAP_PASSWORD: imapUser.password,
    SMTP_PASSWORD: servers.smtp.password,
    ...options.env,
  });
}

export async function standardProviders(config: AppConfig, now: () => Date = () => new Date()): Promise<ProviderSet> {
  return createStandardProviders({ account: config.accounts[0]!, config, store: untouchedStore, logger: silentLogger(), now });
}

function auth(r: RadicaleServer): string {
  return `Basic ${Buffer.from(`${r.user}:${r.password}`).toString('base64')}`;
}

export async function davPut(r: RadicaleServer, url: string, ics: string): Promise<void> {
  const res = await fetch(url, { method: 'PUT', headers: { authorization: auth(r), 'content-type': 'text/calendar' }, body: ics });
  if (res.status >= 300) throw new Error(`PUT ${url}: ${res.status}`);
}

/** Every object of a calendar as Radicale serves it (PROPFIND + GET). */
export async function davObjects(r: RadicaleServer, calUrl: string): Promise<{ href: string; ics: string }[]> {
  const res = await fetch(calUrl, { method: 'PROPFIND', headers: { authorization: auth(r), depth: '1', 'content-type': 'application/xml' }, body: '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>' });
  const hrefs = [...(await res.text()).matchAll(/<(?:\w+:)?href>([^<]+\.ics)<\/(?:\w+:)?href>/g)].map((m) => m[1]!);
  const out = [];
  for (const href of hrefs) {
    const get = await fetch(new URL(href, calUrl), { headers: { authorization: auth(r) } });
    out.push({ href, ics: await get.text() });
  }
  return out;
}

export async function makeStandardCalendarHarness(servers: Servers): Promise<CalendarHarness> {
  const slug = uniqueName('cal');
  const calUrl = await servers.radicale.makeCalendar(slug, `Contract ${slug}`);
  const providers = await standardProviders(await standardConfig(servers, { calendar: calUrl }));
  const events = new Map<string, HarnessEventInput>();
  const urlOf = (uid: string) => `${calUrl}${uid}.ics`;
  return {
    provider: providers.calendar,
    async addEvent(e) {
      events.set(e.uid, e);
      await davPut(servers.radicale, urlOf(e.uid), eventIcs(e));
      return e.uid;
    },
    async updateEvent(id, patch) {
      const next = { ...events.get(id)!, ...patch };
      events.set(id, next);
      await davPut(servers.radicale, urlOf(id), eventIcs(next));
    },
    async deleteEvent(id) {
      events.delete(id);
      await fetch(urlOf(id), { method: 'DELETE', headers: { authorization: auth(servers.radicale) } });
    },
    async expireCursor() {
      // Radicale forgets the sync tokens it handed out, as a server that expires them does; a
      // to-do (no event) changes the collection so that the old token is looked up.
      await davPut(servers.radicale, `${calUrl}${uniqueName('todo')}.ics`, 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VTODO\r\nUID:todo-expire\r\nDTSTAMP:20300101T000000Z\r\nSUMMARY:x\r\nEND:VTODO\r\nEND:VCALENDAR\r\n');
      rmSync(join(servers.radicale.collectionsDir, slug, '.Radicale.cache', 'sync-token'), { recursive: true, force: true });
    },
    async listBookedEvents() {
      const booked = [];
      for (const { ics } of await davObjects(servers.radicale, calUrl)) {
        const vevent = new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vevent');
        if (!vevent || !String(vevent.getFirstPropertyValue('uid')).endsWith('@followup')) continue;
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
    cleanup: async () => undefined,
  };
}

export async function imapSession<T>(servers: Servers, login: { user: string; password: string }, fn: (c: ImapFlow) => Promise<T>): Promise<T> {
  const c = new ImapFlow({ host: '127.0.0.1', port: servers.dovecot.port, secure: false, auth: { user: login.user, pass: login.password }, logger: false });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.logout();
  }
}

/** Messages of a folder: Message-ID and flags, in UID order. */
export async function folderMessages(servers: Servers, login: { user: string; password: string }, folder: string): Promise<{ uid: number; messageId: string | null; flags: string[] }[]> {
  return imapSession(servers, login, async (c) => {
    const lock = await c.getMailboxLock(folder);
    try {
      const out = [];
      if ((c.mailbox ? c.mailbox.exists : 0) === 0) return [];
      for await (const m of c.fetch('1:*', { uid: true, flags: true, envelope: true })) out.push({ uid: m.uid, messageId: m.envelope?.messageId ?? null, flags: [...(m.flags ?? [])] });
      return out;
    } finally {
      lock.release();
    }
  });
}

/** A mail user of its own (an empty mailbox), from the pool Dovecot was started with. */
export function nextLogin(servers: Servers): { user: string; password: string } {
  const used = (servers as Servers & { used?: number }).used ?? 0;
  const login = servers.dovecot.extraLogins[used];
  if (!login) throw new Error('no more Dovecot test users; raise extraUsers in startServers');
  (servers as Servers & { used?: number }).used = used + 1;
  return login;
}

export async function makeStandardMailHarness(servers: Servers): Promise<MailHarness> {
  const login = nextLogin(servers);
  const providers = await standardProviders(await standardConfig(servers, { imapUser: login }));
  const before = servers.smtp.messages.length;
  return {
    sender: providers.sender,
    mailbox: providers.mailbox!,
    async deliverInbound(raw) {
      await imapSession(servers, login, (c) => c.append('INBOX', Buffer.from(raw)));
    },
    sentMessages: async () => Promise.all(servers.smtp.messages.slice(before).map((m, i) => parseRawEmail(m.raw, `smtp-${i}`))),
    cleanup: async () => undefined,
  };
}
