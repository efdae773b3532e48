import { describe, expect, it } from 'vitest';
import { extractReturnDate } from '../../src/domain/reply/return-date.js';
import { expectProposal, proposesNothing, read } from './lang-helpers.js';
import { forwardNote } from '../../src/domain/reply/markers.js';

/**
 * Classes of round 20 (part c): out-of-office return dates, the visible text and the language of a reply. Written for
 * these tests, not taken from the fixtures. Every prospect writes on Monday 17 November 2025 at 09:12 local time.
 */
const REF = new Date('2025-11-17T08:12:00Z');

describe('an auto-reply names its return with an Italian, Spanish or French "back" or "we reopen" word', () => {
  it.each([
    ['Fuori sede fino al 5 dicembre; di ritorno il 9.12.2025.', '2025-12-09'],
    ['Sono in ferie. Di ritorno in ufficio il 1° dicembre.', '2025-12-01'],
    ['Lo studio è chiuso per le feste. Riapriamo il 07.01.2026.', '2026-01-07'],
    ['Chiusura aziendale: l\'ufficio riaprirà il 12 gennaio 2026.', '2026-01-12'],
    ['Oficina cerrada por vacaciones. Reabrimos el 8 de enero.', '2026-01-08'],
    ['Escritório fechado para o recesso. Reabrimos no dia 5 de janeiro.', '2026-01-05'],
    ['Nos bureaux sont fermés. Nous rouvrons le 6 janvier 2026.', '2026-01-06'],
  ])('"%s" → %s', (text, want) => {
    expect(extractReturnDate(text, REF, 'Europe/Rome')).toBe(want);
  });
});

describe('an English auto-reply names the span away ("closed from April 29 to May 7") or the day reachable again', () => {
  it.each([
    ['Our office is closed from December 22 to January 4 for the holidays. I will answer after that.', '2026-01-05'],
    ['I am on leave from 1st December to 5th December and will reply when I can.', '2025-12-08'],
    ['I am out of office until 28.11.2025 inclusive. From 01.12. I am again reachable.', '2025-12-01'],
    ['Away on a trip. From 03.12.2025 I will be back in the office.', '2025-12-03'], // guard: passed before
  ])('"%s" → %s', (text, want) => {
    expect(extractReturnDate(text, REF, 'Europe/Berlin')).toBe(want);
  });
  it('guard: hours in a "from … to …" span are not a date', () => {
    expect(extractReturnDate('Our helpdesk is open from 9 am to 5 pm. I am back on 24 November.', REF, 'Europe/Berlin')).toBe('2025-11-24');
  });
});

describe('"after that" followed by something else due then ("danach steht die Migration an"): no talk after the absence', () => {
  it.each([
    ['de', 'Guten Tag, ich bin vom 1. bis 12. Dezember auf Dienstreise, danach steht bei uns der Jahresabschluss an. Ich gebe Ihre Anfrage an Frau Krause weiter.'],
    ['en', 'Hi, I am on leave until 5 December, and after that we have the system migration. I have passed your note to my colleague Ben.'],
    ['it', 'Buongiorno, sono in ferie fino al 5 dicembre, dopo c\'è la chiusura di bilancio. Ho inoltrato la sua mail al collega.'],
    ['fr', 'Bonjour, je suis absent jusqu\'au 5 décembre, après il y a l\'inventaire annuel. J\'ai transmis votre message à mon collègue.'],
  ])('%s: "%s"', (lang, text) => {
    const r = read(lang, text);
    expect(r.kind, JSON.stringify(r.explain)).not.toBe('vague');
    expect(r.proposals, JSON.stringify(r.explain)).toEqual([]);
  });
  it('guard: "danach habe ich gerne Zeit" still asks for the weeks after the absence', () => {
    const r = read('de', 'Ich bin bis zum 5. Dezember im Urlaub, danach habe ich gerne Zeit für ein Gespräch.');
    expect(r.kind, JSON.stringify(r.explain)).toBe('vague');
  });
});

describe('a note pointing to a forwarded answer under a title ("Please find below Mr. X\'s reply"): one sentence, not two', () => {
  it.each([
    'Please find below Mr. Haddad\'s reply to your message.',
    'Kindly see below Dr. Mensah\'s answer regarding your invitation.',
    'Vous trouverez ci-dessous, de la part de M. Lefort, sa réponse à votre invitation.',
    'Le reenvío abajo lo que indica la Sra. Núñez en su respuesta.',
    'Unten finden Sie von Hr. Brandt die Rückmeldung zu Ihrer Anfrage.',
  ])('"%s"', (text) => {
    expect(forwardNote(text)).toBe(true);
  });
  it('guard: a title alone, with no pointer to a forwarded answer, is no forward note', () => {
    expect(forwardNote('Mr. Haddad will reply to your message next week.')).toBe(false);
  });
});

describe('a Portuguese weekday by its number ("5.ª feira", "2ª-feira"): the day, not a trade fair', () => {
  it.each([
    ['pt', '5.ª feira às 15h pode ser', '2025-11-20 15:00'],
    ['pt', 'Pode ser 2ª-feira às 10h?', '2025-11-24 10:00'],
    ['pt', '4a feira as 9h30 fica bom', '2025-11-19 09:30'],
    ['pt', 'Prefiro 6.ª feira, às 14h.', '2025-11-21 14:00'],
  ])('%s: "%s" → %s', (lang, text, wall) => { expectProposal(lang, text, wall); });
});

describe('English from a French, Spanish or German writer: "between 14 and 16h", "from 9h to 11h" is a span of hours', () => {
  it.each([
    ['en', 'I am free Thursday between 15 and 17h, as you prefer.', '2025-11-20 15:00'],
    ['en', 'Monday between 13 and 15h is good for our team.', '2025-11-24 13:00'], // guard: passed before
    ['en', 'Wednesday I am available from 14 to 17h.', '2025-11-19 14:00'],
    ['en', 'Tuesday from 9h to 11h works for me.', '2025-11-18 09:00'], // guard: passed before
    ['en', 'On Friday I can do it between 10 and 12h30.', '2025-11-21 10:00'], // guard: passed before
  ])('%s: "%s" → %s', (lang, text, wall) => { expectProposal(lang, text, wall); });
});

describe('a remark on the clock change after a part that accepts the time is an aside to it, not the time\'s own', () => {
  it.each([
    ['en', 'Thursday 20 November at 11:00 works, note the clocks change soon so check the invite.', '2025-11-20 11:00'],  // guard: passed before
    ['fr', 'ok pour mardi 18 à 15h 👍 (attention, changement d\'heure bientôt)', '2025-11-18 15:00'],
    ['es', 'Me va bien el jueves 20 a las 10, ojo que hay cambio de hora pronto.', '2025-11-20 10:00'], // guard: passed before
    ['en', 'Friday 21st at 3pm is good for me (our daylight saving time starts this weekend).', '2025-11-21 15:00'],
    ['de', 'Mittwoch, 19.11. um 14 Uhr passt, denken Sie an die Zeitumstellung am Wochenende.', '2025-11-19 14:00'], // guard: passed before
  ])('%s: "%s" → %s', (lang, text, wall) => { expectProposal(lang, text, wall); });
  it('guard: the clock change on its own day is no time to meet', () => {
    proposesNothing('en', 'Just so you know, our clocks go back on Sunday at 2am.');
  });
});
