import type { AddressObject, HeaderValue } from 'mailparser';
import type { InboundMessage } from '../domain/types.js';

/**
 * Decodes an RFC 5322 message (any charset, quoted-printable/base64, multipart, LF/CRLF/CR
 * line ends) into the domain's InboundMessage. Throws a plain error naming what is wrong.
 */
export async function parseRawEmail(raw: string | Buffer, providerId: string): Promise<InboundMessage> {
  const source = normaliseLineEnds(typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw);
  // mailparser (with iconv-lite and libmime, 1.4 MB) loads with the first message, not at start-up.
  const { simpleParser } = await import('mailparser');
  const parsed = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true });
  const headers: Record<string, string> = {};
  for (const line of parsed.headerLines) {
    const key = line.key.toLowerCase();
    const value = line.line.slice(line.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
    headers[key] = headers[key] ? `${headers[key]}\n${value}` : value;
  }
  const from = firstAddress(parsed.from);
  if (!from && !headers['from'] && !headers['return-path']) {
    throw new Error(`${providerId}: not an email (no From header)`);
  }
  return {
    providerId,
    messageId: parsed.messageId ?? null,
    threadId: null,
    inReplyTo: parsed.inReplyTo ? firstMessageId(parsed.inReplyTo) : null,
    references: toList(parsed.references),
    from: { email: (from?.address ?? '').toLowerCase(), name: from?.name || null },
    to: addressList(parsed.to),
    subject: parsed.subject ?? '',
    date: parsed.date ?? new Date(0),
    headers,
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    raw: source.toString('utf8'),
  };
}

/** Old Mac files end lines with a bare CR; MIME parsers expect LF or CRLF. */
function normaliseLineEnds(buf: Buffer): Buffer {
  if (!buf.includes(0x0d) || buf.includes(0x0a)) return buf;
  return Buffer.from(buf.toString('latin1').replace(/\r/g, '\r\n'), 'latin1');
}

function firstAddress(obj: AddressObject | AddressObject[] | undefined): { address?: string; name: string } | null {
  const list = Array.isArray(obj) ? obj : obj ? [obj] : [];
  for (const a of list) for (const v of a.value) if (v.address) return { address: v.address, name: v.name };
  return null;
}

function addressList(obj: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(obj) ? obj : obj ? [obj] : [];
  return list.flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()).filter(Boolean));
}

function firstMessageId(value: string): string {
  return value.match(/<[^>]+>/)?.[0] ?? value.trim();
}

function toList(value: string | string[] | HeaderValue | undefined): string[] {
  if (!value) return [];
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  return text.match(/<[^>]+>/g) ?? [];
}
