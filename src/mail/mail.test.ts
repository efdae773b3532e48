import { describe, expect, it } from 'vitest';
import { composeRawEmail } from './compose.js';
import { parseRawEmail } from './parse-mime.js';

describe('compose and parse', () => {
  it('keeps the worker-minted Message-ID and thread headers through a round trip', async () => {
    const raw = await composeRawEmail({
      messageId: '<abc.123@followup.local>',
      from: { email: 'rep@example.com', name: 'Rep Person' },
      to: 'sara@hooli.example',
      subject: 'Re: Next steps',
      text: 'Tuesday works. Grüße!',
      thread: { inReplyTo: '<m1@hooli.example>', references: ['<m0@example.com>', '<m1@hooli.example>'] },
      attachments: [],
      headers: { 'Auto-Submitted': 'no' },
    });
    const parsed = await parseRawEmail(raw, 'file-1');
    expect(parsed.messageId).toBe('<abc.123@followup.local>');
    expect(parsed.inReplyTo).toBe('<m1@hooli.example>');
    expect(parsed.references).toEqual(['<m0@example.com>', '<m1@hooli.example>']);
    expect(parsed.text.trim()).toBe('Tuesday works. Grüße!');
    expect(parsed.from.email).toBe('rep@example.com');
    expect(parsed.headers['auto-submitted']).toBe('no');
  });

  it('decodes CR-only line ends and reports a non-email', async () => {
    const msg = 'From: a@b.example\rSubject: hi\rMessage-ID: <x@y>\r\rbody line\r';
    const parsed = await parseRawEmail(msg, 'mac.eml');
    expect(parsed.subject).toBe('hi');
    expect(parsed.text.trim()).toBe('body line');
    await expect(parseRawEmail('just some text', 'bad.eml')).rejects.toThrow(/bad\.eml/);
  });
});
