import { describe, expect, it } from 'vitest';
import { classifyAutomatic, extractTimes, parseReply, splitReply } from '../../src/domain/reply/index.js';
import { MON_NY, msg } from './helpers.js';

const REF = new Date(MON_NY); // Monday 2025-11-17 10:12 New York
const NY = 'America/New_York';
const first = (text: string, opts: { scheduling?: boolean; forwardDate?: boolean } = {}) => extractTimes(text, REF, NY, opts)[0];

describe('date phrases outside a scheduling context are read as chrono-node reads them', () => {
  it('a day keeps the implied clock time, no business window', () => {
    const t = first('The deadline is tomorrow');
    expect(t?.start.toISOString()).toBe('2025-11-18T15:12:00.000Z');
    expect(t?.grain).toBe('day');
  });
  it('"this morning" is chrono\'s 06:00, past dates stay past', () => {
    expect(first('The deadline was this morning')?.start.toISOString()).toBe('2025-11-17T11:00:00.000Z');
    expect(first('She left in July')?.start.toISOString().slice(0, 7)).toBe('2025-07');
  });
  it('scheduling words switch the conventions on: forward dates, 09:00–12:00 morning, bare 3 → 3pm', () => {
    expect(first('Can we meet in July?')?.start.toISOString().slice(0, 7)).toBe('2026-07');
    expect(first('Let\'s meet Tuesday morning')?.start.toISOString()).toBe('2025-11-18T14:00:00.000Z');
    expect(first('Tuesday at 3', { scheduling: true })?.start.toISOString()).toBe('2025-11-18T20:00:00.000Z');
  });
  it('hours computed from a relative phrase are not rewritten by the bare-hour rule', () => {
    expect(first('call me in 2.5 hours', { scheduling: true })?.start.toISOString()).toBe('2025-11-17T17:42:00.000Z');
  });
  it('minutes around an hour and French clocks', () => {
    expect(first('Tuesday at half past 3', { scheduling: true })?.start.toISOString()).toBe('2025-11-18T20:30:00.000Z');
    expect(first('Wednesday, quarter to noon?')?.start.toISOString()).toBe('2025-11-19T16:45:00.000Z');
    expect(first('mardi à 15h15', { scheduling: true })?.start.toISOString()).toBe('2025-11-18T20:15:00.000Z');
  });
  it('impossible days and full dates with dots', () => {
    expect(first('32 August')).toBeUndefined();
    expect(first('August 32')).toBeUndefined();
    expect(first('born 31.10.1974')?.start.toISOString().slice(0, 10)).toBe('1974-10-31');
  });
});

describe('holidays', () => {
  it('the next one unless a year or last/next says otherwise', () => {
    expect(first('thanksgiving')?.start.toISOString().slice(0, 10)).toBe('2025-11-27');
    expect(first('xmas 2014')?.start.toISOString().slice(0, 10)).toBe('2014-12-25');
    expect(first('last Memorial Day')?.start.toISOString().slice(0, 10)).toBe('2025-05-26');
    expect(first('MLK day')?.start.toISOString().slice(0, 10)).toBe('2026-01-19');
  });
  it('in a reply a holiday is a reference point, never a proposed slot', () => {
    const r = parseReply({ message: msg('Let\'s talk after Thanksgiving', MON_NY), timeZone: NY });
    expect(r.proposals).toEqual([]);
  });
});

describe('sign-off and bounces', () => {
  it('splitReply keeps the sign-off apart from new text and history', () => {
    const s = splitReply({ text: 'Hello\n\nSent from my iPhone\n\nOn Apr 3, 2012, at 4:19 PM, bob <bob@example.com> wrote:\n\n> Hi\n' });
    expect(s.visible).toBe('Hello');
    expect(s.signature).toBe('Sent from my iPhone');
    expect(s.quoted).toContain('Hi');
  });
  it('reply headers wrapped over lines or in other clients\' formats start the history', () => {
    const cases = [
      'Yes.\n\n20 окт. 2016 г. 19:37 пользователь "Rafael" <\nmeta@example.com> написал:\n\n> Falco',
      'Ok\nOp 16 aug. 2014 05:13 schreef "codinghorror" <info@example.org> het\nvolgende geschreven:\n\n> hi',
      'Fine\n\nOn Thu, 31 Mar 2016 at 11:16 Some One\n\n<\nmailto:Some One <some.one@foo.bar>\n> wrote:\n\n> hi',
      'Bar\n\n*-------- Original Message --------*\n\nold',
      'Thanx\n\nSendt fra min iPad\n\nDen 15. jun. 2016 kl. 20.42 skrev Jeff <info@example.org>:\n\n> hi',
    ];
    expect(cases.map((t) => splitReply({ text: t }).visible)).toEqual(['Yes.', 'Ok', 'Fine', 'Bar', 'Thanx']);
  });
  it('a complaint subject with the original attached, and an SES notification inside SNS JSON, are bounces', () => {
    expect(classifyAutomatic({ from: 'staff@hotmail.com' }, 'complaint about message from 192.0.2.222', 'x\nContent-Type: message/rfc822\n').kind).toBe('bounce');
    expect(classifyAutomatic({ from: 'no-reply@sns.amazonaws.com' }, 'AWS Notification Message', '{"Message" : "{\\"notificationType\\":\\"Bounce\\"}"}').kind).toBe('bounce');
  });
});
