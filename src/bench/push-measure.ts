/**
 * The push half of `bench:scale` (called from scale.bench.ts):
 * - requestsPerIdleAccountHour.push: the idle workspace gets push (Calendar channel, Gmail watch
 *   on a Pub/Sub topic, the default hourly safety poll, a 5-minute schedule); after one tick that
 *   opens the watches, a simulated hour of 12 ticks (`run --once --now T+5min … T+60min`, the real
 *   CLI) is counted from the emulator's request log, tokens included. Nothing changes in the
 *   mailboxes, so no notification arrives: what is left is the safety poll. Renewals are measured
 *   too (a tick a day on: the Gmail watch; one 3.5 days on: the calendar channel, stop included)
 *   and added per hour (the watch daily, the channel every 84 h).
 * - replyToInviteSeconds: `serve` on PostgreSQL (the real CLI, job-engine worker, push endpoints)
 *   with >= 20 reps holding the demo; each rep's prospect Sara then replies "Tuesday at 3pm works
 *   for me." (delivered into the emulated mailbox, one rep every 500 ms); the time from that
 *   delivery to the invitation event being created on the rep's calendar in the emulator,
 *   p50/p95. The notification travels as in production: the emulator's Pub/Sub push to
 *   /push/google/gmail, which enqueues the account's sync job.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { removeMessage } from '../emulators/google/gmail.js';
import { prepareScaleWorkspace, type ScaleWorkspace } from './scale-workspace.js';
import { freePort } from '../http/free-port.js';

const TOPIC = 'projects/followup-bench/topics/gmail-push';
const HOUR_MS = 3600_000;

export interface PushMeasureInput {
  /** The idle workspace (PostgreSQL) the poller was measured on. */
  ws: ScaleWorkspace;
  /** Runs one `followup` CLI process on a workspace with its env (scale.bench's runner). */
  run: (ws: ScaleWorkspace, args: string[]) => Promise<unknown>;
  bin: string;
  root: string;
  databaseUrl: string;
  latencyMs: number;
  /** A time after every `--now` the caller used (slots must move forward). */
  after: Date;
  log: (m: string) => void;
  /** Reps for the reply-to-invite run (at least 20). */
  replyAccounts?: number;
}

export interface PushMeasureResult {
  requestsPerIdleAccountHour: number;
  replyToInviteSeconds: { p50: number | null; p95: number | null };
  notes: string[];
}


/** Adds push (and a 5-minute schedule, a web port) to a scale workspace's config and env. */
function enablePush(ws: ScaleWorkspace, port: number, schedule: string): { env: Record<string, string>; publicUrl: string } {
  const token = randomBytes(18).toString('base64url');
  const publicUrl = `http://127.0.0.1:${port}`;
  const doc = parse(readFileSync(ws.configPath, 'utf8')) as Record<string, unknown>;
  doc.schedule = schedule;
  doc.push = { publicUrl, safetyPollMinutes: 60, gmailTopic: TOPIC };
  doc.web = { ...((doc.web as object) ?? {}), port, baseUrl: publicUrl, digest: false };
  writeFileSync(ws.configPath, stringify(doc));
  ws.served.emulator.push.pubsubPush(TOPIC, `${publicUrl}/push/google/gmail?token=${token}`);
  const env = { FOLLOWUP_PUBSUB_TOKEN: token, FOLLOWUP_WEB_SECRET: randomBytes(32).toString('base64') };
  Object.assign(ws.env, env);
  return { env, publicUrl };
}

const apiRequests = (ws: ScaleWorkspace, since: number) => ws.served.emulator.state.requests.slice(since).filter((r) => !/\/token$/.test(r.path));
const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]! : null);
const round = (x: number, digits = 1) => Number(x.toFixed(digits));

async function idlePushRequests(input: PushMeasureInput, notes: string[]): Promise<number> {
  const { ws, log } = input;
  const accounts = ws.reps.length;
  enablePush(ws, await freePort(), '*/5 * * * *');
  // Slots on the 5-minute grid, after everything the caller ran.
  const t0 = Math.ceil((input.after.getTime() + 10 * 60_000) / 300_000) * 300_000;
  const tick = (at: number) => input.run(ws, ['--now', new Date(at).toISOString(), 'run', '--once']);
  await tick(t0); // opens the channels and watches (and syncs once: no poll clock yet)
  const open = ws.served.emulator.push.stats();
  if (open.channels < accounts || open.gmailWatches < accounts) throw new Error(`push setup: ${open.channels} channels and ${open.gmailWatches} Gmail watches for ${accounts} accounts`);
  const before = ws.served.emulator.state.requests.length;
  for (let i = 1; i <= 12; i++) await tick(t0 + i * 5 * 60_000);
  const hour = ws.served.emulator.state.requests.length - before;
  const perHour = hour / accounts;
  log(`push, idle: ${hour} requests in a simulated hour (12 ticks) for ${accounts} accounts`);
  // Renewals: a day on (the Gmail watch), 3.5 days on (the calendar channel and its stop).
  const renewals = (at: number) => {
    const since = ws.served.emulator.state.requests.length;
    return tick(at).then(() => apiRequests(ws, since).filter((r) => /\/watch$|\/channels\/stop$/.test(r.path)).length / accounts);
  };
  const daily = await renewals(t0 + 25 * HOUR_MS);
  const channel = (await renewals(t0 + 25 * HOUR_MS + 84 * HOUR_MS)) - daily;
  const renewalPerHour = daily / 24 + Math.max(0, channel) / 84;
  log(`push renewals per account: ${daily} a day (Gmail watch), ${round(Math.max(0, channel), 2)} per 3.5 days (channel); ${renewalPerHour.toFixed(3)} per hour`);
  notes.push(
    `push: ${accounts} idle accounts, a simulated hour of 12 ticks (run --once --now, 5-minute slots) with the hourly safety poll, counted from the emulator's request log (tokens included): ${round(perHour, 2)} per account; plus renewals measured a day and 3.5 days on (${round(renewalPerHour, 3)} per hour).`,
  );
  return perHour + renewalPerHour;
}

