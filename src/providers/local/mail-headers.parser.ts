import addressparser from 'nodemailer/lib/addressparser/index.js';

/**
 * Just enough of RFC 5322 header parsing to decide whether a message concerns a tracked
 * prospect before reading and decoding it in full.
 */
export interface HeaderHints {
  from: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  date: Date | null;
  /** Number of header fields found (0: not an email). */
  fieldCount: number;
}

export function readHeaderHints(head: Buffer): HeaderHints {
  const text = head.toString('latin1').replace(/\r\n?/g, '\n');
  const fields = new Map<string, string>();
  let count = 0;
  // Unfold continuation lines, then split "Name: value".
  for (const line of text.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const m = /^([!-9;-~]+)[ \t]*:(.*)$/.exec(line);
    if (!m) continue;
    count += 1;
    const name = m[1]!.toLowerCase();
    if (!fields.has(name)) fields.set(name, m[2]!.trim());
  }
  const from = fields.get('from');
  const address = from ? addressparser(from, { flatten: true }).find((a) => a.address)?.address : undefined;
  const date = fields.get('date') ? new Date(fields.get('date')!) : null;
  return {
    from: address ? address.toLowerCase() : null,
    messageId: firstId(fields.get('message-id')),
    inReplyTo: firstId(fields.get('in-reply-to')),
    references: fields.get('references')?.match(/<[^<>\s]+>/g) ?? [],
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    fieldCount: count,
  };
}

function firstId(value: string | undefined): string | null {
  if (!value) return null;
  return value.match(/<[^<>\s]+>/)?.[0] ?? (value.trim() || null);
}
