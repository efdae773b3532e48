import { describe, expect, it } from 'vitest';
import { extractVisibleText, htmlToText } from '../../src/domain/reply/index.js';

describe('extractVisibleText: plain text', () => {
  it.each([
    ['">" quotes after an "On ... wrote:" header', 'Works for me.\n\nOn Mon, Nov 17, 2025 at 9:00 AM Dana <d@x.io> wrote:\n> Tuesday at 2?', 'Works for me.'],
    ['a header wrapped over two lines', 'Sure.\n\nOn Mon, Nov 17, 2025 at 9:00 AM Dana Rep <\ndana@x.io> wrote:\n> hi', 'Sure.'],
    ['German "schrieb"', 'Passt.\n\nAm 17.11.2025 um 09:00 schrieb Dana Rep <d@x.io>:\n> Dienstag?', 'Passt.'],
    ['French "a écrit"', 'Parfait.\n\nLe lun. 17 nov. 2025 à 09:00, Dana <d@x.io> a écrit :\n> Mardi ?', 'Parfait.'],
    ['Spanish "escribió"', 'Perfecto.\n\nEl lun, 17 nov 2025 a las 9:00, Dana (<d@x.io>) escribió:\n> ¿Martes?', 'Perfecto.'],
    ['Outlook Original Message', 'OK\n\n-----Original Message-----\nFrom: Dana\nSent: Monday\nTo: Sam\n\nTuesday at 2?', 'OK'],
    ['Outlook From/Sent block under a rule', 'OK\n________________________________\nFrom: Dana <d@x.io>\nSent: Monday, November 17, 2025 9:00 AM\nTo: Sam\nSubject: Demo\n\nTuesday?', 'OK'],
    ['German Outlook block', 'Gerne.\n\nVon: Dana <d@x.io>\nGesendet: Montag, 17. November 2025 09:00\nAn: Jonas\nBetreff: Demo', 'Gerne.'],
    ['forwarded part', 'FYI\n\n---------- Forwarded message ---------\nFrom: A <a@x.io>\nDate: Mon\n\nbody', 'FYI'],
    ['"-- " signature', 'Thursday works.\n\n-- \nSam Lee\n+1 646 555 0199', 'Thursday works.'],
    ['Sent from my iPhone', 'Yes\n\nSent from my iPhone', 'Yes'],
    ['sign-off followed by phone and office hours', 'Friday at 10.\n\nBest,\nSam\nVP Sales | Buyer\nM: +1 646 555 0199\nOffice hours: 9-5', 'Friday at 10.\n\nBest,\nSam'],
    ['reply written below the quote', 'On Mon, Nov 17, 2025 at 9:00 AM Dana <d@x.io> wrote:\n> Tuesday?\n\nWednesday is better.', 'Wednesday is better.'],
  ])('strips %s', (_name, text, expected) => {
    expect(extractVisibleText({ text })).toBe(expected);
  });
});

describe('extractVisibleText: HTML', () => {
  it.each([
    ['Gmail gmail_quote', '<div dir="ltr">Yes!</div><div class="gmail_quote"><div class="gmail_attr">On Mon, Dana wrote:</div><blockquote class="gmail_quote">Tuesday?</blockquote></div>', 'Yes!'],
    ['Outlook divRplyFwdMsg', '<p>OK&nbsp;then</p><div id="divRplyFwdMsg"><b>From:</b> Dana</div><div>Tuesday?</div>', 'OK then'],
    ['Thunderbird moz-cite-prefix', '<p>Fine</p><div class="moz-cite-prefix">On 17.11.2025 Dana wrote:</div><blockquote type="cite">Tuesday?</blockquote>', 'Fine'],
    ['Apple Mail blockquote type=cite', '<div>Sure &amp; thanks</div><div><br><blockquote type="cite"><div>On Nov 17, Dana wrote:</div>Tuesday?</blockquote></div>', 'Sure & thanks'],
    ['<br> and entities', '<div>Line one<br>Line&#39;s two &lt;ok&gt;</div>', "Line one\nLine's two <ok>"],
  ])('strips %s', (_name, html, expected) => {
    expect(extractVisibleText({ html })).toBe(expected);
  });

  it('converts blockquotes to "> " lines in neutral mode', () => {
    expect(htmlToText('<p>a</p><blockquote>b</blockquote>')).toBe('a\n\n> b');
  });
});
