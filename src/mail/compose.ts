import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { OutgoingEmail } from '../ports/providers.js';

/**
 * Builds the raw RFC 5322 message once, with the worker's own Message-ID, In-Reply-To and
 * References, so every transport (Maildir, SMTP, Gmail raw send) sends the same bytes.
 * An iTIP attachment with a `method` becomes an iMIP text/calendar alternative (RFC 6047)
 * and is also attached as invite.ics for clients that ignore inline parts.
 */
export async function composeRawEmail(email: OutgoingEmail, date?: Date): Promise<Buffer> {
  const calendar = email.attachments.find((a) => a.method);
  const attachments = email.attachments.map((a) => ({
    filename: a.filename,
    content: a.content,
    contentType: a.method ? `application/ics; name="${a.filename}"` : a.contentType,
  }));
  const composer = new MailComposer({
    from: { name: email.from.name, address: email.from.email },
    to: email.to,
    subject: email.subject,
    text: email.text,
    ...(email.html ? { html: email.html } : {}),
    messageId: email.messageId,
    ...(date ? { date } : {}),
    ...(email.thread.inReplyTo ? { inReplyTo: email.thread.inReplyTo } : {}),
    ...(email.thread.references.length > 0 ? { references: email.thread.references } : {}),
    ...(calendar ? { icalEvent: { method: calendar.method ?? 'REQUEST', content: calendar.content, filename: calendar.filename } } : {}),
    attachments,
    headers: email.headers,
  });
  return composer.compile().build();
}
