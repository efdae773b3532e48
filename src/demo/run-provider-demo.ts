import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { openRuntime, type Runtime } from '../app/runtime.js';
import { formatSummary } from '../cli/format.js';
import type { Logger } from '../log.js';
import { ENCRYPTION_KEY_ENV, parseEncryptionKey } from '../security/crypto.js';
import type { CredentialStore } from '../ports/store.js';
import { approveDraft } from '../worker/drafts.js';
import { runTick } from '../worker/tick.js';
import type { DemoScenario } from './scenario.js';
import type { CalendarEvent } from '../domain/types.js';
import type { TickSummary } from '../worker/context.js';

/** An emulated provider, seeded with the demo, with what the demo needs to point the adapter at it. */
export interface EmulatedFamily {
  accountSection: Record<string, unknown>;
  /** What the demo runs on, when not the family's emulator. */
  label?: string;
  /** What `sentMessageIds` reads, when not the emulated Sent folder. */
  sentLabel?: string;
  /** Message-IDs the SMTP server received, for families that send over SMTP. */
  deliveredMessageIds?: () => string[];
  saveCredential(store: CredentialStore, key: Buffer): Promise<void>;
  /** Message-IDs in the rep's emulated Sent folder (to show exactly-once). */
  sentMessageIds(): string[];
  /** Attendee lists of events the worker booked. */
  bookedEvents(): { start: string; attendees: string[] }[];
  /** Ids of the drafts in the rep's Drafts folder (native drafts). */
  nativeDraftIds(): string[];
  /** A message arrives in the rep's inbox. */
  deliverInbound(email: string, raw: string): Promise<void>;
  /** The conferencing service's record of who joined the online meeting of an event. */
  addAttendance(event: CalendarEvent, joined: { email?: string; name: string }[]): Promise<void>;
  /** The rep presses Send on a draft in their mail client. */
  sendNativeDraft(id: string): Promise<void>;
  close(): Promise<void>;
}

async function startGoogle(scenario: DemoScenario, clock: { now: Date }): Promise<EmulatedFamily> {
  const { serveGoogleEmulator, seedGoogleEmulator } = await import('../emulators/google/index.js');
  const { saveRefreshToken } = await import('../providers/google/google.auth.js');
  const served = await serveGoogleEmulator({ options: { now: () => clock.now } });
  const seeded = seedGoogleEmulator(served.emulator, scenario);
  const user = () => served.emulator.state.users.get(scenario.rep.email)!;
  return {
    accountSection: { provider: 'google', google: { rootUrl: served.rootUrl, requestsPerSecond: 50 } },
    saveCredential: (store, key) => saveRefreshToken({ store, accountId: scenario.rep.id, refreshToken: seeded.refreshToken, key }),
    sentMessageIds: () => [...user().mailbox.messages.values()].filter((m) => m.labelIds.includes('SENT')).map((m) => m.messageId),
    bookedEvents: () =>
      [...served.emulator.state.calendars.values()].flatMap((cal) =>
        [...cal.entries.values()]
          .filter((e) => !e.deleted && e.event.extendedProperties?.private?.followupBooking)
          .map(({ event }) => ({ start: event.start?.dateTime ?? '', attendees: (event.attendees ?? []).map((a: { email?: string | null }) => a.email ?? '') })),
      ),
    nativeDraftIds: () => served.emulator.control.drafts(scenario.rep.email).map((d) => d.id),
    deliverInbound: async (email, raw) => void served.emulator.control.deliverMessage(email, raw),
    addAttendance: async (event, joined) => {
      // Meet often knows signed-in participants only by display name.
      served.emulator.control.addConferenceRecord({
        meetingCode: event.conference!.id,
        startTime: event.start,
        endTime: event.end,
        participants: joined.map((j) => ({ signedinUser: { user: `users/${j.name.replace(/\W/g, '')}`, displayName: j.name } })),
      });
    },
    sendNativeDraft: async (id) => {
      if (!served.emulator.control.sendDraft(scenario.rep.email, id)) throw new Error(`no draft ${id}`);
    },
    close: () => served.close(),
  };
}

