import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { stringify } from 'yaml';
import { repScenario, seedDemoReps, writeEmulatedWorkspace } from '../../src/demo/emulated-reps.js';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { eventToIcs } from '../../src/demo/seed-local.js';
import { googleFamily, graphFamily, serveControlled, type ControlledServer, type EmulatorFamily, type FaultRule } from '../../src/emulators/control/index.js';
import type { GoogleEmulator } from '../../src/emulators/google/emulator.js';
import type { GraphEmulator } from '../../src/emulators/microsoft/index.js';
import type { Rng } from './rng.js';

/**
 * One provider under chaos: the Google emulator, the Graph emulator (both served with the fault
 * control plane) or a real SMTP server (smtp-server) for local accounts with `sentDir`. Each
 * writes a config with `reps` accounts, injects faults, and can kill the workers at the moment
 * the provider has done a send but before its answer reaches the worker.
 */
export type FamilyName = 'google' | 'microsoft' | 'smtp';

export interface Booked {
  mailbox: string;
  start: string;
  attendees: string[];
}

export interface Bench {
  family: FamilyName;
  configPath: string;
  /** Message-IDs the provider sent (Sent folder / SMTP deliveries), one entry per copy. */
  sentCopies(): string[];
  /** Events the worker booked (not in the seeded scenario). */
  booked(): Booked[];
  /**
   * SMTP only: the iTIP invite of each booked event (Message-ID, and whether the worker holds it
   * as uncertain: its connection was lost after the server may have taken it). Google and Graph
   * send invites themselves: [].
   */
  invites(): { mailbox: string; messageId: string; held: boolean }[];
  /** Adds random faults for the next round; returns how many rules. */
  addFaults(rng: Rng, intensity: number): void;
  clearFaults(): void;
  /** Faults injected so far, by kind. */
  injected(): Record<string, number>;
  /** Called after the provider did a send, before it answers. */
  onSend(hook: (() => void) | null): void;
  close(): Promise<void>;
}

const SEND_PATHS = { google: '/messages/send', microsoft: '/send' } as const;
const SYNC_PATHS = { google: ['/events', '/history'], microsoft: ['/delta'] } as const;
const ROUTES = {
  google: ['/events', '/history', '/messages', '/messages/send', '/threads', '/freeBusy', '/calendars', '/conferenceRecords'],
  microsoft: ['/calendarView', '/delta', '/messages', '/sendMail', '/send', '/events', '/getSchedule', '/mailFolders'],
} as const;

function randomRule(rng: Rng, family: 'google' | 'microsoft'): FaultRule {
  const pathIncludes = rng.pick(ROUTES[family]);
  const times = rng.int(1, 3);
  const every = rng.int(1, 3);
  switch (rng.int(0, 5)) {
    case 0:
      return { pathIncludes, status: rng.pick([500, 502, 503, 504]), times, every };
    case 1:
      return { pathIncludes, status: 429, retryAfterSeconds: rng.int(0, 1), times, every };
    case 2:
      return { pathIncludes, timeout: true, hangMs: rng.int(50, 400), times: 1, every };
    case 3:
      // The work is done, the answer is lost: most interesting on sends.
      return { pathIncludes: rng.chance(0.6) ? SEND_PATHS[family] : pathIncludes, method: 'POST', status: rng.pick([500, 503, 504]), afterProcessing: true, times, every };
    case 4:
      return { pathIncludes: rng.chance(0.5) ? SEND_PATHS[family] : pathIncludes, timeout: true, hangMs: rng.int(50, 300), afterProcessing: true, times: 1, every };
    default:
      return { pathIncludes: rng.pick(SYNC_PATHS[family]), method: 'GET', expireCursor: true, times: 1, every };
  }
}

type Served = ControlledServer<EmulatorFamily & { emulator: GoogleEmulator | GraphEmulator }>;