function waitForServer(url: string, child: ChildProcess, stderr: () => string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`serve exited ${child.exitCode}: ${stderr()}`));
      fetch(`${url}/push/google/calendar?account=__bench`, { method: 'POST' })
        .then(() => resolve())
        .catch(() => (Date.now() > until ? reject(new Error(`serve did not answer at ${url}: ${stderr()}`)) : setTimeout(attempt, 200)));
    };
    attempt();
  });
}

export async function replyToInvite(input: PushMeasureInput, notes: string[]): Promise<{ p50: number | null; p95: number | null }> {
  const reps = Math.max(20, input.replyAccounts ?? 20);
  const dir = mkdtempSync(join(tmpdir(), 'followup-push-bench-'));
  const ws = await prepareScaleWorkspace({ dir, reps, databaseUrl: input.databaseUrl, demo: true, now: new Date() });
  let serve: ChildProcess | null = null;
  try {
    // Sara's reply leaves the seeded mailboxes: it arrives later, while `serve` runs.
    const replies = ws.reps.map((rep, i) => {
      const box = ws.served.emulator.state.users.get(rep.email)!.mailbox;
      const m = [...box.messages.values()].find((x) => x.messageId === `<demo-sara-2-r${i}@hooli.example>`);
      if (!m) throw new Error(`bench: the demo reply of Sara is missing for ${rep.email}`);
      removeMessage(box, m.id);
      return { rep, raw: m.raw, sara: `sara.r${i}@hooli.example` };
    });
    const port = await freePort();
    const { env, publicUrl } = enablePush(ws, port, '*/5 * * * *');
    // The first pass (the demo's other threads, the watches) before serve starts.
    await input.run(ws, ['run', '--once']);
    ws.served.emulator.options.latencyMs = input.latencyMs;
    let err = '';
    const child = spawn(process.execPath, [input.bin, '--config', ws.configPath, 'serve'], { cwd: input.root, env: { ...process.env, ...ws.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    serve = child;
    const fullLog = process.env.BENCH_SERVE_LOG;
    child.stderr!.on('data', (d: Buffer) => {
      err = (err + d.toString()).slice(-4000);
      if (fullLog) appendFileSync(fullLog, d);
    });
    await waitForServer(publicUrl, child, () => err);
    const deliveredBefore = ws.served.emulator.push.deliveries.length;
    const invited = (email: string, sara: string) =>
      [...ws.served.emulator.state.users.get(email)!.calendar.entries.values()].some((e) => !e.deleted && (e.event.attendees ?? []).some((a) => a.email.toLowerCase() === sara));
    const seconds: number[] = [];
    const waits = replies.map(async (r, i) => {
      await new Promise((res) => setTimeout(res, i * 500));
      if (invited(r.rep.email, r.sara)) throw new Error(`bench: ${r.rep.email} already invited Sara before her reply`);
      const t0 = performance.now();
      ws.served.emulator.control.deliverMessage(r.rep.email, r.raw);
      while (!invited(r.rep.email, r.sara)) {
        if (performance.now() - t0 > 180_000) return;
        await new Promise((res) => setTimeout(res, 100));
      }
      seconds.push((performance.now() - t0) / 1000);
      input.log(`${r.rep.id}: delivered at ${new Date(Date.now() - (performance.now() - t0)).toISOString()}, invited after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    });
    await Promise.all(waits);
    await ws.served.emulator.push.settled();
    const during = ws.served.emulator.push.deliveries.slice(deliveredBefore);
    const statuses: Record<string, number> = {};
    for (const d of during) statuses[`${d.kind} ${d.status}`] = (statuses[`${d.kind} ${d.status}`] ?? 0) + 1;
    input.log(`reply to invite: ${seconds.length}/${reps} invited; notifications while serve ran: ${JSON.stringify(statuses)}`);
    const missing = replies.filter((r) => !invited(r.rep.email, r.sara));
    if (missing.length) input.log(`not invited: ${missing.map((r) => r.rep.id).join(', ')}; serve's log ends: ${err.slice(-1500)}`);
    notes.push(
      `replyToInviteSeconds: ${reps} reps with the demo, serve on PostgreSQL (the real CLI, default --concurrency) as the worker, every API answer delayed ${input.latencyMs} ms; Sara's reply delivered into the emulated mailbox one rep every 500 ms; ${seconds.length} of ${reps} invitations were created within 180 s${seconds.length < reps ? ' (the rest count as missing, not as 180 s)' : ''}.`,
    );
    const p50 = pct(seconds, 50);
    const p95 = pct(seconds, 95);
    return { p50: p50 === null ? null : round(p50), p95: p95 === null ? null : round(p95) };
  } finally {
    if (serve && serve.exitCode === null) {
      const exited = new Promise((res) => serve!.once('exit', res));
      serve.kill('SIGTERM');
      await Promise.race([exited, new Promise((res) => setTimeout(res, 10_000))]);
      if (serve.exitCode === null) serve.kill('SIGKILL');
    }
    await ws.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measurePush(input: PushMeasureInput): Promise<PushMeasureResult> {
  const notes: string[] = [];
  const push = await idlePushRequests(input, notes);
  const reply = await replyToInvite(input, notes);
  return { requestsPerIdleAccountHour: round(push, 2), replyToInviteSeconds: reply, notes };
}
