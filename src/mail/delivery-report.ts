/**
 * Delivery status notifications (RFC 3464: Postfix, Exim, Exchange "Undeliverable") name the
 * message they return in their body, not in In-Reply-To. These pure helpers tell a report from
 * its headers and find the returned message's Message-ID, so a bounce is matched to the email
 * that bounced (and so to its prospect) like any reply.
 */
export function isDeliveryReport(head: Buffer): boolean {
  const text = head.toString('latin1').replace(/\r?\n[ \t]+/g, ' ');
  const contentType = /^content-type:\s*([^\r\n]*)/im.exec(text)?.[1] ?? '';
  if (/multipart\/report/i.test(contentType) && /report-type\s*=\s*"?delivery-status/i.test(contentType)) return true;
  const from = /^from:\s*([^\r\n]*)/im.exec(text)?.[1] ?? '';
  return /\b(mailer-daemon|postmaster)@/i.test(from) || /mail delivery (system|subsystem)/i.test(from);
}

/** The Message-ID of the returned message (its headers inside the report), or null. */
export function returnedMessageId(raw: Buffer): string | null {
  const text = raw.toString('latin1');
  const bodyStart = text.search(/\r?\n\r?\n/);
  if (bodyStart < 0) return null;
  const own = /^message-id:\s*(<[^>\s]+>)/im.exec(text.slice(0, bodyStart))?.[1] ?? null;
  for (const m of text.slice(bodyStart).matchAll(/^message-id:\s*(<[^>\s]+>)/gim)) {
    if (m[1] !== own) return m[1]!;
  }
  return null;
}