export async function emulatorBench(input: { family: 'google' | 'microsoft'; dir: string; reps: number; now: Date; env: NodeJS.ProcessEnv }): Promise<Bench> {
  const { family } = input;
  const served = (await serveControlled<EmulatorFamily & { emulator: GoogleEmulator | GraphEmulator }>((url) => (family === 'google' ? googleFamily() : graphFamily(url)))) as Served;
  const seeded = await seedDemoReps({ family, emulator: served.family.emulator, reps: input.reps, now: input.now });
  const seededIds = new Set(seeded.scenarios.flatMap((s) => s.events.map((e) => e.id)));
  const configPath = join(input.dir, 'followup.yaml');
  await writeEmulatedWorkspace({ family, url: served.url, configPath, seeded, env: input.env });
  let sendHook: (() => void) | null = null;
  served.setOnProcessed(({ method, path, status }) => {
    if (sendHook && method === 'POST' && path.includes(SEND_PATHS[family]) && status < 300) sendHook();
  });
  return {
    family,
    configPath,
    sentCopies: () => served.family.snapshot().flatMap((m) => m.sent.map((s) => s.messageId)),
    booked: () =>
      served.family.snapshot().flatMap((m) =>
        m.events.filter((e) => !seededIds.has(e.id)).map((e) => ({ mailbox: m.mailbox, start: e.start ?? '', attendees: [...e.attendees].sort() })),
      ),
    invites: () => [],
    addFaults: (rng, intensity) => served.faults.add(Array.from({ length: intensity }, () => randomRule(rng, family))),
    clearFaults: () => served.faults.clear(),
    injected: () => ({ ...served.faults.injected }),
    onSend: (hook) => {
      sendHook = hook;
    },
    close: () => served.close(),
  };
}

