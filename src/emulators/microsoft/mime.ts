/**
 * Minimal RFC 5322 helpers for the emulator: read header lines from a raw message and build the
 * MIME source (`$value`) of messages created through the API.
 */

export function parseHeaderLines(raw: string): { name: string; value: string }[] {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end === -1 ? raw : raw.slice(0, end);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const out: { name: string; value: string }[] = [];
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    out.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return out;
}

export function headerValue(headers: { name: string; value: string }[], name: string): string | null {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value ?? null;
}

function encodeWord(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

function formatAddress(a: { name?: string; address: string }): string {
  return a.name ? `${encodeWord(a.name.replace(/"/g, ''))} <${a.address}>` : a.address;
}

export function buildMime(input: {
  headers: { name: string; value: string }[];
  from: { name?: string; address: string };
  to: { name?: string; address: string }[];
  cc: { name?: string; address: string }[];
  subject: string;
  date: Date;
  contentType: 'text' | 'html';
  content: string;
}): string {
  const lines: string[] = [
    `From: ${formatAddress(input.from)}`,
    `To: ${input.to.map(formatAddress).join(', ')}`,
    ...(input.cc.length > 0 ? [`Cc: ${input.cc.map(formatAddress).join(', ')}`] : []),
    `Subject: ${encodeWord(input.subject)}`,
    `Date: ${input.date.toUTCString().replace('GMT', '+0000')}`,
  ];
  const skip = new Set(['from', 'to', 'cc', 'subject', 'date', 'mime-version', 'content-type', 'content-transfer-encoding']);
  for (const h of input.headers) if (!skip.has(h.name.toLowerCase())) lines.push(`${h.name}: ${h.value}`);
  lines.push('MIME-Version: 1.0');
  lines.push(`Content-Type: text/${input.contentType === 'html' ? 'html' : 'plain'}; charset=utf-8`);
  lines.push('Content-Transfer-Encoding: base64');
  const body = Buffer.from(input.content, 'utf8').toString('base64').replace(/.{1,76}/g, '$&\r\n');
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}
