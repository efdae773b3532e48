import { describe, expect, it } from 'vitest';
import { expectCertainProposal, firstLocal, noProposal, read } from './lang-helpers.js';

/**
 * Classes of round 20 (part a): times read wrong. Written for these tests, not taken from the fixtures.
 * Every prospect writes on Monday 17 November 2025 at 09:12 local time.
 */

const WED_3PM: [string, string][] = [['2025-11-19 15:00', '2025-11-19 15:30']];
const TUE_10: [string, string][] = [['2025-11-18 10:00', '2025-11-18 10:30']];

describe('a meeting moved names its old time first ("push Wednesday\'s call to Friday"): the new time, not the old', () => {
  it.each([
    ['en', 'Could we shift Wednesday\'s meeting to Thursday at 11? Something came up.', '2025-11-20 11:00', WED_3PM], // guard (passed before)
    ['en', 'Can we move Wednesday\'s call to Friday, same time?', '2025-11-21 15:00', WED_3PM],
    ['en', 'Any chance to bump tomorrow\'s 10am to 1pm? Running late on a site visit.', '2025-11-18 13:00', TUE_10],
    ['en', 'Could we push our 10am tomorrow to 11:30?', '2025-11-18 11:30', TUE_10],
    ['en', 'Can we move the call on Wednesday to Thursday 4pm?', '2025-11-20 16:00', WED_3PM],
    ['es', '¿Podemos mover la llamada del miércoles al jueves a las 11?', '2025-11-20 11:00', WED_3PM], // guard (passed before)
    ['pt', 'Dá pra mudar a reunião de quarta para sexta às 10? Surgiu uma auditoria.', '2025-11-21 10:00', WED_3PM],
    ['fr', 'On peut déplacer le rendez-vous de mercredi à jeudi 14h ?', '2025-11-20 14:00', WED_3PM],
    ['de', 'Können wir das Gespräch vom Mittwoch auf Freitag um 9 Uhr verlegen?', '2025-11-21 09:00', WED_3PM],
    ['nl', 'Kunnen we de afspraak van woensdag naar vrijdag om 11 uur verzetten?', '2025-11-21 11:00', WED_3PM],
    ['it', 'Possiamo spostare l\'incontro di mercoledì a venerdì alle 10?', '2025-11-21 10:00', WED_3PM],
  ])('%s: "%s"', (lang, text, wall, offered) => { expectCertainProposal(lang, text, wall, { offered }); });
});

describe('a day apologised for ("Sorry again for Friday. Wednesday I\'m free from 2"): the missed meeting, not a day offered', () => {
  it.each([
    ['en', 'Sorry again for Tuesday. Thursday afternoon I\'m around from 3pm onwards.', '2025-11-20 15:00'],
    ['en', 'Apologies for Wednesday\'s no-show! Friday between 10 and 12 works, pick any slot.', '2025-11-21 10:00'], // guard (passed before)
    ['fr', 'Encore désolée pour mercredi. Vendredi je suis libre entre 10h et 12h.', '2025-11-21 10:00'],
    ['de', 'Entschuldigung für Mittwoch. Freitag habe ich zwischen 10 und 12 Uhr Zeit.', '2025-11-21 10:00'],
    ['nl', 'Sorry voor woensdag. Vrijdag kan ik tussen 10:00 en 12:00, kies maar.', '2025-11-21 10:00'],
    ['it', 'Scusami per mercoledì. Venerdì sono libera dalle 10 alle 12.', '2025-11-21 10:00'],
    ['es', 'Perdón por lo del miércoles. El viernes estoy libre de 10 a 12.', '2025-11-21 10:00'], // guard (passed before)
  ])('%s: "%s"', (lang, text, wall) => { expectCertainProposal(lang, text, wall); });
});

describe('a time said again, then another day\'s clock time "instead" in the next sentence: the new one', () => {
  it.each([
    ['en', 'Wednesday got messy. Could we do Friday 11/21 at 11:45 AM instead?', '2025-11-21 11:45'],
    ['en', 'Wednesday 3pm is no longer possible. How about Friday at 3pm instead?', '2025-11-21 15:00'],
    ['en', 'Wednesday 3pm no longer suits. Thursday at 10am instead?', '2025-11-20 10:00'],
    ['fr', 'Mercredi 15h ne me convient plus finalement. Jeudi à 11h plutôt ?', '2025-11-20 11:00'],
    ['de', 'Mittwoch hat sich zerschlagen. Ginge Donnerstag um 11 Uhr stattdessen?', '2025-11-20 11:00'], // guard (passed before)
  ])('%s: "%s"', (lang, text, wall) => { expectCertainProposal(lang, text, wall, { offered: WED_3PM }); });
  // A fallback ("if not … instead") keeps the first time first.
  it.each([
    ['en', 'Wednesday at 3pm works. If not, Friday at 3pm instead.', '2025-11-19 15:00'],
  ])('guard (passed before): %s: "%s"', (lang, text, wall) => { expectCertainProposal(lang, text, wall, { offered: WED_3PM }); });
});