/** Local accounts (vdir + Maildir) sending through a real SMTP server, with a Sent copy (`sentDir`). */
export async function smtpBench(input: { dir: string; reps: number; now: Date; env: NodeJS.ProcessEnv; sentDir?: boolean }): Promise<Bench> {
  const deliveries: string[] = [];
  // Open connections by the client's port, so a fault drops only the connection it hit (a worker
  // sending for another rep at that moment is not touched, and one fault is one fault).
  const sockets = new Map<number, Socket>();
  const drop = (session: { remotePort?: number }) => {
    const socket = session.remotePort === undefined ? undefined : sockets.get(session.remotePort);
    if (!socket) throw new Error(`chaos SMTP server: no open connection from port ${session.remotePort}; cannot drop it`);
    socket.destroy();
  };
  const injected: Record<string, number> = { '451': 0, timeout: 0, 'lost-answer': 0 };
  let planned: ('451' | 'timeout' | 'lost-answer')[] = [];
  let sendHook: (() => void) | null = null;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const fault = planned.shift();
        if (fault === '451') {
          injected['451']! += 1;
          const err = new Error('4.3.0 Temporary failure, try again later') as Error & { responseCode: number };
          err.responseCode = 451;
          return callback(err);
        }
        if (fault === 'timeout') {
          // Hang, then drop the connection: the message was not taken.
          injected.timeout! += 1;
          // The worker may have gone meanwhile (killed by the harness, or its own socket timeout):
          // its connection is then closed already, which is what the drop was for.
          setTimeout(() => {
            if (session.remotePort !== undefined && sockets.has(session.remotePort)) drop(session);
          }, 200);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const id = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? '(none)';
        deliveries.push(id);
        sendHook?.();
        if (fault === 'lost-answer') {
          // Accepted and delivered, but the 250 never reaches the worker.
          injected['lost-answer']! += 1;
          return drop(session);
        }
        callback();
      });
    },
  });
  // smtp-server does not hand out a session's socket; the session names the client's port, which
  // picks out its connection among those open.
  (server as unknown as { server: { on(e: string, f: (s: Socket) => void): void } }).server.on('connection', (s: Socket) => {
    const port = s.remotePort;
    if (port === undefined) return;
    sockets.set(port, s);
    s.on('close', () => {
      if (sockets.get(port) === s) sockets.delete(port);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = ((server as unknown as { server: { address(): AddressInfo } }).server.address()).port;
  const base = buildDemoScenario(input.now);
  const accounts: { id: string; email: string; [key: string]: unknown }[] = [];
  const prospects: unknown[] = [];
  const seededUids = new Set<string>();
  for (let i = 0; i < input.reps; i++) {
    const s = repScenario(base, i);
    const root = join(input.dir, s.rep.id);
    const inbox = join(root, 'mail', 'inbox');
    for (const d of [join(root, 'calendar'), join(inbox, 'new'), join(inbox, 'cur'), join(inbox, 'tmp'), join(root, 'sent')]) mkdirSync(d, { recursive: true });
    for (const e of s.events) {
      writeFileSync(join(root, 'calendar', `${e.id}.ics`), eventToIcs(e));
      seededUids.add(e.uid ?? e.id);
    }
    s.messages.forEach((m, k) => writeFileSync(join(inbox, 'cur', `${Math.floor(m.date.getTime() / 1000)}.demo${k}.chaos:2,S`), m.raw));
    prospects.push(...s.prospects.map((p) => ({ ...p, account: s.rep.id })));
    accounts.push({
      id: s.rep.id,
      name: s.rep.name,
      email: s.rep.email,
      timeZone: s.rep.timeZone,
      provider: 'local',
      local: {
        calendarDir: `./${s.rep.id}/calendar`,
        maildir: `./${s.rep.id}/mail/inbox`,
        outgoing: { kind: 'smtp', host: '127.0.0.1', port, secure: false, ...(input.sentDir === false ? {} : { sentDir: `./${s.rep.id}/sent` }) },
      },
    });
  }
  writeFileSync(join(input.dir, 'prospects.yaml'), stringify(prospects, { aliasDuplicateObjects: false }));
  const configPath = join(input.dir, 'followup.yaml');
  writeFileSync(configPath, stringify({ prospects: 'prospects.yaml', store: { sqlitePath: './followup.db' }, web: { digest: false }, accounts }));
  const { readdirSync, readFileSync } = await import('node:fs');
  return {
    family: 'smtp',
    configPath,
    sentCopies: () => [...deliveries],
    booked: () =>
      accounts.flatMap((a) =>
        readdirSync(join(input.dir, a.id, 'calendar'))
          .filter((f) => f.endsWith('.ics'))
          .map((f) => readFileSync(join(input.dir, a.id, 'calendar', f), 'utf8').replace(/\r?\n[ \t]/g, ''))
          .map((ics) => ics.slice(Math.max(0, ics.indexOf('BEGIN:VEVENT'))))
          .filter((ev) => ev.startsWith('BEGIN:VEVENT') && !seededUids.has(/^UID:(.*)$/m.exec(ev)?.[1]?.trim() ?? ''))
          .map((ev) => ({
            mailbox: a.email,
            start: /^DTSTART[^:\r\n]*:(.*)$/m.exec(ev)?.[1]?.trim() ?? '',
            attendees: [...ev.matchAll(/^ATTENDEE[^\r\n]*mailto:([^\s]+)\s*$/gim)].map((m) => m[1]!.toLowerCase()).sort(),
          })),
      ),
    invites: () =>
      accounts.flatMap((a) => {
        const dir = join(input.dir, a.id, 'calendar');
        const domain = a.email.split('@')[1]!.toLowerCase();
        return readdirSync(dir)
          .filter((f) => f.startsWith('bk_') && f.endsWith('.ics'))
          .map((f) => {
            let marker = '';
            try {
              marker = readFileSync(join(dir, `.${f}.invite`), 'utf8');
            } catch {
              // no marker: the invite was never tried
            }
            return { mailbox: a.email, messageId: `<invite-${f.slice(0, -'.ics'.length)}@${domain}>`, held: marker.startsWith('held') };
          });
      }),
    addFaults: (rng, intensity) => {
      for (let i = 0; i < intensity; i++) planned.splice(rng.int(0, planned.length), 0, rng.pick(['451', 'timeout', 'lost-answer'] as const));
    },
    clearFaults: () => {
      planned = [];
    },
    injected: () => ({ ...injected }),
    onSend: (hook) => {
      sendHook = hook;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
