import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { parseReply } from '../../src/domain/reply/index.js';
import { msg } from './helpers.js';
import { PROSPECT, firstLocal, read } from './lang-helpers.js';

/**
 * Classes of issue 11, round 3, each read on Monday 17 November 2025 at 09:12 in the prospect's zone (lang-helpers.ts).
 * The phrasings are written for these tests, apart from the fixture sets.
 */

/** Each language's quote header, as its Gmail writes it, for a rep's message of Friday 14 November 2025. */
const HEADER: Record<string, string> = {
  en: 'On Fri, Nov 14, 2025 at 3:00 PM Dana Rep <dana@seller.io> wrote:',
  es: 'El vie, 14 nov 2025 a las 15:00, Ana Rep <ana@seller.io> escribió:',
  pt: 'Em sex., 14 de nov. de 2025 às 15:00, Marta Rep <marta@seller.io> escreveu:',
  fr: 'Le ven. 14 nov. 2025 à 15:00, Claire Rep <claire@seller.io> a écrit :',
  de: 'Am Fr., 14. Nov. 2025 um 15:00 Uhr schrieb Tom Rep <tom@seller.io>:',
  nl: 'Op vr 14 nov 2025 om 15:00 schreef Joris Rep <joris@seller.io>:',
  it: 'Il giorno ven 14 nov 2025 alle ore 15:00 Giulia Rep <giulia@seller.io> ha scritto:',
};

/** The prospect's reply above the rep's quoted offer. */
const overQuote = (lang: string, reply: string, offer: string) => `${reply}\n\n${HEADER[lang]}\n> ${offer}\n`;

describe('hard negatives: things needed back by a time are deadlines, not meetings', () => {
  it.each([
    ['en', 'We need the countersigned order form back by Thursday 3pm, otherwise finance closes the month without it.'],
    ['en', 'Could you have the revised quote over by Wednesday at noon? Procurement meets right after.'],
    ['en', 'Please get the security questionnaire to us in time for Friday at 10, when the committee sits.'],
    ['en', 'Legal wants it signed by Tuesday at 5pm at the latest.'],
  ])('%s: "%s" → no proposal', (lang, text) => {
    const r = read(lang, text);
    expect(r.proposals).toEqual([]);
    expect(r.kind).not.toBe('proposal');
  });
});

describe("hard negatives: the prospect's own plans at a time", () => {
  it.each([
    ['en', "I'm pitching your tool to our leadership team on Wednesday at 11, fingers crossed."],
    ['en', 'My train leaves at 4:15pm Thursday, so I will look at the deck on the way home.'],
    ['en', "Heads-up: we've rescheduled our monthly finance review to Tuesdays at 2, so reports should land before then."],
    ['en', "Our leadership retreat is next Thursday and Friday and I'll be unreachable, so send the paperwork and I'll sign after."],
    ['es', 'El jueves a las 8 salgo de viaje a Lima, así que mándame el contrato antes y lo firmo.'],
    ['pt', 'Na sexta às 18h embarco para Recife, então me mande a proposta antes disso.'],
    ['fr', 'Jeudi à 14h je présente votre offre à notre comité de direction, je reviens vers vous ensuite.'],
    ['de', 'Am Donnerstag um 7 Uhr fliege ich nach Madrid, schicken Sie mir den Vertrag bitte vorher.'],
    ['nl', 'Vrijdag om 9 uur vertrek ik naar Lissabon, stuur het contract dus liever eerder.'],
    ['it', 'Giovedì alle 18 parto per Milano, mandami pure il contratto prima così lo firmo.'],
  ])('%s: "%s" → no proposal', (lang, text) => {
    const r = read(lang, text);
    expect(r.proposals).toEqual([]);
  });

  it.each([
    ['en', "I'm presenting to our board on Thursday morning, but Friday at 10 works for our call.", '2025-11-21 10:00'],
    ['de', 'Am Donnerstag präsentiere ich intern, aber Freitag um 10 Uhr passt mir gut.', '2025-11-21 10:00'],
  ])('%s: the own plan is skipped and the offered time kept: "%s" → %s', (lang, text, first) => {
    const r = read(lang, text);
    expect(r.kind).toBe('proposal');
    expect(firstLocal(lang, r)).toBe(first);
  });
});

