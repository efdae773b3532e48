import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/app/runtime.js';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { seedLocalWorkspace } from '../../src/demo/seed-local.js';
import { silentLogger } from '../../src/log.js';
import { approveDraft } from '../../src/worker/drafts.js';
import { runTick } from '../../src/worker/tick.js';

/**
 * A real mail server's bounce (issue 10, item 5): Postfix sends a delivery report from
 * MAILER-DAEMON with no In-Reply-To; the email that bounced is named only inside it, in a
 * text/rfc822-headers or message/rfc822 part. The Maildir reader finds it there, so the address
 * is marked bounced and suppressed.
 */
const NOW = new Date('2026-11-23T15:00:00Z');

function postfixReport(input: { originalMessageId: string; to: string; at: Date; part: 'text/rfc822-headers' | 'message/rfc822' }): string {
  const original = [`From: Alex Morgan <alex@northwind.example>`, `To: ${input.to}`, 'Subject: Following up', `Message-ID: ${input.originalMessageId}`, 'Date: Mon, 23 Nov 2026 16:00:00 +0000'];
  return [
    'Return-Path: <>',
    'From: MAILER-DAEMON@mx.northwind.example (Mail Delivery System)',
    'To: alex@northwind.example',
    'Subject: Undelivered Mail Returned to Sender',
    `Date: ${input.at.toUTCString()}`,
    'Message-Id: <20261123160100.ABC123@mx.northwind.example>',
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status;',
    '\tboundary="ABC123.1700000000/mx.northwind.example"',
    '',
    'This is a MIME-encapsulated message.',
    '',
    '--ABC123.1700000000/mx.northwind.example',
    'Content-Description: Notification',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mx.northwind.example.',
    '',
    "I'm sorry to have to inform you that your message could not",
    'be delivered to one or more recipients.',
    '',
    `<${input.to}>: host mx.globex.example[192.0.2.1] said: 550 5.1.1 <${input.to}>: Recipient address rejected: User unknown in virtual mailbox table`,
    '',
    '--ABC123.1700000000/mx.northwind.example',
    'Content-Description: Delivery report',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.northwind.example',
    'X-Postfix-Queue-ID: ABC123',
    '',
    `Final-Recipient: rfc822; ${input.to}`,
    `Original-Recipient: rfc822;${input.to}`,
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
    '',
    '--ABC123.1700000000/mx.northwind.example',
    `Content-Description: ${input.part === 'message/rfc822' ? 'Undelivered Message' : 'Undelivered Message Headers'}`,
    `Content-Type: ${input.part}`,
    '',
    ...original,
    ...(input.part === 'message/rfc822' ? ['', 'Hi Tom, following up on our call.'] : []),
    '',
    '--ABC123.1700000000/mx.northwind.example--',
    '',
  ].join('\r\n');
}

describe('a Postfix delivery report in the Maildir', () => {
  let dir: string;
  let rt: Runtime;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'followup-postfix-'));
    rt = await openRuntime({ config: seedLocalWorkspace(dir, buildDemoScenario(NOW)), logger: silentLogger() });
  });
  afterEach(async () => {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['text/rfc822-headers', 'message/rfc822'] as const)('marks the address bounced and suppressed (original in %s)', async (part) => {
    await runTick(await rt.context(NOW));
    const rep = { name: 'Alex Morgan', email: 'alex@northwind.example' };
    const tom = (await rt.store.listDrafts({ status: 'pending' })).find((d) => d.template === 'follow-up')!;
    const prospect = await rt.store.getProspect(tom.prospectId);
    const item = await approveDraft({ store: rt.store, now: NOW }, { draftId: tom.id, by: 'test', rep });
    const sentAt = new Date(NOW.getTime() + 3_600_000);
    expect((await runTick(await rt.context(sentAt))).sent.map((s) => s.messageId)).toEqual([item.messageId]);

    const report = postfixReport({ originalMessageId: item.messageId, to: prospect!.email, at: new Date(sentAt.getTime() + 60_000), part });
    expect(report).not.toMatch(/^In-Reply-To:/im);
    writeFileSync(join(dir, 'mail', 'inbox', 'new', `${Math.floor(sentAt.getTime() / 1000) + 60}.P1Q1.mx`), report);
    const summary = await runTick(await rt.context(new Date(sentAt.getTime() + 10 * 60_000)));
    expect(summary.replies).toEqual([{ prospectEmail: prospect!.email, kind: 'bounce', action: 'bounced: stopped, address flagged' }]);
    expect((await rt.store.getProspect(prospect!.id))?.status).toBe('bounced');
    expect(await rt.store.isSuppressed(prospect!.email)).toBe(true);
  });
});
