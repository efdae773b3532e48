/**
 * Raw text handling for .ics files before parsing: charset, byte-order mark, line ends, and the
 * textual problems a parser silently tolerates (blank lines inside the calendar).
 */

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const WINDOWS_1252 = new TextDecoder('windows-1252');

/** Decodes UTF-8 (the iCalendar default); old exports in Windows-1252 are read as such. */
export function decodeIcs(bytes: Uint8Array): { text: string; charset: 'utf-8' | 'windows-1252' } {
  let text: string;
  let charset: 'utf-8' | 'windows-1252' = 'utf-8';
  try {
    text = UTF8.decode(bytes);
  } catch {
    text = WINDOWS_1252.decode(bytes);
    charset = 'windows-1252';
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Bare CR line ends (old Mac exports) become LF; CRLF and LF are both fine for the parser.
  if (text.includes('\r') && !text.includes('\n')) text = text.replace(/\r/g, '\n');
  return { text, charset };
}

/** 1-based numbers of empty lines between BEGIN:VCALENDAR and the last END:VCALENDAR. */
export function findBlankLines(text: string): number[] {
  const lines = text.split(/\r?\n/);
  let last = lines.length - 1;
  while (last >= 0 && !/^END:VCALENDAR\s*$/i.test(lines[last] ?? '')) last -= 1;
  const blanks: number[] = [];
  for (let i = 0; i < last; i += 1) if ((lines[i] ?? '').trim() === '') blanks.push(i + 1);
  return blanks;
}
