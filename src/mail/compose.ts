import type { OutgoingEmail } from '../ports/providers.js';

/**
 * Builds the raw RFC 5322 message once, with the worker's own Message-ID, In-Reply-To and
 * References, so every transport (Maildir, SMTP, Gmail raw send) sends the same bytes.
 * An iTIP attachment with a `method` becomes an iMIP text/calendar alternative (RFC 6047);
 * nodemailer also attaches that one calendar as a file (invite.ics) for clients that ignore
 * inline parts, so it is not attached a second time here. Every line ends in CRLF (RFC 5322).
 */
export async function composeRawEmail(email: OutgoingEmail, date?: Date): Promise<Buffer> {
  const calendar = email.attachments.find((a) => a.method);
  const attachments = email.attachments
    .filter((a) => a !== calendar)
    .map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType }));
  // nodemailer (230 KB) loads with the first email sent, not at start-up.
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer/index.js');
  const composer = new MailComposer({
    from: { name: email.from.name, address: email.from.email },
    to: email.to,
    subject: email.subject,
    text: crlf(email.text),
    ...(email.html ? { html: crlf(email.html) } : {}),
    messageId: email.messageId,
    ...(date ? { date } : {}),
    ...(email.thread.inReplyTo ? { inReplyTo: email.thread.inReplyTo } : {}),
    ...(email.thread.references.length > 0 ? { references: email.thread.references } : {}),
    ...(calendar ? { icalEvent: { method: calendar.method ?? 'REQUEST', content: crlf(String(calendar.content)), filename: calendar.filename } } : {}),
    attachments,
    headers: email.headers,
  });
  return composer.compile().build();
}

function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
