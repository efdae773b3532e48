import { describe, expect, it } from 'vitest';
import { firstLocal, read } from './lang-helpers.js';

/**
 * Classes of issue 11, round 15 (part c): the KIND misses of tune-r12, fixed as the family of phrasings each belongs to.
 * The phrasings are written for these tests, not taken from the fixtures. Every prospect writes on Monday 17 November
 * 2025 at 09:12 local time.
 */

const proposes = (lang: string, text: string, wall: string) => {
  const r = read(lang, text);
  expect(r.kind, JSON.stringify(r.explain)).toBe('proposal');
  expect(firstLocal(lang, r), JSON.stringify(r.explain)).toBe(wall);
  return r;
};

describe('"but" without a comma opens a clause of its own: the refusal before it is not the next day\'s', () => {
  it.each([
    ['en', "Can't do the 18th sadly but the 19th at 2pm would be fine?", '2025-11-19 14:00'],
    ['en', 'Monday is out sadly but Wednesday at 11 would suit.', '2025-11-19 11:00'],
    ['es', 'El martes no puedo pero el miércoles a las 10 sí.', '2025-11-19 10:00'],
    ['nl', 'Dinsdag lukt helaas niet maar woensdag om 10 uur wel.', '2025-11-19 10:00'],
    ['it', 'Martedì purtroppo non posso però mercoledì alle 10 sì.', '2025-11-19 10:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { proposes(lang, text, wall); });
  it.each([
    ['en', 'Tuesday is impossible for me but Wednesday at 10 could work.', '2025-11-19 10:00'],
    ['en', "Sorry, can't do Monday but Tuesday at 3pm would be great.", '2025-11-18 15:00'],
  ])('guard: %s "%s" stays %s', (lang, text, wall) => { proposes(lang, text, wall); });
  it.each([
    ['en', "I can't do Tuesday at 10 but I'll let you know."],
    ['es', 'El martes a las 10 no puedo pero gracias.'],
  ])('guard: %s "%s" proposes nothing', (lang, text) => {
    const r = read(lang, text);
    expect(r.proposals, JSON.stringify(r.explain)).toEqual([]);
  });
});

describe('the English "between" in a German or Dutch reply is no past participle', () => {
  it.each([
    ['de', 'Am Montag habe ich zwischen 13 und 15 Uhr Zeit.', '2025-11-24 13:00'],
    ['de', 'Hallo Frau Weber, am Dienstag habe ich zwischen 14 und 16 Uhr Zeit.', '2025-11-18 14:00'],
    ['nl', 'Maandag heb ik tussen 13 en 15 uur tijd.', '2025-11-24 13:00'],
    ['nl', 'Dinsdag heb ik tussen 14 en 16 uur tijd.', '2025-11-18 14:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { proposes(lang, text, wall); });
  it.each([
    ['de', 'Hallo Frau Weber, am Mittwoch bin ich zwischen 10 und 12 Uhr erreichbar.', '2025-11-19 10:00'],
    ['nl', 'Woensdag ben ik tussen 10 en 12 uur bereikbaar.', '2025-11-19 10:00'],
  ])('guard: %s "%s" stays %s', (lang, text, wall) => { proposes(lang, text, wall); });
  it.each([
    ['de', 'Wir hatten am Montag zwischen 13 und 15 Uhr telefoniert.'],
    ['nl', 'We hebben maandag tussen 13 en 15 uur gebeld.'],
    ['nl', 'We hebben maandag om 10 uur gebeld.'],
    ['de', 'Wir haben am Montag um 10 Uhr telefoniert.'],
  ])('guard: %s "%s" stays past', (lang, text) => {
    expect(read(lang, text).proposals).toEqual([]);
  });
});

describe('talking again after the winter holidays (new year, Epiphany) is a vague range', () => {
  it.each([
    ['de', 'Vor Weihnachten wird das nichts mehr. Melden Sie sich im neuen Jahr nochmal.'],
    ['es', 'Ahora imposible, cerrando el año. ¿Lo retomamos después de Reyes?'],
    ['es', 'Hablamos en el año nuevo.'],
    ['it', 'Ne riparliamo dopo la Befana.'],
    ['it', "Sentiamoci nel nuovo anno."],
    ['fr', "On en reparle après l'Épiphanie ?"],
    ['nl', 'Laten we het in het nieuwe jaar oppakken.'],
    ['pt', 'Falamos no ano novo.'],
  ])('%s: "%s" is vague in January', (lang, text) => {
    const r = read(lang, text);
    expect(r.kind, JSON.stringify(r.explain)).toBe('vague');
    expect(r.range?.start.toISOString().slice(0, 7), JSON.stringify(r.explain)).toBe('2026-01');
  });
});

describe('a later time to read, review or answer the mail is no time to talk', () => {
  it.each([
    ['en', "my son has a school play thursday at 5 so I'm out all afternoon, will read this properly next week"],
    ['en', 'FYI the office is closed Friday. Our legal team will review the documents the following week.'],
    ['pt', 'minha filha tem dentista quinta às 9, fico fora a manhã toda. respondo com calma semana que vem'],
    ['es', 'Esta semana no llego, reviso la propuesta la semana que viene.'],
    ['fr', 'Je lirai votre message tranquillement la semaine prochaine.'],
    ['de', 'Ich lese mir das nächste Woche in Ruhe durch.'],
    ['it', 'Leggo con calma la tua mail la prossima settimana.'],
    ['nl', 'Ik lees je mail volgende week rustig door.'],
  ])('%s: "%s" is other', (lang, text) => {
    const r = read(lang, text);
    expect(r.kind, JSON.stringify(r.explain)).toBe('other');
  });
  it.each([
    ['en', "I'm free Thursday at 2 to review the contract.", '2025-11-20 14:00'],
    ['en', "I'd like to go over it with you Thursday at 2.", '2025-11-20 14:00'],
    ['en', 'Happy to review the numbers Thursday at 2.', '2025-11-20 14:00'],
    ['de', 'Am Donnerstag um 14 Uhr können wir das gerne durchgehen.', '2025-11-20 14:00'],
  ])('guard: %s "%s" stays %s', (lang, text, wall) => { proposes(lang, text, wall); });
  it.each([
    ['es', 'Esta semana imposible, leo tu correo con calma la semana que viene.'],
  ])('guard: %s "%s" stays other', (lang, text) => {
    expect(read(lang, text).kind).toBe('other');
  });
  it.each([
    ['en', "Let's review it together next week."],
    ['en', 'I will review the proposal, can we talk next week?'],
    ['es', 'Lo reviso y hablamos la semana que viene.'],
  ])('guard: %s "%s" stays vague', (lang, text) => {
    expect(read(lang, text).kind).toBe('vague');
  });
});

describe('a reply asking which slots or what availability the rep has proposes nothing, whatever its capitals', () => {
  it.each([
    ['fr', "Ça m'intéresse. Quels créneaux avez-vous ?"],
    ['fr', "Ça m'intéresse, quelles sont vos disponibilités ?"],
    ['en', "Sounds interesting. What's your availability?"],
    ['es', 'Me interesa. ¿Cuál es tu disponibilidad?'],
    ['pt', 'Tenho interesse. Qual a sua disponibilidade?'],
    ['de', 'Klingt gut. Wie ist Ihre Verfügbarkeit?'],
    ['nl', 'Klinkt interessant. Wat is uw beschikbaarheid?'],
    ['it', 'Mi interessa. Qual è la sua disponibilità?'],
  ])('%s: "%s" is vague with no proposal', (lang, text) => {
    const r = read(lang, text);
    expect(r.kind, JSON.stringify(r.explain)).toBe('vague');
    expect(r.proposals).toEqual([]);
  });
  it.each([
    ['fr', 'Ça me parle. Quels créneaux avez-vous ?'],
    ['en', 'Sounds interesting. What times do you have?'],
  ])('guard: %s "%s" stays vague', (lang, text) => {
    expect(read(lang, text).kind).toBe('vague');
  });
});

describe('the prospect brought to the rep by a driver is coming to the meeting, not an errand', () => {
  it.each([
    ['en', 'My driver brings me to you Thursday at 10.', '2025-11-20 10:00'],
    ['en', 'Our driver will drop us off at your office on Thursday at 10am.', '2025-11-20 10:00'],
    ['es', 'Mi chófer me lleva a su oficina el jueves a las 10.', '2025-11-20 10:00'],
    ['pt', 'O motorista me leva até vocês na quinta às 10h.', '2025-11-20 10:00'],
    ['fr', 'Mon chauffeur me dépose chez vous jeudi à 10h.', '2025-11-20 10:00'],
    ['de', 'Mein Fahrer bringt mich am Donnerstag um 10 Uhr zu Ihnen.', '2025-11-20 10:00'],
    ['nl', 'Mijn chauffeur brengt me donderdag om 10 uur naar jullie kantoor.', '2025-11-20 10:00'],
    ['it', 'Il mio autista mi porta da voi giovedì alle 10.', '2025-11-20 10:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { proposes(lang, text, wall); });
  it.each([
    ['en', 'Our driver will pick up the samples from your office Thursday at 10.'],
    ['de', 'Unser Fahrer holt die Muster am Donnerstag um 10 Uhr bei Ihnen ab.'],
    ['fr', 'Notre coursier passera déposer le colis chez vous jeudi à 10h.'],
  ])('guard: %s "%s" stays an errand', (lang, text) => {
    expect(read(lang, text).proposals).toEqual([]);
  });
});

describe('an apology before the prospect\'s own absence keeps the day out (English, where the rule exists)', () => {
  it.each([
    ['en', 'Sorry, busy Monday but Tuesday at 3 works.', '2025-11-18 15:00'],
    ['en', 'Oh, slammed Monday but Tuesday at 2pm is good.', '2025-11-18 14:00'],
    ['en', 'Argh, swamped Thursday but Friday at 10 works.', '2025-11-21 10:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { proposes(lang, text, wall); });
  it.each([
    ['en', 'Sorry, Monday at 10 works for me.', '2025-11-24 10:00'],
  ])('guard: %s "%s" stays %s', (lang, text, wall) => { proposes(lang, text, wall); });
});

describe('the prospect coming to the rep\'s place is a meeting, not their own travel', () => {
  it.each([
    ['en', "I'll be at your office Thursday at 10.", '2025-11-20 10:00'],
    ['en', "I'll come to your office Thursday at 10, my driver drops me off.", '2025-11-20 10:00'],
    ['en', "We'll be at your place Thursday at 10 then.", '2025-11-20 10:00'],
    ['fr', 'Je serai à vos bureaux jeudi à 10h.', '2025-11-20 10:00'],
    ['es', 'Estaré en su oficina el jueves a las 10.', '2025-11-20 10:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { proposes(lang, text, wall); });
  it.each([
    ['en', "I'll be at a conference Thursday at 10."],
    ['fr', 'Je serai à Lyon jeudi à 10h.'],
    ['es', 'Estaré en Lisboa el jueves a las 10.'],
  ])('guard: %s "%s" proposes nothing', (lang, text) => {
    expect(read(lang, text).proposals).toEqual([]);
  });
});

describe('"but" meaning "except" after any day, anytime, everything keeps that time out', () => {
  it.each([
    ['en', 'Any day but Monday works.'],
    ['en', 'Everything but Friday at 9 is fine.'],
    ['en', 'Anything next week but Tuesday at 8 suits me.'],
  ])('%s: "%s" proposes nothing', (lang, text) => {
    const r = read(lang, text);
    expect(r.proposals, JSON.stringify(r.explain)).toEqual([]);
  });
  it.each([
    ['en', 'Anytime next week but Monday morning.'],
  ])('guard: %s "%s" stays vague', (lang, text) => {
    expect(read(lang, text).kind).toBe('vague');
  });
  it.each([
    ['en', "I'm busy all week but Friday at 10 works.", '2025-11-21 10:00'],
    ['en', 'Booked every day but Friday at 10 works.', '2025-11-21 10:00'],
  ])('guard: %s "%s" stays %s', (lang, text, wall) => { proposes(lang, text, wall); });
});
