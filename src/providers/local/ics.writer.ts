import type { DateTime } from 'luxon';

/** Writing iCalendar text (RFC 5545 §3.1, §3.3.11): escaping, parameter quoting, folding. */

const MAX_LINE_OCTETS = 75;

/** TEXT values: backslash, semicolon, comma and line breaks are escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Parameter values cannot hold DQUOTE or control characters; quote when they hold : ; , */
export function paramValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/["\u0000-\u001f\u007f]/g, '').trim();
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** Folds a content line at 75 octets (continuations start with one space), never inside a
 *  UTF-8 sequence. */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1; // the leading space counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Lines to iCalendar text: folded, CRLF-terminated. */
export function serializeLines(lines: string[]): string {
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** 20250310T150000Z */
export function formatUtc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** 20250310T160000 (wall-clock, for TZID= values and VTIMEZONE onsets). */
export function formatLocal(dt: DateTime): string {
  return dt.toFormat("yyyyMMdd'T'HHmmss");
}
