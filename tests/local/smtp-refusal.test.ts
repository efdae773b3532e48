import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime } from '../../src/app/runtime.js';
import { silentLogger } from '../../src/log.js';
import { isRecipientRejection } from '../../src/providers/local/smtp-error.mapper.js';
import { runTick } from '../../src/worker/tick.js';
import { anOutboxItem, aProspect } from '../store/fixtures.js';
import { startSmtpServer, type TestSmtpServer } from './smtp-test-server.js';

/**
 * A permanent refusal of the recipient during the SMTP conversation (550 5.1.1) stops the
 * prospect, not just the email (issue 10, item 5): the address is suppressed and the prospect
 * marked bounced. Against a real SMTP server (smtp-server).
 */
const NOW = new Date('2030-06-04T14:00:00Z');
const DEAD = 'gone@client.example';
let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer({ onRcpt: (address) => (address === DEAD ? { code: 550, message: `5.1.1 <${address}>: Recipient address rejected: User unknown in virtual mailbox table` } : null) });
});
afterAll(async () => smtp?.close());

describe('SMTP 550 5.1.1 while sending', () => {
  it('marks the prospect bounced and suppresses the address; another prospect is sent to', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'followup-refusal-'));
    try {
      const configPath = join(dir, 'followup.yaml');
      for (const folder of ['calendar', 'inbox']) mkdirSync(join(dir, folder), { recursive: true });
      writeFileSync(
        configPath,
        `store: { sqlitePath: ./followup.db }
web: { digest: false }
accounts:
  - id: rep
    name: Robin Rep
    email: rep@followup.example
    timeZone: Europe/Berlin
    provider: local
    local: { calendarDir: calendar, maildir: inbox, outgoing: { kind: smtp, host: 127.0.0.1, port: ${smtp.port}, secure: false } }
`,
      );
      const rt = await openRuntime({ config: configPath, logger: silentLogger() });
      try {
        for (const [n, email] of [[1, DEAD], [2, 'alive@client.example']] as const) {
          await rt.store.upsertProspect(aProspect({ id: `p${n}`, accountId: 'rep', email }));
          await rt.store.enqueueOutbox(anOutboxItem({ id: `o${n}`, accountId: 'rep', prospectId: `p${n}`, messageId: `<refusal-${n}@followup.example>`, to: email, from: { email: 'rep@followup.example', name: 'Robin Rep' }, notBefore: NOW, createdAt: NOW }));
        }
        const summary = await runTick(await rt.context(NOW));
        expect(summary.sent.map((s) => s.to)).toEqual(['alive@client.example']);
        expect((await rt.store.getOutbox('o1'))?.status).toBe('failed');
        expect((await rt.store.getProspect('p1'))?.status).toBe('bounced');
        expect(await rt.store.isSuppressed(DEAD)).toBe(true);
        expect((await rt.store.getProspect('p2'))?.status).toBe('open');
        expect(await rt.store.isSuppressed('alive@client.example')).toBe(false);
        expect(summary.alerts.join('\n')).toMatch(/gone@client\.example.*refused the recipient for good \(550\)/);
      } finally {
        await rt.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('isRecipientRejection', () => {
  it.each([
    [{ responseCode: 550, command: 'RCPT TO', response: '550 5.1.1 <x@y>: User unknown' }, true],
    [{ responseCode: 550, command: 'DATA', response: '550 5.1.1 User unknown' }, true],
    [{ responseCode: 553, command: 'RCPT TO', response: '553 sorry, that domain isn\'t in my list' }, true],
    [{ responseCode: 550, command: 'DATA', response: '550 5.7.1 Message rejected as spam' }, false],
    [{ responseCode: 552, command: 'DATA', response: '552 5.3.4 Message too big' }, false],
    [{ responseCode: 450, command: 'RCPT TO', response: '450 4.1.1 try later' }, false],
    [{ responseCode: 550, command: 'DATA', response: '550 rejected' }, false],
  ])('%o → %s', (failure, expected) => {
    expect(isRecipientRejection(failure)).toBe(expected);
  });
});
