import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDeliveryReport, returnedMessageId } from './delivery-report.js';

const CORPORA = join(process.cwd(), '..', 'shared', 'corpora', 'sisimai-set-of-emails', 'maildir', 'bsd');

describe('delivery reports', () => {
  const report = Buffer.from(
    'From: MAILER-DAEMON@mail.example.com (Mail Delivery System)\r\nMessage-Id: <dsn-1@mail.example.com>\r\nContent-Type: multipart/report; report-type=delivery-status;\r\n\tboundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nfailed\r\n--b\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: Alex <alex@example.com>\r\nMessage-ID: <orig-1@example.com>\r\n\r\n--b--\r\n',
  );

  it('tells a report from its headers, and finds the returned message, not the report itself', () => {
    expect(isDeliveryReport(report)).toBe(true);
    expect(returnedMessageId(report)).toBe('<orig-1@example.com>');
  });

  it('an ordinary reply is not a report and names nothing', () => {
    const reply = Buffer.from('From: Pat <pat@client.example>\r\nMessage-ID: <r@client.example>\r\nContent-Type: text/plain\r\n\r\nThursday works.\r\n');
    expect(isDeliveryReport(reply)).toBe(false);
    expect(returnedMessageId(reply)).toBeNull();
  });

  it.each(['lhost-postfix-01.eml', 'lhost-postfix-02.eml', 'lhost-postfix-03.eml'])('Postfix sample %s (sisimai) is a report naming the returned message', (name) => {
    let raw: Buffer;
    try {
      raw = readFileSync(join(CORPORA, name));
    } catch {
      if (process.env.CI) throw new Error(`corpus file ${name} missing`);
      return;
    }
    expect(isDeliveryReport(raw)).toBe(true);
    const own = /^message-id:\s*(<[^>]+>)/im.exec(raw.toString('latin1'))?.[1];
    const returned = returnedMessageId(raw);
    if (returned) expect(returned).not.toBe(own);
  });
});