async function startMicrosoft(scenario: DemoScenario): Promise<EmulatedFamily> {
  const { serveGraphEmulator, seedGraphEmulator } = await import('../emulators/microsoft/index.js');
  const served = await serveGraphEmulator({});
  await seedGraphEmulator(served.emulator, scenario);
  const base = served.url.replace(/\/$/, '');
  // App-only (client credentials) against the emulator's token endpoint; any secret is accepted there.
  process.env.MICROSOFT_CLIENT_SECRET ??= 'emulator-secret';
  return {
    accountSection: {
      provider: 'microsoft',
      microsoft: { auth: 'client-credentials', clientId: 'emulator', tenantId: 'demo', baseUrl: `${base}/`, authorityHost: base },
    },
    saveCredential: async () => undefined,
    sentMessageIds: () => served.emulator.control.messages(scenario.rep.email, 'sentitems').map((m) => m.internetMessageId),
    bookedEvents: () =>
      served.emulator.control
        .events(scenario.rep.email)
        // Call holds (issue 15) carry a transactionId too; they are the rep's own events, not bookings.
        .filter((e) => e.data.transactionId && !((e.data.categories as string[] | undefined) ?? []).includes('followup call hold'))
        .map((e) => ({
          start: e.start.toISOString(),
          attendees: ((e.data.attendees as { emailAddress?: { address?: string } }[] | undefined) ?? []).map((a) => a.emailAddress?.address ?? ''),
        })),
    nativeDraftIds: () => served.emulator.control.messages(scenario.rep.email, 'drafts').map((m) => m.id),
    deliverInbound: async (email, raw) => void (await served.emulator.control.deliverRaw(email, raw)),
    addAttendance: async (event, joined) =>
      served.emulator.control.addAttendanceReport(
        scenario.rep.email,
        event.id,
        joined.map((j) => ({ emailAddress: j.email ?? null, displayName: j.name, role: 'Attendee', totalAttendanceInSeconds: 1500 })),
      ),
    sendNativeDraft: async (id) => {
      const token = served.emulator.control.issueToken(scenario.rep.email);
      const res = await fetch(`${base}/v1.0/me/messages/${encodeURIComponent(id)}/send`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`send draft ${id}: HTTP ${res.status}`);
    },
    close: () => served.close(),
  };
}

const FAMILIES: Record<string, (scenario: DemoScenario, clock: { now: Date }) => Promise<EmulatedFamily>> = {
  google: startGoogle,
  microsoft: startMicrosoft,
  standard: async (scenario) => (await import('./standard-demo.js')).startStandard(scenario),
};

/**
 * The demo through a real provider adapter and its emulator (served over HTTP in this process).
 * The emulator keeps its state in memory, so the whole story runs here: one tick now, approve
 * every draft, a tick a week later, and one more to show nothing is sent twice.
 */
/** A workspace whose one account points at a served, seeded emulator. */
export interface ProviderWorkspace {
  runtime: Runtime;
  family: EmulatedFamily;
  /** The emulator's clock; move it with the ticks. */
  clock: { now: Date };
  close(): Promise<void>;
}

export async function prepareProviderWorkspace(input: {
  provider: string;
  dir: string;
  scenario: DemoScenario;
  logger: Logger;
  approval?: 'worker' | 'gmail-drafts' | 'outlook-drafts';
}): Promise<ProviderWorkspace> {
  const start = FAMILIES[input.provider];
  if (!start) throw new Error(`--provider must be one of local, ${Object.keys(FAMILIES).join(', ')}.`);
  const { scenario, dir } = input;
  if (!process.env[ENCRYPTION_KEY_ENV]) {
    // Demo only: a throwaway key so the emulated refresh token is sealed at rest like a real one.
    process.env[ENCRYPTION_KEY_ENV] = randomBytes(32).toString('base64');
  }
  const key = parseEncryptionKey(process.env[ENCRYPTION_KEY_ENV]);
  const clock = { now: scenario.now };
  const family = await start(scenario, clock);
  try {
    writeFileSync(join(dir, 'prospects.yaml'), stringify(scenario.prospects));
    const configPath = join(dir, 'followup.yaml');
    const account = { id: scenario.rep.id, name: scenario.rep.name, email: scenario.rep.email, timeZone: scenario.rep.timeZone, approval: input.approval ?? 'worker', ...family.accountSection };
    const config = { prospects: 'prospects.yaml', store: { sqlitePath: './data/followup.db' }, web: { digest: false }, accounts: [account] };
    writeFileSync(configPath, `# Demo on the ${input.provider} emulator (made by followup demo). Safe to delete.\n${stringify(config)}`);
    writeFileSync(join(dir, '.followup-demo'), `${scenario.now.toISOString()}\n`);
    const runtime = await openRuntime({ config: configPath, logger: input.logger });
    await family.saveCredential(runtime.store, key);
    return {
      runtime,
      family,
      clock,
      close: async () => {
        await runtime.close();
        await family.close();
      },
    };
  } catch (err) {
    await family.close();
    throw err;
  }
}

