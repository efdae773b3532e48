import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime } from '../../src/app/runtime.js';
import { silentLogger } from '../../src/log.js';
import { runTick } from '../../src/worker/tick.js';
import { anOutboxItem } from '../store/fixtures.js';
import { folderMessages, nextLogin, serversMissing, startServers, type Servers } from './servers.js';

/**
 * Exactly once across crashes: a real worker process is killed (SIGKILL) at each step of a send
 * through SMTP + the IMAP Sent copy, then a new worker recovers. Afterwards the SMTP server has
 * the email at most once, the Sent folder holds one copy, and an email that cannot be told sent
 * or not is held as uncertain and named to the rep, never resent on its own.
 */
const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'send-crash.child.ts');
const NOW = new Date('2030-06-04T14:00:00Z');
const MINUTE = 60_000;

interface Case {
  step: 'appended' | 'submitting' | 'accepted' | 'confirmed';
  /** Outbox status after the recovering worker's tick. */
  status: 'sent' | 'uncertain';
  /** Copies the SMTP server received after recovery. */
  delivered: number;
}

const CASES: Case[] = [
  { step: 'appended', status: 'sent', delivered: 1 },
  { step: 'submitting', status: 'uncertain', delivered: 0 },
  { step: 'accepted', status: 'uncertain', delivered: 1 },
  { step: 'confirmed', status: 'sent', delivered: 1 },
];

describe.skipIf(serversMissing)('a worker killed at each step of a send (SMTP + IMAP Sent copy)', () => {
  let servers: Servers;
  beforeAll(async () => {
    servers = await startServers();
  }, 60_000);
  afterAll(async () => {
    await servers?.stop();
  });

  it.each(CASES)('killed after "$step": $status, delivered $delivered time(s), one Sent copy', async ({ step, status, delivered }) => {
    const login = nextLogin(servers);
    const dir = mkdtempSync(join(tmpdir(), `followup-crash-${step}-`));
    const env = { CALDAV_PASSWORD: servers.radicale.password, IMAP_PASSWORD: login.password, SMTP_PASSWORD: servers.smtp.password };
    const calUrl = await servers.radicale.makeCalendar(`crash-${step}`, `Crash ${step}`);
    const configPath = join(dir, 'followup.yaml');
    writeFileSync(
      configPath,
      `store: { sqlitePath: ./followup.db }
web: { digest: false }
accounts:
  - id: rep
    name: Robin Rep
    email: rep@followup.example
    timeZone: Europe/Berlin
    provider: standard
    caldav: { url: "${calUrl}", username: ${servers.radicale.user}, passwordEnv: CALDAV_PASSWORD }
    imap: { host: 127.0.0.1, port: ${servers.dovecot.port}, secure: false, user: "${login.user}", passwordEnv: IMAP_PASSWORD }
    smtp: { host: 127.0.0.1, port: ${servers.smtp.port}, secure: false, user: ${servers.smtp.user}, passwordEnv: SMTP_PASSWORD }
`,
    );
    const messageId = `<crash-${step}-${process.pid}@followup.example>`;
    const subject = `Crash test (${step})`;
    const delivery = () => servers.smtp.messages.filter((m) => m.raw.includes(messageId)).length;
    Object.assign(process.env, env);
    try {
      const seed = await openRuntime({ config: configPath, logger: silentLogger() });
      await seed.store.enqueueOutbox(anOutboxItem({ id: `out-${step}`, accountId: 'rep', prospectId: null, messageId, subject, from: { email: 'rep@followup.example', name: 'Robin Rep' }, to: 'pat@client.example', notBefore: NOW, createdAt: NOW }));
      await seed.close();

      // The worker dies at that step.
      const exit = await new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) => {
        let out = '';
        const child = spawn(process.execPath, ['--import', 'tsx', CHILD, configPath, NOW.toISOString(), step], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (out += d.toString()));
        child.on('exit', (code, signal) => resolve({ code, signal, out }));
      });
      expect(exit.signal, exit.out).toBe('SIGKILL');

      // A new worker, after the stuck-send delay, recovers; then one more run changes nothing.
      const runtime = await openRuntime({ config: configPath, logger: silentLogger() });
      try {
        const recovery = await runTick(await runtime.context(new Date(NOW.getTime() + 16 * MINUTE)));
        await runTick(await runtime.context(new Date(NOW.getTime() + 30 * MINUTE)));
        const row = await runtime.store.getOutbox(`out-${step}`);
        expect(row?.status).toBe(status);
        expect(delivery()).toBe(delivered);
        const copies = (await folderMessages(servers, login, 'Sent')).filter((m) => m.messageId === messageId);
        expect(copies).toHaveLength(1);
        if (status === 'uncertain') {
          expect(copies[0]!.flags).toContain('$FollowupHeld');
          // Exactly that email is named to the rep.
          expect(recovery.alerts.join('\n')).toContain(`"${subject}" to pat@client.example`);
          if (step === 'submitting') {
            // The rep checked: it never arrived. `followup outbox retry` sends it, once.
            await runtime.store.markOutboxRetry(`out-${step}`, { notBefore: new Date(NOW.getTime() + 31 * MINUTE), error: 'retry requested by the rep' });
            await runTick(await runtime.context(new Date(NOW.getTime() + 32 * MINUTE)));
            expect((await runtime.store.getOutbox(`out-${step}`))?.status).toBe('sent');
            expect(delivery()).toBe(1);
            const after = (await folderMessages(servers, login, 'Sent')).filter((m) => m.messageId === messageId);
            expect(after).toHaveLength(1);
            expect(after[0]!.flags.filter((f) => f.startsWith('$Followup'))).toEqual([]);
          }
        } else {
          expect(copies[0]!.flags.filter((f) => f.startsWith('$Followup'))).toEqual([]);
        }
      } finally {
        await runtime.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
