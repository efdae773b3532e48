import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime } from '../../src/app/runtime.js';
import { silentLogger } from '../../src/log.js';
import { runTick } from '../../src/worker/tick.js';
import { anOutboxItem } from '../store/fixtures.js';
import { nextLogin, serversMissing, startServers, type Servers } from './servers.js';

/**
 * A refused password disconnects only that account, and the account reconnects by itself on the
 * first run after the password works again (standard and local families), on real servers.
 */
const NOW = new Date('2030-06-04T14:00:00Z');
const MINUTE = 60_000;

describe.skipIf(serversMissing)('password accounts reconnect by themselves', () => {
  let servers: Servers;
  let dir: string;
  beforeAll(async () => {
    servers = await startServers();
    dir = mkdtempSync(join(tmpdir(), 'followup-reconnect-'));
  }, 60_000);
  afterAll(async () => {
    await servers?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a wrong IMAP app password disconnects only the standard account; fixed, it reconnects on the next run', async () => {
    const login = nextLogin(servers);
    const calUrl = await servers.radicale.makeCalendar('reconnect', 'Reconnect');
    for (const folder of ['cal', 'inbox']) mkdirSync(join(dir, 'a', folder), { recursive: true });
    const configPath = join(dir, 'a', 'followup.yaml');
    writeFileSync(
      configPath,
      `store: { sqlitePath: ./followup.db }
web: { digest: false }
accounts:
  - id: std
    name: Robin Rep
    email: rep@followup.example
    timeZone: Europe/Berlin
    provider: standard
    caldav: { url: "${calUrl}", username: ${servers.radicale.user}, passwordEnv: RC_CALDAV }
    imap: { host: 127.0.0.1, port: ${servers.dovecot.port}, secure: false, user: "${login.user}", passwordEnv: RC_IMAP }
    smtp: { host: 127.0.0.1, port: ${servers.smtp.port}, secure: false, user: ${servers.smtp.user}, passwordEnv: RC_SMTP }
  - id: other
    name: Other Rep
    email: other@followup.example
    timeZone: Europe/Berlin
    provider: local
    local: { calendarDir: ./cal, maildir: ./inbox, outgoing: { kind: maildir, dir: ./outbox } }
`,
    );
    Object.assign(process.env, { RC_CALDAV: servers.radicale.password, RC_IMAP: 'wrong-password', RC_SMTP: servers.smtp.password });
    const runtime = await openRuntime({ config: configPath, logger: silentLogger() });
    try {
      const first = await runTick(await runtime.context(NOW));
      const std = await runtime.store.getAccount('std');
      expect(std?.status).toBe('disconnected');
      expect(std?.statusDetail).toContain('RC_IMAP');
      expect(std?.statusDetail).not.toContain('wrong-password');
      expect(first.alerts.join('\n')).toContain('std: disconnected');
      expect((await runtime.store.getAccount('other'))?.status).toBe('connected');

      // Still wrong: stays disconnected, says why, nothing else happens.
      const second = await runTick(await runtime.context(new Date(NOW.getTime() + 10 * MINUTE)));
      expect((await runtime.store.getAccount('std'))?.status).toBe('disconnected');
      expect(second.alerts.join('\n')).toMatch(/std: not connected.*RC_IMAP/);

      process.env.RC_IMAP = login.password;
      const third = await runTick(await runtime.context(new Date(NOW.getTime() + 20 * MINUTE)));
      expect((await runtime.store.getAccount('std'))?.status).toBe('connected');
      expect(third.problems).toEqual([]);
      const cursors = await runtime.store.listCursors('std');
      expect(cursors.find((c) => c.key === 'mailbox')?.lastError ?? null).toBeNull();
    } finally {
      await runtime.close();
    }
  }, 60_000);

  it('a local account disconnected by a refused SMTP login sends once its password works again', async () => {
    for (const folder of ['cal', 'inbox']) mkdirSync(join(dir, 'b', folder), { recursive: true });
    const configPath = join(dir, 'b', 'followup.yaml');
    writeFileSync(
      configPath,
      `store: { sqlitePath: ./followup.db }
web: { digest: false }
accounts:
  - id: loc
    name: Robin Rep
    email: rep@followup.example
    timeZone: Europe/Berlin
    provider: local
    local:
      calendarDir: ./cal
      maildir: ./inbox
      outgoing: { kind: smtp, host: 127.0.0.1, port: ${servers.smtp.port}, user: ${servers.smtp.user}, passwordEnv: RC_LOCAL_SMTP, sentDir: ./sent }
`,
    );
    process.env.RC_LOCAL_SMTP = 'wrong';
    const runtime = await openRuntime({ config: configPath, logger: silentLogger() });
    const messageId = `<reconnect-local-${process.pid}@followup.example>`;
    try {
      await runtime.store.enqueueOutbox(anOutboxItem({ id: 'out-loc', accountId: 'loc', prospectId: null, messageId, from: { email: 'rep@followup.example', name: 'Robin Rep' }, notBefore: NOW, createdAt: NOW }));
      await runTick(await runtime.context(NOW));
      expect((await runtime.store.getAccount('loc'))?.status).toBe('disconnected');
      expect((await runtime.store.getOutbox('out-loc'))?.status).toBe('approved');

      process.env.RC_LOCAL_SMTP = servers.smtp.password;
      await runTick(await runtime.context(new Date(NOW.getTime() + 20 * MINUTE)));
      expect((await runtime.store.getAccount('loc'))?.status).toBe('connected');
      expect((await runtime.store.getOutbox('out-loc'))?.status).toBe('sent');
      expect(servers.smtp.messages.filter((m) => m.raw.includes(messageId))).toHaveLength(1);
    } finally {
      await runtime.close();
    }
  }, 60_000);
});
