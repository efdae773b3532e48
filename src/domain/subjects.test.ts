import { describe, expect, it } from 'vitest';
import { replySubject, stripReplyPrefixes } from './subjects.js';

describe('reply subjects', () => {
  it.each([
    ['Next steps', 'Re: Next steps'],
    ['RE: Next steps', 'RE: Next steps'],
    ['  AW: Termin ', 'AW: Termin'],
    ['Antw: Afspraak', 'Antw: Afspraak'],
    ['Reminder', 'Re: Reminder'],
  ])('prefixes Re: once: %j → %j', (subject, expected) => {
    expect(replySubject(subject)).toBe(expected);
  });

  it.each([
    ['Re: Re:  Our demo ', 'Our demo'],
    ['RE:Our demo', 'Our demo'],
    ['Our demo', 'Our demo'],
    ['Reply needed', 'Reply needed'],
  ])('finds the thread subject under its Re: prefixes: %j → %j', (subject, expected) => {
    expect(stripReplyPrefixes(subject)).toBe(expected);
  });
});