describe('hard negatives: a vague range inside a deadline, a busy clause or a notice is no time offered', () => {
  it.each([
    ['en', 'Can you resend the invoice by the end of the week? The PO number on it is wrong.'],
    ['en', 'Our warehouse is closed Friday for stocktaking, so expect slower replies early next week.'],
    ['es', 'Tengo que cerrar el presupuesto antes del viernes, así que esta semana voy muy justo. Te escribo luego.'],
  ])('%s: "%s" → other', (lang, text) => {
    const r = read(lang, text);
    expect(r.kind).toBe('other');
    expect(r.proposals).toEqual([]);
  });
});

describe('counter-proposals and short replies: the half the reply leaves out comes from the quoted offer', () => {
  it.each([
    ['en', '2:30 is fine.', 'Would Thursday, November 20 in the afternoon work for a demo?', '2025-11-20 14:30', true],
    ['en', "11 doesn't suit me, but 3 the same day works.", 'Could we do Wednesday, November 19 at 11am?', '2025-11-19 15:00', true],
    ['en', "Wednesday won't work. Thursday, same time?", 'Could we do Wednesday, November 19 at 11am?', '2025-11-20 11:00', true],
    ['es', 'El miércoles no puedo. ¿El jueves a la misma hora?', '¿Le iría bien el miércoles 19 de noviembre a las 11:00?', '2025-11-20 11:00', true],
    ['pt', 'Quarta não dá. Quinta, mesma hora?', 'Pode ser na quarta-feira, 19 de novembro, às 11h?', '2025-11-20 11:00', true],
    ['fr', 'Mercredi je suis pris. Jeudi même heure ?', 'Est-ce que mercredi 19 novembre à 11h vous irait ?', '2025-11-20 11:00', true],
    ['de', 'Mittwoch geht leider nicht. Donnerstag zur gleichen Zeit?', 'Passt Ihnen Mittwoch, 19. November um 11 Uhr?', '2025-11-20 11:00', true],
    ['nl', 'Woensdag lukt niet. Donderdag, zelfde tijd?', 'Komt woensdag 19 november om 11:00 uur uit?', '2025-11-20 11:00', true],
    ['it', 'Mercoledì non riesco. Giovedì stessa ora?', 'Le andrebbe bene mercoledì 19 novembre alle 11?', '2025-11-20 11:00', true],
    ['fr', 'Parfait pour 10h30.', 'Seriez-vous disponible jeudi 20 novembre dans la matinée ?', '2025-11-20 10:30', true],
  ])('%s: "%s" over "%s" → %s (certain %s)', (lang, reply, offer, first, certain) => {
    const r = read(lang, overQuote(lang, reply, offer));
    expect(r.kind).toBe('proposal');
    expect(firstLocal(lang, r)).toBe(first);
    expect(r.certain).toBe(certain);
  });

  it('a time alone over an offer of several days is a question, not a guess', () => {
    const r = read('en', overQuote('en', '2pm is good.', 'Would Wednesday, November 19 or Thursday, November 20 in the afternoon work?'));
    expect(r.kind).toBe('proposal');
    expect(r.certain).toBe(false);
  });

  it('a time outside the offered window takes its day, but is asked', () => {
    const r = read('en', overQuote('en', '5pm is good.', 'Would Thursday, November 20 in the morning work?'));
    expect(firstLocal('en', r)).toBe('2025-11-20 17:00');
    expect(r.certain).toBe(false);
    expect(r.uncertain.join(' ')).toMatch(/quoted offer/);
  });

  it('property: "H:MM works" over a one-day afternoon offer is that time on that day, certain (seed printed on failure)', () => {
    const p = PROSPECT.en!;
    fc.assert(fc.property(fc.integer({ min: 13, max: 16 }), fc.constantFrom(0, 15, 30, 45), fc.integer({ min: 18, max: 21 }), (hour, minute, day) => {
      const dayName = DateTime.fromObject({ year: 2025, month: 11, day }, { zone: p.zone }).toFormat('cccc');
      const h12 = hour - 12;
      const text = overQuote('en', `${h12}:${String(minute).padStart(2, '0')}pm works.`, `Would ${dayName}, November ${day} in the afternoon suit you?`);
      const r = parseReply({ message: msg(text, p.ref), timeZone: p.zone });
      const want = `2025-11-${day} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
      return r.kind === 'proposal' && firstLocal('en', r) === want && r.certain;
    }), { numRuns: 40, seed: Number(process.env.FC_SEED ?? Date.now() % 1_000_000), verbose: 1 });
  });
});

describe('English idioms, round 3', () => {
  it.each([
    ['Three weeks from today at 2pm works for me.', '2025-12-08 14:00'],
    ['A week from today at 10:00?', '2025-11-24 10:00'],
    ["I'm free between 2 and 4 on Friday.", '2025-11-21 14:00'],
    ['Between 9 and 11 tomorrow works.', '2025-11-18 09:00'],
  ])('"%s" → %s', (text, first) => {
    const r = read('en', text);
    expect(r.kind).toBe('proposal');
    expect(firstLocal('en', r)).toBe(first);
  });

  it('"between 2 and 3 people" is no time', () => {
    expect(read('en', 'We are between 2 and 3 people on the team.').proposals).toEqual([]);
  });

  it.each([
    ['1st works for me', '2025-11-18 10:00'],
    ['2nd works 🙂', '2025-11-19 14:00'],
    ['3rd is best', '2025-11-20 16:00'],
  ])('a bare ordinal over a list of offers: "%s" → %s', (reply, first) => {
    const r = read('en', overQuote('en', reply, 'A few options:\n> Tue 11/18 at 10am\n> Wed 11/19 at 2pm\n> Thu 11/20 at 4pm'));
    expect(r.kind).toBe('proposal');
    expect(firstLocal('en', r)).toBe(first);
  });

  it.each([
    ['de', 'Übermorgen gegen 11 wäre gut.', '2025-11-19 11:00'],
    ['en', 'The day after tomorrow around 10 works.', '2025-11-19 10:00'],
    ['en', 'The day after tomorrow around 3 works.', '2025-11-19 15:00'],
  ])('%s: an approximate hour keeps its own half of the day: "%s" → %s', (lang, text, first) => {
    const r = parseReply({ message: msg(text, DateTime.fromISO('2025-11-17T13:33', { zone: PROSPECT[lang]!.zone }).toUTC().toISO()!), timeZone: PROSPECT[lang]!.zone });
    expect(r.kind).toBe('proposal');
    expect(firstLocal(lang, r)).toBe(first);
  });
});

describe('part of day joined: next week\'s weekday, a later time inside the part of day, hyphenated dates', () => {
  it.each([
    ['nl', 'Volgende week dinsdagmiddag heb ik nog plek.', '2025-11-25 13:00'],
    ['de', 'Nächste Woche Dienstag vormittags hätte ich Zeit.', '2025-11-25 09:00'],
    ['en', 'Tuesday afternoon next week works for me.', '2025-11-25 13:00'],
    ['de', 'Donnerstag nachmittags ginge es bei mir, am liebsten ab 15 Uhr.', '2025-11-20 15:00'],
    ['en', 'Thursday morning suits me, ideally from 10.', '2025-11-20 10:00'],
    ['nl', 'Op 24-11 om 14:00 kan ik.', '2025-11-24 14:00'],
    ['de', 'Am 25-11 um 10 Uhr passt es.', '2025-11-25 10:00'],
  ])('%s: "%s" → %s', (lang, text, first) => {
    const r = read(lang, text);
    expect(r.kind).toBe('proposal');
    expect(firstLocal(lang, r)).toBe(first);
  });

  it('"Tuesday 9-11" stays a range of hours', () => {
    expect(firstLocal('en', read('en', 'Tuesday 9-11 works.'))).toBe('2025-11-18 09:00');
  });
});

describe('vague ranges in seven languages', () => {
  it.each([
    ['en', "Let's pick this up after the summer."],
    ['es', 'Hablemos el próximo trimestre, ahora no hay presupuesto asignado.'],
    ['es', 'Mejor después de las fiestas, te escribo.'],
    ['pt', 'Podemos conversar no próximo trimestre?'],
    ['pt', 'Depois das festas retomamos, combinado?'],
    ['fr', 'Revenez vers moi à la rentrée.'],
    ['fr', 'Plutôt dans le courant de mars, si possible.'],
    ['fr', 'On en reparle après les fêtes.'],
    ['de', 'Lassen Sie uns nach den Feiertagen sprechen.'],
    ['de', 'Im nächsten Quartal gerne wieder.'],
    ['nl', 'Laten we het na de feestdagen oppakken.'],
    ['nl', 'Volgend kwartaal kunnen we kijken.'],
    ['it', 'Risentiamoci dopo le feste.'],
    ['it', 'Ne parliamo nel prossimo trimestre.'],
    ['it', "Sentiamoci dopo l'estate."],
  ])('%s: "%s" → vague', (lang, text) => {
    const r = read(lang, text);
    expect(r.kind).toBe('vague');
    expect(r.range).not.toBeNull();
  });
});

describe('out-of-office: a closure notice with the day the writer is back', () => {
  it.each([
    ['de', 'Unsere Firma ist bis zum Jahreswechsel geschlossen. Ab Montag, 5. Jänner 2026 bin ich wieder im Büro.', '2026-01-05'],
    ['it', "L'ufficio è chiuso per le feste. Sarò di nuovo in ufficio lunedì 5 gennaio.", '2026-01-05'],
    ['es', 'Estoy de vacaciones y me reincorporo el lunes 1 de diciembre.', '2025-12-01'],
    ['nl', 'Ons kantoor is gesloten. Vanaf maandag 24 november ben ik weer op kantoor.', '2025-11-24'],
  ])('%s: "%s" → ooo back %s', (lang, text, back) => {
    const r = read(lang, text);
    expect(r.kind).toBe('ooo');
    expect(r.returnDate).toBe(back);
  });

  it('a closure alone is news, not an auto-reply', () => {
    const r = read('en', 'FYI our offices are closed Thursday for the holiday. Still reviewing your proposal.');
    expect(r.kind).not.toBe('ooo');
  });
});

describe('declines by meaning, round 3', () => {
  it.each([
    ['en', 'We already have a vendor for that and we are happy with them.'],
    ['es', 'Ya tenemos proveedor para esto y estamos contentos, gracias.'],
    ['fr', 'Nous avons déjà un prestataire et nous en sommes satisfaits.'],
    ['de', 'Wir haben bereits einen Anbieter und sind damit zufrieden.'],
    ['nl', 'We hebben al een leverancier en zijn daar tevreden over.'],
    ['it', 'Abbiamo già un fornitore e ne siamo soddisfatti.'],
    ['it', 'Per ora passo, grazie comunque.'],
    ['es', 'Paso por ahora, gracias.'],
    ['en', "I'll pass for now, thanks."],
  ])('%s: "%s" → decline', (lang, text) => {
    expect(read(lang, text).kind).toBe('decline');
  });

  it('a supplier in place is a weak decline: a time named in the same reply wins', () => {
    const r = read('en', 'We already have a vendor, but Thursday at 2pm works to compare.');
    expect(r.kind).toBe('proposal');
    expect(firstLocal('en', r)).toBe('2025-11-20 14:00');
  });

  it.each([
    ['de', 'Kein Budget vor dem Sommer, lassen Sie uns im Herbst nochmal sprechen.'],
    ['en', "No budget this quarter; let's talk again next quarter."],
    ['it', 'Per ora non abbiamo budget, ne riparliamo dopo le feste.'],
  ])('%s: a no for now with a later time to talk again is vague: "%s"', (lang, text) => {
    expect(read(lang, text).kind).toBe('vague');
  });

  it('an opt-out is never turned into a vague range', () => {
    expect(read('en', "Please remove me from your list; no budget, and don't talk to me again next quarter.").kind).toBe('optout');
  });
});

describe('opt-outs by meaning, round 3: never missed', () => {
  it.each([
    ['en', 'Enough with the follow-ups.'],
    ['en', 'Not for us, and please do not reach out again.'],
    ['es', 'No me interesa y no quiero que me vuelvan a escribir.'],
    ['es', 'Dejen de insistir, por favor.'],
    ['pt', 'Chega de e-mails, obrigado.'],
    ['fr', 'Arrêtez de me relancer, merci.'],
    ['de', 'Kein Interesse, bitte keine weiteren Kontaktversuche.'],
    ['nl', 'Stop met mailen aub.'],
    ['it', 'Basta con queste email.'],
  ])('%s: "%s" → optout', (lang, text) => {
    expect(read(lang, text).kind).toBe('optout');
  });

  it.each([
    ['en', "I don't want to bother you, but could we do Tuesday at 3?", '2025-11-18 15:00'],
    ['en', 'Thanks for the follow-ups! Thursday at 11 works.', '2025-11-20 11:00'],
    ['es', 'No quiero molestarte, pero ¿el jueves a las 10?', '2025-11-20 10:00'],
    ['de', 'Ich habe weitere Fragen, passt Donnerstag um 10?', '2025-11-20 10:00'],
    ['it', 'Basta così per ora, sentiamoci giovedì alle 15?', '2025-11-20 15:00'],
  ])('%s: near misses keep their proposal: "%s" → %s', (lang, text, first) => {
    const r = read(lang, text);
    expect(r.kind).toBe('proposal');
    expect(firstLocal(lang, r)).toBe(first);
  });
});

describe('hard negatives: closing dates and the own meeting without an article', () => {
  it.each([
    ['en', 'Applications close on December 1 at midnight.'],
    ['en', 'Entries end Friday at 5pm.'],
  ])('%s: "%s" → no proposal', (lang, text) => {
    expect(read(lang, text).proposals).toEqual([]);
  });

  it.each([
    ['pt', 'Na terça às 10h tenho reunião com a diretoria; quarta às 10h pode ser?', '2025-11-19 10:00'],
    ['de', 'Dienstag um 10 habe ich Aufsichtsrat, Mittwoch um 10 passt aber.', '2025-11-19 10:00'],
  ])('%s: "%s" → %s', (lang, text, first) => {
    const r = read(lang, text);
    expect(r.kind).toBe('proposal');
    expect(firstLocal(lang, r)).toBe(first);
  });
});

describe('early and late parts of the day, and "about noon", in the seven languages', () => {
  it.each([
    ['es', 'Mañana a primera hora de la tarde, ¿te va?', '2025-11-18 13:00'],
    ['es', 'Mañana a primera hora, ¿te va?', '2025-11-18 09:00'],
    ['pt', 'Amanhã no fim da tarde, lá pelas 17h.', '2025-11-18 17:00'],
    ['de', 'Morgen am späten Nachmittag, gegen 16 Uhr?', '2025-11-18 16:00'],
    ['de', 'Morgen gegen Mittag, so 12 Uhr?', '2025-11-18 12:00'],
    ['nl', 'Morgen aan het eind van de middag, rond 16 uur?', '2025-11-18 16:00'],
    ['it', 'Domani in tarda mattinata, verso le 11?', '2025-11-18 11:00'],
    ['fr', 'Demain en début d\'après-midi, vers 14h ?', '2025-11-18 14:00'],
  ])('%s: "%s" → %s', (lang, text, first) => {
    const r = read(lang, text);
    expect(r.kind).toBe('proposal');
    expect(firstLocal(lang, r)).toBe(first);
  });

  it('German "So 14 Uhr" with a capital stays Sunday', () => {
    expect(firstLocal('de', read('de', 'So 14 Uhr?'))).toBe('2025-11-23 14:00');
  });
});
