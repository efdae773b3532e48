import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime } from '../../src/app/runtime.js';
import { silentLogger } from '../../src/log.js';
import { runTick } from '../../src/worker/tick.js';
import { anOutboxItem } from '../store/fixtures.js';
import { startSmtpServer, type TestSmtpServer } from './smtp-test-server.js';

/**
 * Exactly once across crashes on the local family's SMTP path (issue 10, item 2): a real worker
 * process is SIGKILLed at a step of an SMTP send to a real SMTP server (smtp-server), then a new
 * worker recovers. With a Sent Maildir, the copy written before the transaction tells a crash
 * after the server's acceptance from a clean state: that email is held as uncertain and named,
 * never resent. Without one, only the email being tried is uncertain, not every claimed row.
 */
const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'smtp-crash.child.ts');
const NOW = new Date('2030-06-04T14:00:00Z');
const MINUTE = 60_000;
const REP = 'rep@followup.example';

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
});

function writeConfig(dir: string, sentDir: boolean): string {
  const path = join(dir, 'followup.yaml');
  for (const folder of ['calendar', 'inbox']) mkdirSync(join(dir, folder), { recursive: true });
  writeFileSync(
    path,
    `store: { sqlitePath: ./followup.db }
web: { digest: false }
accounts:
  - id: rep
    name: Robin Rep
    email: ${REP}
    timeZone: Europe/Berlin
    provider: local
    local:
      calendarDir: calendar
      maildir: inbox
      outgoing: { kind: smtp, host: 127.0.0.1, port: ${smtp.port}, secure: false${sentDir ? ', sentDir: sent' : ''} }
`,
  );
  return path;
}

async function seed(configPath: string, tag: string, count: number): Promise<{ id: string; messageId: string; subject: string }[]> {
  const rows = Array.from({ length: count }, (_, i) => ({ id: `out-${tag}-${i}`, messageId: `<crash-${tag}-${i}-${process.pid}@followup.example>`, subject: `Crash test ${tag} #${i}` }));
  const runtime = await openRuntime({ config: configPath, logger: silentLogger() });
  try {
    for (const [i, r] of rows.entries()) {
      await runtime.store.enqueueOutbox(
        anOutboxItem({ ...r, accountId: 'rep', prospectId: null, from: { email: REP, name: 'Robin Rep' }, to: 'pat@client.example', notBefore: NOW, createdAt: new Date(NOW.getTime() - (count - i) * 1000) }),
      );
    }
  } finally {
    await runtime.close();
  }
  return rows;
}

function killAt(configPath: string, step: string, nth: number): Promise<{ signal: string | null; out: string }> {
  return new Promise((resolve) => {
    let out = '';
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, configPath, NOW.toISOString(), step, String(nth)], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (_code, signal) => resolve({ signal, out }));
  });
}

const delivered = (messageId: string) => smtp.messages.filter((m) => m.raw.includes(messageId)).length;

describe('local SMTP with a Sent Maildir: a worker killed at each step of a send', () => {
  it.each([
    { step: 'submitting', status: 'uncertain', copies: 0 },
    { step: 'accepted', status: 'uncertain', copies: 1 },
    { step: 'confirmed', status: 'sent', copies: 1 },
  ] as const)('killed after "$step": $status, delivered $copies time(s), never resent', async ({ step, status, copies }) => {
    const dir = mkdtempSync(join(tmpdir(), `followup-smtpcrash-${step}-`));
    try {
      const configPath = writeConfig(dir, true);
      const [row] = await seed(configPath, `sent-${step}`, 1);
      const exit = await killAt(configPath, step, 1);
      expect(exit.signal, exit.out).toBe('SIGKILL');
      expect(delivered(row!.messageId)).toBe(copies);

      const runtime = await openRuntime({ config: configPath, logger: silentLogger() });
      try {
        const recovery = await runTick(await runtime.context(new Date(NOW.getTime() + 16 * MINUTE)));
        await runTick(await runtime.context(new Date(NOW.getTime() + 30 * MINUTE)));
        expect((await runtime.store.getOutbox(row!.id))?.status).toBe(status);
        expect(delivered(row!.messageId)).toBe(copies);
        const files = readdirSync(join(dir, 'sent', 'cur'));
        expect(files).toHaveLength(1);
        if (status === 'uncertain') {
          // Held for the rep (Draft + Flagged), and exactly that email is named.
          expect(files[0]).toMatch(/:2,DFS$/);
          expect(recovery.alerts.join('\n')).toContain(`"${row!.subject}" to pat@client.example`);
          // The rep checked and it never arrived: `followup outbox retry` sends it, once.
          await runtime.store.markOutboxRetry(row!.id, { notBefore: new Date(NOW.getTime() + 31 * MINUTE), error: 'retry requested by the rep' });
          await runTick(await runtime.context(new Date(NOW.getTime() + 32 * MINUTE)));
          expect((await runtime.store.getOutbox(row!.id))?.status).toBe('sent');
          expect(delivered(row!.messageId)).toBe(copies + 1);
          expect(readdirSync(join(dir, 'sent', 'cur'))).toEqual([files[0]!.replace(/:2,DFS$/, ':2,S')]);
        } else {
          expect(files[0]).toMatch(/:2,S$/);
        }
      } finally {
        await runtime.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('local SMTP without a Sent copy: a crash holds only the email being tried', () => {
  it.each([
    { step: 'submitting', nth: 2, expected: [['sent', 1], ['uncertain', 0], ['sent', 1]] },
    { step: 'accepted', nth: 1, expected: [['uncertain', 1], ['sent', 1], ['sent', 1]] },
  ] as const)('killed after "$step" of email $nth of 3', async ({ step, nth, expected }) => {
    const dir = mkdtempSync(join(tmpdir(), `followup-smtpcrash-plain-${step}-`));
    try {
      const configPath = writeConfig(dir, false);
      const rows = await seed(configPath, `plain-${step}`, 3);
      const exit = await killAt(configPath, step, nth);
      expect(exit.signal, exit.out).toBe('SIGKILL');

      const runtime = await openRuntime({ config: configPath, logger: silentLogger() });
      try {
        const recovery = await runTick(await runtime.context(new Date(NOW.getTime() + 16 * MINUTE)));
        await runTick(await runtime.context(new Date(NOW.getTime() + 30 * MINUTE)));
        const got = [];
        for (const r of rows) got.push([(await runtime.store.getOutbox(r.id))?.status, delivered(r.messageId)]);
        expect(got).toEqual(expected);
        const named = rows.filter((r) => recovery.alerts.join('\n').includes(`"${r.subject}"`)).map((r) => r.id);
        expect(named).toEqual([rows[nth - 1]!.id]);
      } finally {
        await runtime.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
