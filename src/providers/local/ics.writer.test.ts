import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, formatUtc, paramValue, serializeLines } from './ics.writer.js';
import { formatOffset } from './vtimezone.writer.js';

describe('iCalendar writing', () => {
  it('escapes TEXT values', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('quotes parameter values that need it and drops what they cannot hold', () => {
    expect(paramValue('Robin Rep')).toBe('Robin Rep');
    expect(paramValue('Rep, Robin')).toBe('"Rep, Robin"');
    expect(paramValue('Robin "the rep"\n')).toBe('Robin the rep');
  });

  it('folds at 75 octets, continuation lines starting with a space', () => {
    const line = `DESCRIPTION:${'x'.repeat(200)}`;
    const parts = foldLine(line).split('\r\n');
    expect(parts[0]).toHaveLength(75);
    expect(parts.slice(1).every((p) => p.startsWith(' ') && Buffer.byteLength(p) <= 75)).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:ok')).toBe('SHORT:ok');
    const emoji = foldLine(`SUMMARY:${'🎉'.repeat(30)}`);
    expect(emoji.split('\r\n ').join('')).toBe(`SUMMARY:${'🎉'.repeat(30)}`);
  });

  it('serializes with CRLF line ends and formats UTC times and offsets', () => {
    expect(serializeLines(['A:1', 'B:2'])).toBe('A:1\r\nB:2\r\n');
    expect(formatUtc(new Date('2030-03-10T15:04:05.678Z'))).toBe('20300310T150405Z');
    expect([formatOffset(60), formatOffset(-270), formatOffset(345), formatOffset(0)]).toEqual(['+0100', '-0430', '+0545', '+0000']);
  });
});
