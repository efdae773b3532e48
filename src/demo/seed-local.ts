import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { CalendarEvent } from '../domain/types.js';
import type { DemoScenario } from './scenario.js';

/** Writes the demo scenario as a local workspace: .ics folder, Maildir, prospects, config. */
export function seedLocalWorkspace(dir: string, scenario: DemoScenario): string {
  const calendarDir = join(dir, 'calendar');
  const maildir = join(dir, 'mail', 'inbox');
  for (const d of [calendarDir, join(maildir, 'new'), join(maildir, 'cur'), join(maildir, 'tmp'), join(dir, 'data')]) mkdirSync(d, { recursive: true });
  for (const e of scenario.events) writeFileSync(join(calendarDir, `${e.id}.ics`), eventToIcs(e));
  scenario.messages.forEach((m, i) => {
    // mbsync/offlineimap keep the whole mailbox; the rep's own sent mail is read for threading.
    const name = `${Math.floor(m.date.getTime() / 1000)}.demo${i}.followup:2,S`;
    writeFileSync(join(maildir, 'cur', name), m.raw);
  });
  writeFileSync(join(dir, 'prospects.yaml'), `# The demo rep's prospects (edit freely).\n${stringify(scenario.prospects, { aliasDuplicateObjects: false })}`);
  const config = {
    prospects: 'prospects.yaml',
    store: { sqlitePath: './data/followup.db' },
    // The demo keeps the outbox to prospect emails; set true to see the rep's daily digest.
    web: { digest: false },
    accounts: [
      {
        id: scenario.rep.id,
        name: scenario.rep.name,
        email: scenario.rep.email,
        timeZone: scenario.rep.timeZone,
        provider: 'local',
        local: { calendarDir: './calendar', maildir: './mail/inbox', outgoing: { kind: 'maildir', dir: './mail/outbox' } },
      },
    ],
  };
  const configPath = join(dir, 'followup.yaml');
  writeFileSync(configPath, `# The demo workspace, made by \`npm start\` (followup demo). Safe to delete.\n${stringify(config)}`);
  writeFileSync(join(dir, '.followup-demo'), `${scenario.now.toISOString()}\n`);
  return configPath;
}

function icsDate(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const PARTSTAT = { accepted: 'ACCEPTED', declined: 'DECLINED', tentative: 'TENTATIVE', needs_action: 'NEEDS-ACTION' } as const;

export function eventToIcs(e: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//followup//demo//EN',
    'BEGIN:VEVENT',
    `UID:${e.uid ?? e.id}`,
    `DTSTAMP:${icsDate(e.start)}`,
    `DTSTART:${icsDate(e.start)}`,
    `DTEND:${icsDate(e.end)}`,
    `SUMMARY:${e.title}`,
    ...(e.description ? [`DESCRIPTION:${e.description.replace(/\n/g, '\\n')}`] : []),
    ...(e.organizerEmail ? [`ORGANIZER:mailto:${e.organizerEmail}`] : []),
    ...e.attendees.map((a) => `ATTENDEE;CN=${a.name ?? a.email};PARTSTAT=${PARTSTAT[a.response]}:mailto:${a.email}`),
    ...(e.categories.length ? [`CATEGORIES:${e.categories.join(',')}`] : []),
    `STATUS:${e.status.toUpperCase()}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ];
  return lines.join('\r\n');
}
