import { DateTime } from 'luxon';
import type { CalendarEvent } from '../domain/types.js';
import type { DemoMessage, DemoScenario } from './scenario.js';

/**
 * The demo workspace, relative to `now`, with one prospect per rule of the playbook:
 * Linda (missed meeting), Tom (3 days late), Priya (12 days late), Ken (9 months late),
 * Sara (names a time), Omar (out of office), Dana (opt-out).
 */
export const DEMO_REP = { id: 'alex', email: 'alex@northwind.example', name: 'Alex Morgan', timeZone: 'America/New_York' };
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

function rfc2822(d: Date): string {
  return DateTime.fromJSDate(d, { zone: 'UTC' }).setLocale('en-US').toFormat("ccc, dd LLL yyyy HH:mm:ss '+0000'");
}

function message(input: {
  from: string;
  to: string;
  subject: string;
  date: Date;
  id: string;
  inReplyTo?: string;
  headers?: Record<string, string>;
  body: string;
  folder: 'inbox' | 'sent';
  threadKey: string;
}): DemoMessage {
  const lines = [
    `From: ${input.from}`,
    `To: ${input.to}`,
    `Subject: ${input.subject}`,
    `Date: ${rfc2822(input.date)}`,
    `Message-ID: ${input.id}`,
    ...(input.inReplyTo ? [`In-Reply-To: ${input.inReplyTo}`, `References: ${input.inReplyTo}`] : []),
    ...Object.entries(input.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    input.body,
    '',
  ];
  return { raw: lines.join('\r\n'), folder: input.folder, date: input.date, threadKey: input.threadKey };
}

/** Whether [start, end) touches a Tuesday 15:00-15:30 in Berlin (Sara's "Tuesday at 3pm"). */
export function overlapsSaraTime(start: Date, end: Date): boolean {
  for (let day = DateTime.fromJSDate(start, { zone: 'Europe/Berlin' }).startOf('day').minus({ days: 1 }); day.toJSDate() < end; day = day.plus({ days: 1 })) {
    if (day.weekday !== 2) continue;
    const sara = day.set({ hour: 15 });
    if (sara.toJSDate() < end && sara.plus({ minutes: 30 }).toJSDate() > start) return true;
  }
  return false;
}

export function buildDemoScenario(now: Date): DemoScenario {
  const t = (offsetMs: number) => new Date(now.getTime() + offsetMs);
  const rep = DEMO_REP;
  const repFrom = `${rep.name} <${rep.email}>`;

  // The demo: a meeting that ended about 3 hours ago (whatever the hour the demo runs).
  const lindaEnd = t(-3 * HOUR_MS);
  const lindaCall: CalendarEvent = {
    id: 'demo-linda-intro',
    calendarId: 'demo',
    uid: 'demo-linda-intro@northwind.example',
    title: 'Acme / Northwind: intro call',
    description: 'Walk through the pilot plan.',
    start: new Date(lindaEnd.getTime() - 30 * 60_000),
    end: lindaEnd,
    status: 'confirmed',
    organizerEmail: rep.email,
    attendees: [
      { email: rep.email, name: rep.name, response: 'accepted', organizer: true },
      { email: 'linda@acme.example', name: 'Linda Park', response: 'needs_action' },
    ],
    categories: [],
  };
  // A busy block for the rep, to show that free/busy is respected when offering slots. Kept off
  // Tuesday 15:00-15:30 Berlin, the time Sara names, whatever the hour the demo runs.
  const busyStart = overlapsSaraTime(t(2 * DAY_MS), t(2 * DAY_MS + HOUR_MS)) ? t(2 * DAY_MS + 2 * HOUR_MS) : t(2 * DAY_MS);
  const repBusy: CalendarEvent = {
    id: 'demo-team-sync',
    calendarId: 'demo',
    uid: 'demo-team-sync@northwind.example',
    title: 'Team sync',
    start: busyStart,
    end: new Date(busyStart.getTime() + HOUR_MS),
    status: 'confirmed',
    organizerEmail: rep.email,
    attendees: [{ email: rep.email, name: rep.name, response: 'accepted', organizer: true }],
    categories: [],
  };

  const omarBack = DateTime.fromJSDate(t(10 * DAY_MS), { zone: 'Asia/Dubai' }).setLocale('en-GB');
  const messages: DemoMessage[] = [
    message({
      from: repFrom, to: 'Sara Novak <sara@hooli.example>', subject: 'Next steps for Hooli', date: t(-2 * DAY_MS),
      id: '<demo-sara-1@northwind.example>', folder: 'sent', threadKey: 'sara',
      body: 'Hi Sara,\n\nThanks for your time today. When would suit you for a deeper look at the rollout plan?\n\nAlex',
    }),
    message({
      from: 'Sara Novak <sara@hooli.example>', to: repFrom, subject: 'Re: Next steps for Hooli', date: t(-1 * HOUR_MS),
      id: '<demo-sara-2@hooli.example>', inReplyTo: '<demo-sara-1@northwind.example>', folder: 'inbox', threadKey: 'sara',
      body: 'Hi Alex,\n\nTuesday at 3pm works for me.\n\nSara\n\nOn Mon, Alex Morgan wrote:\n> Hi Sara,\n> When would suit you for a deeper look at the rollout plan?',
    }),
    message({
      from: repFrom, to: 'Omar Haddad <omar@stark.example>', subject: 'Pilot pricing', date: t(-3 * DAY_MS),
      id: '<demo-omar-1@northwind.example>', folder: 'sent', threadKey: 'omar',
      body: 'Hi Omar,\n\nAs promised, here is where we landed on pilot pricing. I will check back with you later this week.\n\nAlex',
    }),
    message({
      from: 'Omar Haddad <omar@stark.example>', to: repFrom, subject: 'Automatic reply: Pilot pricing', date: t(-30 * 60_000),
      id: '<demo-omar-2@stark.example>', inReplyTo: '<demo-omar-1@northwind.example>', folder: 'inbox', threadKey: 'omar',
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
      body: `Thank you for your email. I am out of the office until ${omarBack.toFormat('cccc d LLLL yyyy')} with limited access to email.\n\nOmar Haddad`,
    }),
    message({
      from: repFrom, to: 'Dana White <dana@wayne.example>', subject: 'Quick question', date: t(-4 * DAY_MS),
      id: '<demo-dana-1@northwind.example>', folder: 'sent', threadKey: 'dana',
      body: 'Hi Dana,\n\nWould a short call next week be useful?\n\nAlex',
    }),
    message({
      from: 'Dana White <dana@wayne.example>', to: repFrom, subject: 'Re: Quick question', date: t(-2 * HOUR_MS),
      id: '<demo-dana-2@wayne.example>', inReplyTo: '<demo-dana-1@northwind.example>', folder: 'inbox', threadKey: 'dana',
      body: 'Please remove me from your list.\n\nDana',
    }),
  ];

  return {
    now,
    rep,
    prospects: [
      { email: 'linda@acme.example', name: 'Linda Park', company: 'Acme', timeZone: 'America/New_York', hotButton: 'cutting onboarding time', materialSent: ['Pilot plan (PDF)'] },
      { email: 'tom@globex.example', name: 'Tom Reyes', company: 'Globex', timeZone: 'America/Chicago', hotButton: 'price', materialSent: ['Pricing options'], nextStep: { what: 'send the pricing options', due: t(-3 * DAY_MS).toISOString() } },
      { email: 'priya@initech.example', name: 'Priya Shah', company: 'Initech', timeZone: 'Europe/London', hotButton: 'security review', materialSent: ['Proposal v1'], nextStep: { what: 'send the revised proposal', due: t(-12 * DAY_MS).toISOString() } },
      { email: 'ken@umbrella.example', name: 'Ken Adams', company: 'Umbrella', timeZone: 'America/Los_Angeles', nextStep: { what: 'check back after their budget cycle', due: t(-274 * DAY_MS).toISOString() } },
      { email: 'sara@hooli.example', name: 'Sara Novak', company: 'Hooli', timeZone: 'Europe/Berlin', hotButton: 'a rollout that does not disrupt support', materialSent: ['Rollout plan', 'Case study: Initrode'] },
      { email: 'omar@stark.example', name: 'Omar Haddad', company: 'Stark', timeZone: 'Asia/Dubai', nextStep: { what: 'check in on the pilot pricing', due: t(-2 * DAY_MS).toISOString() } },
      { email: 'dana@wayne.example', name: 'Dana White', company: 'Wayne', timeZone: 'America/New_York', nextStep: { what: 'send the case study', due: t(-1 * DAY_MS).toISOString() } },
    ],
    events: [lindaCall, repBusy],
    messages,
  };
}
