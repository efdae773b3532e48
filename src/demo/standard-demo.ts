import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { readHeaderHints } from '../providers/local/mail-headers.parser.js';
import { readCalendarEvents } from '../providers/local/ics-event.mapper.js';
import { parseIcs } from '../providers/local/ics.parser.js';
import type { EmulatedFamily } from './run-provider-demo.js';
import type { DemoScenario } from './scenario.js';
import { eventToIcs } from './seed-local.js';
import { findServerBinaries, missingServers, startDovecot, startRadicale, startSmtpCapture } from './standard-servers.js';

/** The environment variables the demo's config names (set for this process only). */
const ENV = { caldav: 'FOLLOWUP_DEMO_CALDAV_PASSWORD', imap: 'FOLLOWUP_DEMO_IMAP_PASSWORD', smtp: 'FOLLOWUP_DEMO_SMTP_PASSWORD' };

/**
 * The demo on real servers: Radicale (CalDAV) and Dovecot (IMAP) from Debian's packages, started
 * in user space on free 127.0.0.1 ports with temporary folders, and an SMTP server that keeps
 * what it accepts. Events are PUT into a "Work" calendar, received mail APPENDed to INBOX and the
 * rep's earlier mail to Sent; the worker then runs through the standard provider as for any
 * CalDAV/IMAP/SMTP host. Everything stops when the demo ends.
 */
export async function startStandard(scenario: DemoScenario): Promise<EmulatedFamily> {
  const bins = findServerBinaries();
  const missing = missingServers(bins);
  if (missing) throw new Error(`--provider standard runs the demo on real Radicale and Dovecot servers: ${missing}`);
  const radicale = await startRadicale({ command: bins.radicale! });
  const stops: (() => Promise<void>)[] = [() => radicale.stop()];
  const close = async () => {
    await Promise.allSettled(stops.map((s) => s()));
  };
  try {
    const dovecot = await startDovecot({ binary: bins.dovecot!, user: scenario.rep.email });
    stops.push(() => dovecot.stop());
    const smtp = await startSmtpCapture({ user: scenario.rep.email });
    stops.push(() => smtp.stop());
    const calUrl = await radicale.makeCalendar('work', 'Work');
    const auth = `Basic ${Buffer.from(`${radicale.user}:${radicale.password}`).toString('base64')}`;
    for (const e of scenario.events) {
      const res = await fetch(`${calUrl}${encodeURIComponent(e.id)}.ics`, { method: 'PUT', headers: { authorization: auth, 'content-type': 'text/calendar' }, body: eventToIcs(e) });
      if (!res.ok) throw new Error(`Radicale refused the demo event ${e.id}: HTTP ${res.status}`);
    }
    const imap = () => new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
    const append = async (folder: string, raw: string, flags: string[], date?: Date) => {
      const c = imap();
      await c.connect();
      try {
        await c.append(folder, Buffer.from(raw), flags, date);
      } finally {
        await c.logout();
      }
    };
    for (const m of scenario.messages) await append(m.folder === 'sent' ? 'Sent' : 'INBOX', m.raw, ['\\Seen'], m.date);
    process.env[ENV.caldav] = radicale.password;
    process.env[ENV.imap] = dovecot.password;
    process.env[ENV.smtp] = smtp.password;
    const calendarDir = join(radicale.collectionsDir, 'work');
    return {
      accountSection: {
        provider: 'standard',
        caldav: { url: radicale.url, username: radicale.user, passwordEnv: ENV.caldav, calendar: 'Work' },
        imap: { host: dovecot.host, port: dovecot.port, secure: false, user: dovecot.user, passwordEnv: ENV.imap, inbox: 'INBOX', sent: 'Sent' },
        smtp: { host: '127.0.0.1', port: smtp.port, secure: false, user: smtp.user, passwordEnv: ENV.smtp },
      },
      label: 'Radicale, Dovecot and an SMTP server on 127.0.0.1 (real standard adapter)',
      sentLabel: "Dovecot's Sent folder",
      saveCredential: async () => undefined,
      // Dovecot's own files: every copy in Sent, by Message-ID.
      sentMessageIds: () => maildirMessageIds(join(dovecot.maildir, '.Sent')),
      deliveredMessageIds: () => smtp.messages.map((m) => readHeaderHints(Buffer.from(m.raw.split(/\r?\n\r?\n/)[0] ?? '')).messageId ?? ''),
      // Radicale's own files: the events followup booked.
      bookedEvents: () =>
        readdirSync(calendarDir)
          .filter((n) => n.endsWith('.ics'))
          .flatMap((n) => readCalendarEvents(parseIcs(readFileSync(join(calendarDir, n))), { calendarId: 'demo', floatingZone: 'UTC', range: { start: new Date(0), end: new Date(8.64e15) } }).events)
          .filter((r) => (r.event.uid ?? '').endsWith('@followup'))
          .map((r) => ({ start: r.event.start.toISOString(), attendees: r.event.attendees.map((a) => a.email) })),
      nativeDraftIds: () => [],
      deliverInbound: async (_email, raw) => append('INBOX', raw, []),
      addAttendance: async () => undefined,
      sendNativeDraft: async () => {
        throw new Error('the standard provider has no native drafts');
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

function maildirMessageIds(folder: string): string[] {
  const ids: string[] = [];
  for (const sub of ['new', 'cur']) {
    const dir = join(folder, sub);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const id = readHeaderHints(readFileSync(join(dir, name)).subarray(0, 64 * 1024)).messageId;
      if (id) ids.push(id);
    }
  }
  return ids;
}