describe('another language\'s way of saying the hour, written in English ("10h", "at the 14 hours", "three of the afternoon", "9 and half", "after tomorrow"): that hour', () => {
  it.each([
    ['en', 'hey! tomorrow 11h? 🙏', '2025-11-18 11:00'],
    ['en', 'We can do in the Friday at 15h, Lisbon hour.', '2025-11-21 15:00'],
    ['en', 'We could make the call on day 20/11 at the 16 hours. Is possible?', '2025-11-20 16:00'],
    ['en', 'It would convene me on Thursday 20 November to the 10 hours.', '2025-11-20 10:00'],
    ['en', 'Friday at 11 hours is perfect for me.', '2025-11-21 11:00'],
    ['en', 'The Wednesday 19th at four of the afternoon goes well.', '2025-11-19 16:00'],
    ['en', 'for me is good Thursday the 20 at 10 and half.', '2025-11-20 10:30'],
    ['en', 'We speak after tomorrow (Wednesday) at 3pm, ok?', '2025-11-19 15:00'],
    ['en', 'Thursday 10am works, it is a 2h workshop so block the morning.', '2025-11-20 10:00'], // guard (passed before)
  ])('%s: "%s"', (lang, text, wall) => { expectCertainProposal(lang, text, wall); });
});

describe('a correction said the non-native way ("Ah no wait", "I mixed the days, I mean", "Ah non", "better Friday same hour"): the corrected time', () => {
  it.each([
    ['en', 'Wednesday 11 is ok. Ah no wait, Wednesday I have the physio 🙈 better Thursday same hour!', '2025-11-20 11:00'],
    ['en', 'Tuesday 3pm is good. Sorry, I mixed the days, I mean Thursday 3pm.', '2025-11-20 15:00'],
    ['en', 'Wednesday at 2pm is fine. Oops, I confused the dates, I mean Friday at 2pm.', '2025-11-21 14:00'],
    ['fr', 'On peut passer à jeudi 20 novembre ? Ah non, j\'ai un comité. Vendredi 21 novembre à 10h alors.', '2025-11-21 10:00'],
    ['fr', 'Mardi 15h... ah non, j\'ai un rendez-vous. Mercredi même heure plutôt.', '2025-11-19 15:00'],
    ['de', 'Mittwoch 10? ach nee da kann ich nicht 🙈 dann lieber Donnerstag um 10', '2025-11-20 10:00'],
    ['nl', 'Hoi, dinsdag om 14:00... o nee, dan zit ik bij de fysio. Doe maar woensdag zelfde tijd.', '2025-11-19 14:00'],
  ])('%s: "%s"', (lang, text, wall) => { expectCertainProposal(lang, text, wall); });
});

describe('the 24-hour clock as offices write it ("1500 hrs", "10.30 hrs", "0930h", "the 21st inst."): that time', () => {
  it.each([
    ['en', 'Shall we do 1400 hrs on Thursday 20 Nov? Most of the team is back by then.', '2025-11-20 14:00'],
    ['en', 'With reference to your mail, let us meet on the 21st inst. at 10.30 hrs.', '2025-11-21 10:30'],
    ['en', 'Call at 1630h Wednesday?', '2025-11-19 16:30'],
  ])('%s: "%s"', (lang, text, wall) => { expectCertainProposal(lang, text, wall); });
  it.each([
    ['en', 'We logged 1500 hrs of support last year, so the renewal matters.'], // guard (passed before)
  ])('a count of hours, no time: %s: "%s"', (lang, text) => { noProposal(lang, text); });
});

describe('a place\'s time named with its accents ("lokale tijd Curaçao") or the rep\'s time in Dutch ("jullie tijd"): that zone', () => {
  it.each([
    ['nl', 'Ik zit volgende week op Curaçao. Woensdag 10:00 lokale tijd Curaçao?', '2025-11-19 15:00'],
    ['fr', 'Je serai à Curaçao. Mercredi 10h heure de Curaçao ?', '2025-11-19 15:00'],
  ])('%s: "%s"', (lang, text, wall) => { expectCertainProposal(lang, text, wall); });
  it.each([
    ['nl', 'Volgende week zit ik in Seattle. Woensdag 19 november om 9 uur jullie tijd?', '2025-11-19 18:00'],
  ])('%s: "%s"', (lang, text, wall) => {
    const r = read(lang, text, { repZone: 'America/Los_Angeles' });
    expect(firstLocal(lang, r), JSON.stringify(r.explain)).toBe(wall);
    expect(r.certain, JSON.stringify(r.uncertain)).toBe(true);
  });
});