export interface ProviderDemoResult {
  first: TickSummary;
  /** prospect email → templates drafted for them. */
  drafts: Record<string, string[]>;
  /** How many copies of each approved email the emulated Sent folder holds. */
  sentCopies: number[];
  sentAfterWeek: number;
  sentOnNextRun: number;
  booked: { start: string; attendees: string[] }[];
  /** How many times the SMTP server received each approved email (SMTP families only). */
  deliveredCopies: number[] | null;
}

/**
 * The demo through a real provider adapter and its emulator (served over HTTP in this process).
 * The emulator keeps its state in memory, so the whole story runs here: one tick now, approve
 * every draft, a tick a week later, and one more to show nothing is sent twice.
 */
export async function runProviderDemo(input: {
  provider: string;
  dir: string;
  scenario: DemoScenario;
  logger: Logger;
  print?: (line: string) => void;
}): Promise<ProviderDemoResult> {
  const print = input.print ?? ((line: string) => console.log(line));
  const { scenario } = input;
  const { runtime, family, clock, close } = await prepareProviderWorkspace(input);
  try {
    const first = await runTick(await runtime.context(scenario.now));
    print(`Demo on ${family.label ?? `the ${input.provider} emulator (real ${input.provider} adapter over HTTP)`}\n`);
    print(formatSummary(first, scenario.rep.timeZone));
    const drafts: Record<string, string[]> = {};
    for (const d of await runtime.store.listDrafts({})) {
      const p = await runtime.store.getProspect(d.prospectId);
      (drafts[p?.email ?? d.to] ??= []).push(d.template);
    }

    const rep = { name: scenario.rep.name, email: scenario.rep.email };
    const pending = await runtime.store.listDrafts({ status: 'pending' });
    for (const d of pending) await approveDraft({ store: runtime.store, now: scenario.now }, { draftId: d.id, by: 'demo', rep });
    clock.now = new Date(scenario.now.getTime() + 7 * 86_400_000);
    const week = await runTick(await runtime.context(clock.now));
    // Three hours later business hours have opened on the West Coast too (the send gate held those).
    clock.now = new Date(clock.now.getTime() + 3 * 3_600_000);
    const later = await runTick(await runtime.context(clock.now));
    const again = await runTick(await runtime.context(new Date(clock.now.getTime() + 60_000)));
    const sent = family.sentMessageIds();
    const ours = (await runtime.store.listOutbox({ status: 'sent' })).map((o) => o.messageId);
    const copies = ours.map((id) => sent.filter((s) => s === id).length);
    print(`\nApproved ${pending.length} draft(s); a week later: ${week.sent.length} sent, ${later.sent.length} more once business hours opened in each prospect's zone, then ${again.sent.length} on the next run.`);
    for (const w of [...week.withdrawn, ...later.withdrawn]) print(`Withdrawn by the send gate: ${w.prospectEmail}: ${w.detail}`);
    print(`${family.sentLabel ?? 'Emulated Sent folder'}: ${ours.length} sent email(s), each present ${[...new Set(copies)].join('/')} time(s).`);
    let deliveredCopies: number[] | null = null;
    if (family.deliveredMessageIds) {
      const delivered = family.deliveredMessageIds();
      deliveredCopies = ours.map((id) => delivered.filter((d) => d === id).length);
      print(`SMTP server: each approved email received ${[...new Set(deliveredCopies)].join('/')} time(s).`);
    }
    const booked = family.bookedEvents();
    for (const b of booked) print(`Booked event: ${b.start} with ${b.attendees.join(', ')}`);
    return { first, drafts, sentCopies: copies, sentAfterWeek: week.sent.length + later.sent.length, sentOnNextRun: again.sent.length, booked, deliveredCopies };
  } finally {
    await close();
  }
}
