import { describe, expect, it } from 'vitest';
import { classifyAutomatic, parseReply } from '../../src/domain/reply/index.js';
import { MON_NY, msg } from './helpers.js';

const NY = 'America/New_York';

describe('classifyAutomatic', () => {
  it.each([
    ['multipart/report delivery-status', { 'content-type': 'multipart/report; report-type=delivery-status; boundary=x' }, 'Delivery Status Notification', '', 'bounce'],
    ['mailer-daemon sender even with Auto-Submitted', { from: 'MAILER-DAEMON@mx.example', 'auto-submitted': 'auto-replied' }, 'Undelivered Mail Returned to Sender', 'This is the mail system at host mx.', 'bounce'],
    ['X-Failed-Recipients', { 'x-failed-recipients': 'a@b.c' }, 'whatever', '', 'bounce'],
    ['Auto-Submitted: auto-replied', { 'auto-submitted': 'auto-replied' }, 'Re: Demo', 'Thanks for your note.', 'ooo'],
    ['X-Autoreply', { 'x-autoreply': 'yes' }, 'Re: Demo', 'Away.', 'ooo'],
    ['X-Autorespond', { 'x-autorespond': '1' }, 'Re: Demo', 'Away.', 'ooo'],
    ['Precedence auto_reply', { precedence: 'auto_reply' }, 'Re: Demo', 'Away.', 'ooo'],
    ['"Automatic reply:" subject', {}, 'Automatic reply: Demo', 'I am out of the office.', 'ooo'],
    ['"Abwesenheitsnotiz" subject', {}, 'Abwesenheitsnotiz: Demo', 'Ich bin nicht im Büro.', 'ooo'],
    ['"Auto:" subject', {}, 'Auto: Demo', 'I am away until Monday.', 'ooo'],
    ['a human reply', {}, 'Re: Demo', 'Tuesday works', null],
  ] as const)('%s', (_n, headers, subject, body, kind) => {
    expect(classifyAutomatic(headers as Record<string, string>, subject, body).kind).toBe(kind);
  });
});

describe('parseReply kinds', () => {
  const kind = (text: string, extra = {}) => parseReply({ message: msg(text, MON_NY, extra), timeZone: NY }).kind;
  it.each([
    ['Please remove me from your list.', 'optout'],
    ['Unsubscribe', 'optout'],
    ['Stop emailing me.', 'optout'],
    ['Take me off your list', 'optout'],
    ['Not interested, thanks.', 'decline'],
    ['We went with another vendor.', 'decline'],
    ['No thanks.', 'decline'],
    ['Sometime next week?', 'vague'],
    ['Maybe in January', 'vague'],
    ['Later this month works better', 'vague'],
    ['Can you send pricing?', 'other'],
  ])('%s → %s', (text, expected) => {
    expect(kind(text)).toBe(expected);
  });

  it('never proposes from quoted history', () => {
    const r = parseReply({ message: msg('Thanks, will check.\n\nOn Mon, Nov 17, 2025 at 9:00 AM Dana <d@x.io> wrote:\n> Would Tuesday at 2pm work?', MON_NY), timeZone: NY });
    expect(r.kind).toBe('other');
    expect(r.proposals).toEqual([]);
  });

  it('ignores times in a signature', () => {
    const r = parseReply({ message: msg('Send the deck please.\n\nThanks,\nSam\nOffice hours 9-5\n(646) 555-0199', MON_NY), timeZone: NY });
    expect(r.kind).toBe('other');
  });

  it('reads an out-of-office return date relative to the message date', () => {
    const r = parseReply({ message: msg('I am out of the office, back on Monday 1 December.', MON_NY, { subject: 'Automatic reply: Demo', headers: { 'auto-submitted': 'auto-replied' } }), timeZone: NY });
    expect(r).toMatchObject({ kind: 'ooo', returnDate: '2025-12-01' });
    expect(r.explain.join(' ')).toMatch(/Auto-Submitted/);
  });

  it.each([
    ['until 12/03', 'America/Chicago', '2025-12-03'],
    ['until 12/03', 'Europe/London', '2026-03-12'],
    ['returning Dec 3rd', 'America/New_York', '2025-12-03'],
    ['bis zum 28.11. nicht im Büro', 'Europe/Berlin', '2025-11-28'],
    ["de retour le 24 novembre", 'Europe/Paris', '2025-11-24'],
    ['hasta el 2 de diciembre', 'Europe/Madrid', '2025-12-02'],
  ])('return date "%s" in %s', (text, zone, date) => {
    const r = parseReply({ message: msg(`Out of office ${text}.`, MON_NY, { subject: 'Out of Office', headers: { 'auto-submitted': 'auto-replied' } }), timeZone: zone });
    expect(r.returnDate).toBe(date);
  });

  it('a bounce never carries proposals', () => {
    const r = parseReply({ message: msg('Your message to sam@x wasn\'t delivered. Try Tuesday at 2pm', MON_NY, { from: { email: 'mailer-daemon@x.example' }, headers: { from: 'mailer-daemon@x.example' }, subject: 'Undeliverable: Demo' }), timeZone: NY });
    expect(r).toMatchObject({ kind: 'bounce', proposals: [] });
  });
});
