import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime } from '../../src/app/runtime.js';
import { silentLogger } from '../../src/log.js';
import { runTick } from '../../src/worker/tick.js';
import { imapSession, serversMissing, startServers, type Servers } from './servers.js';

/**
 * The worker on the standard provider, against Dovecot: a reply books once; a Postfix bounce
 * (the returned message named only inside the report) marks the address; a mailbox rebuilt with
 * new UIDs and UIDVALIDITY makes nothing happen twice.
 */
const NOW = new Date('2030-06-04T14:00:00Z'); // Tuesday
const MINUTE = 60_000;

function mail(lines: string[]): Buffer {
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

describe.skipIf(serversMissing)('the mailbox story on Dovecot', () => {
  let servers: Servers;
  let dir: string;
  beforeAll(async () => {
    servers = await startServers();
    dir = mkdtempSync(join(tmpdir(), 'followup-story-'));
  }, 60_000);
  afterAll(async () => {
    await servers?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('books a reply once, marks a bounced address, and a rebuilt mailbox changes nothing', async () => {
    // Dovecot's main user owns the Maildir that rebuildUids() resets.
    const login = { user: servers.dovecot.user, password: servers.dovecot.password };
    const calUrl = await servers.radicale.makeCalendar('story', 'Story');
    writeFileSync(join(dir, 'prospects.yaml'), `- { email: sara@hooli.example, name: Sara Novak, company: Hooli, timeZone: Europe/Berlin, account: rep }\n- { email: tom@globex.example, name: Tom Reyes, company: Globex, timeZone: America/Chicago, account: rep }\n`);
    writeFileSync(
      join(dir, 'followup.yaml'),
      `prospects: prospects.yaml
store: { sqlitePath: ./followup.db }
web: { digest: false }
accounts:
  - id: rep
    name: Robin Rep
    email: rep@followup.example
    timeZone: America/New_York
    provider: standard
    caldav: { url: "${calUrl}", username: ${servers.radicale.user}, passwordEnv: ST_CALDAV }
    imap: { host: 127.0.0.1, port: ${servers.dovecot.port}, secure: false, user: "${login.user}", passwordEnv: ST_IMAP, inbox: INBOX, sent: Sent }
    smtp: { host: 127.0.0.1, port: ${servers.smtp.port}, secure: false, user: ${servers.smtp.user}, passwordEnv: ST_SMTP }
`,
    );
    Object.assign(process.env, { ST_CALDAV: servers.radicale.password, ST_IMAP: login.password, ST_SMTP: servers.smtp.password });
    await imapSession(servers, login, async (c) => {
      await c.append('Sent', mail(['From: Robin Rep <rep@followup.example>', 'To: sara@hooli.example', 'Subject: Next step', 'Date: Sat, 01 Jun 2030 10:00:00 +0000', 'Message-ID: <rep-1@followup.example>', '', 'When could we talk?']), ['\\Seen'], new Date('2030-06-01T10:00:00Z'));
      await c.append('Sent', mail(['From: Robin Rep <rep@followup.example>', 'To: tom@globex.example', 'Subject: Pricing', 'Date: Sat, 01 Jun 2030 10:05:00 +0000', 'Message-ID: <rep-2@followup.example>', '', 'Here are the options.']), ['\\Seen'], new Date('2030-06-01T10:05:00Z'));
      await c.append('INBOX', mail(['From: Sara Novak <sara@hooli.example>', 'To: rep@followup.example', 'Subject: Re: Next step', 'Date: Tue, 04 Jun 2030 13:00:00 +0000', 'Message-ID: <sara-1@hooli.example>', 'In-Reply-To: <rep-1@followup.example>', '', 'Thursday at 3pm works for me.']), [], new Date('2030-06-04T13:00:00Z'));
      await c.append(
        'INBOX',
        mail([
          'From: MAILER-DAEMON@mail.followup.example (Mail Delivery System)',
          'To: rep@followup.example',
          'Subject: Undelivered Mail Returned to Sender',
          'Date: Tue, 04 Jun 2030 13:10:00 +0000',
          'Message-Id: <dsn-1@mail.followup.example>',
          'Auto-Submitted: auto-replied',
          'MIME-Version: 1.0',
          'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
          '',
          '--b1',
          'Content-Type: text/plain',
          '',
          '<tom@globex.example>: host mx.globex.example said: 550 5.1.1 User unknown (in reply to RCPT TO command)',
          '--b1',
          'Content-Type: message/delivery-status',
          '',
          'Reporting-MTA: dns; mail.followup.example',
          '',
          'Final-Recipient: rfc822; tom@globex.example',
          'Action: failed',
          'Status: 5.1.1',
          'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
          '--b1',
          'Content-Type: text/rfc822-headers',
          '',
          'From: Robin Rep <rep@followup.example>',
          'To: tom@globex.example',
          'Subject: Pricing',
          'Message-ID: <rep-2@followup.example>',
          '--b1--',
        ]),
        [],
        new Date('2030-06-04T13:10:00Z'),
      );
    });

    const runtime = await openRuntime({ config: join(dir, 'followup.yaml'), logger: silentLogger() });
    try {
      const first = await runTick(await runtime.context(NOW));
      expect(first.problems).toEqual([]);
      expect(first.booked.map((b) => b.start.toISOString())).toEqual(['2030-06-06T13:00:00.000Z']); // Thursday 15:00 Berlin
      expect(first.replies.map((r) => `${r.prospectEmail} ${r.kind}`).sort()).toEqual(['sara@hooli.example proposal', 'tom@globex.example bounce']);
      expect((await runtime.store.listProspects('rep')).find((p) => p.email === 'tom@globex.example')?.status).toBe('bounced');
      expect(await runtime.store.isSuppressed('tom@globex.example')).toBe(true);
      const draftsBefore = (await runtime.store.listDrafts({})).length;
      const invitesBefore = servers.smtp.messages.filter((m) => m.raw.includes('invite-')).length;

      servers.dovecot.rebuildUids();
      const again = await runTick(await runtime.context(new Date(NOW.getTime() + 10 * MINUTE)));
      expect(again.problems).toEqual([]);
      expect(again.replies).toEqual([]);
      expect(again.booked).toEqual([]);
      expect((await runtime.store.listDrafts({})).length).toBe(draftsBefore);
      expect(servers.smtp.messages.filter((m) => m.raw.includes('invite-')).length).toBe(invitesBefore);
      expect(invitesBefore).toBe(1);
    } finally {
      await runtime.close();
    }
  }, 90_000);
});
