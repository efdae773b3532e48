import { describe, expect, it } from 'vitest';
import { read, proposesNothing, proposes } from './lang-helpers.js';

/**
 * Classes of issue 11, round 16 (part a): hard negatives of tune-r14 and tune-r15 read as proposals, and replies whose
 * kind was wrong, fixed as the family of phrasings each belongs to. The phrasings are written for these tests, not taken
 * from the fixtures. Every prospect writes on Monday 17 November 2025 at 09:12 local time.
 */

describe('a time named as the day of a call or message the prospect thanks for or got is in the past', () => {
  it.each([
    ['en', 'Thanks again for the call on Wednesday at 11. I will run it past finance and get back to you.'],
    ['fr', 'Merci beaucoup pour l’entretien de mercredi à 15h ! Je consulte mon associé.'],
    ['de', 'Vielen Dank für das Telefonat am Mittwoch um 11! Ich kläre das intern.'],
    ['nl', 'Dank je wel voor het gesprek van woensdag om 11 uur. Ik bespreek het met mijn collega en kom erop terug.'],
    ['es', 'Gracias por la charla del miércoles a las 11. Lo comento con mi socio.'],
    ['pt', 'Obrigado pela conversa de quarta às 11h. Vou falar com a diretoria e retorno.'],
    ['it', 'Grazie per la chiacchierata di mercoledì alle 11! Ne parlo con il team.'],
  ])('%s: "%s" proposes nothing', (lang, text) => { proposesNothing(lang, text); });
  it.each([
    ['en', 'got your message from wed at 3:30, will get back to you once i check with finance'],
    ['fr', 'Merci pour votre appel de jeudi à 11h. Je transmets au comité et reviens vers vous.'],
    ['nl', 'Bedankt voor het telefoontje van donderdag om 14 uur, ik kom erop terug.'],
    ['pt', 'Obrigada pela ligação de quarta às 11h! Vou conversar com o time.'],
    ['it', 'Grazie per la telefonata di mercoledì alle 11. Ne parlo con il mio capo e ti faccio sapere.'],
  ])('stays: %s "%s" proposes nothing', (lang, text) => { proposesNothing(lang, text); });
  it.each([
    ['en', 'Thanks for the note. Wednesday at 11 works for me.'],
    ['en', 'Thanks for the invite to a call - Wednesday at 11 works.'],
    ['fr', 'Merci pour votre message, mercredi à 11h me convient.'],
    ['de', 'Danke für die Nachricht, Mittwoch um 11 passt mir.'],
  ])('guard: %s "%s" stays a proposal', (lang, text) => { proposes(lang, text); });
});

describe('something that must arrive by a time is a deadline, not a meeting', () => {
  it.each([
    ['pt', 'O contrato assinado precisa chegar até quinta às 17h, senão fica fora.'],
    ['en', 'The signed form must reach us by Thursday at 5pm or we lose the slot in the tender.'],
  ])('%s: "%s" proposes nothing', (lang, text) => { proposesNothing(lang, text); });
  it.each([
    ['es', 'La documentación tiene que llegar antes del jueves a las 17:00, si no queda fuera.'],
    ['de', 'Die Unterlagen müssen bis Donnerstag um 17 Uhr bei uns sein, sonst fliegen wir raus.'],
    ['nl', 'De offerte moet vóór donderdag 17 uur binnen zijn, anders valt hij af.'],
    ['it', 'La proposta deve arrivare entro giovedì alle 17, altrimenti resta fuori.'],
    ['fr', 'Le dossier doit arriver avant jeudi à 17h, sinon il est hors concours.'],
  ])('stays: %s "%s" proposes nothing', (lang, text) => { proposesNothing(lang, text); });
});

describe('"not for us" in its casual and idiomatic forms is a decline', () => {
  const declines = (lang: string, text: string) => {
    const r = read(lang, text);
    expect(r.kind, JSON.stringify(r.explain)).toBe('decline');
  };
  it.each([
    ['pt', 'obrigado, mas nao é pra gente'],
    ['pt', 'Valeu pelo contato, mas isso não é para a gente.'],
    ['de', 'Danke, aber das passt nicht zu uns.'],
    ['de', 'Vielen Dank, das ist für uns aktuell kein Thema.'],
    ['de', 'Danke für die Mail, ist momentan kein Thema bei uns.'],
    ['nl', 'Bedankt, maar dit past niet bij ons.'],
    ['nl', 'Dank je, dat is voor ons op dit moment geen thema.'],
    ['es', 'Gracias, pero no es lo nuestro.'],
    ['fr', 'Merci, mais ça ne nous correspond pas.'],
    ['it', 'Grazie, ma non è per noi.'],
  ])('%s: "%s" is a decline', (lang, text) => { declines(lang, text); });
  it.each([
    ['de', 'Kein Thema, Donnerstag um 15 Uhr passt.'],
    ['de', 'Donnerstag passt nicht für uns, aber Freitag um 10 Uhr?'],
    ['pt', 'Quinta não dá pra gente, mas sexta às 10h pode ser.'],
  ])('guard: %s "%s" stays a proposal', (lang, text) => { proposes(lang, text); });
});

describe('a month or week written short or preferred alone is a vague range', () => {
  const vague = (lang: string, text: string) => {
    const r = read(lang, text);
    expect(r.kind, JSON.stringify(r.explain)).toBe('vague');
  };
  it.each([
    ['en', 'Could we look at mid-January? Budget opens then.'],
    ['en', 'January would be best, December is crazy for us.'],
    ['en', 'sometime next wk works, send a couple of slots'],
    ['es', 'la otra semana lo platicamos, hoy imposible'],
    ['de', 'Januar wäre besser, im Dezember ist bei uns viel los.'],
    ['de', 'meld mich mitte jan wieder'],
    ['fr', 'on en reparle début janv ?'],
    ['fr', 'Janvier serait mieux pour nous.'],
    ['nl', 'ik kom er begin jan op terug'],
    ['pt', 'falamos no início de jan'],
    ['it', 'Gennaio sarebbe meglio per noi.'],
    ['es', 'Enero me vendría mejor, diciembre es una locura.'],
  ])('%s: "%s" is vague', (lang, text) => { vague(lang, text); });
  it.each([
    ['en', 'I will pass your note on to our CFO.'],
    ['es', 'La otra semana pasada hablé con tu colega.'],
  ])('guard: %s "%s" is not vague', (lang, text) => {
    const r = read(lang, text);
    expect(r.kind, JSON.stringify(r.explain)).not.toBe('vague');
  });
});

describe('"I will pass" with an object passes something on: no decline', () => {
  it.each([
    ['en', 'Our office is closed on Friday for the holiday. I will pass your message on to our COO meanwhile.'],
    ['en', "I'll pass this along to the team and someone will be in touch."],
    ['en', "We'll pass it to procurement."],
  ])('%s: "%s" is no decline', (lang, text) => {
    const r = read(lang, text);
    expect(r.kind, JSON.stringify(r.explain)).not.toBe('decline');
  });
  it.each([
    ['en', "Thanks, but we'll pass."],
    ['en', 'I will pass on this one, thanks.'],
  ])('guard: %s "%s" stays a decline', (lang, text) => {
    const r = read(lang, text);
    expect(r.kind, JSON.stringify(r.explain)).toBe('decline');
  });
});

describe('an away notice that says when the office reopens or the person rejoins names the return date', () => {
  it.each([
    ['en', 'I am out of the office for the winter break from 22 December; our office is reopening Monday 5 January 2026.', '2026-01-05'],
    ['en', 'Out of office: the studio is closed for the holidays and reopens on Tuesday 6 January.', '2026-01-06'],
    ['es', 'Estoy fuera de la oficina hasta el viernes 28 de noviembre incluido. Me incorporo el lunes 1 de diciembre.', '2025-12-01'],
    ['es', 'Estoy fuera de la oficina por vacaciones hasta el 26 de noviembre, con acceso limitado al correo. Me incorporo el jueves 27.', '2025-11-27'],
  ])('%s: "%s" returns %s', (lang, text, date) => {
    const r = read(lang, text);
    expect(r.kind, JSON.stringify(r.explain)).toBe('ooo');
    expect(r.returnDate, JSON.stringify(r.explain)).toBe(date);
  });
});

describe('a meeting named after "before" or "after" is the reference for the time, not a busy time', () => {
  it.each([
    ['fr', 'Je vous propose mercredi 19 à 8h30, avant notre réunion de direction.'],
    ['fr', 'Mercredi 19 à 8h30, avant notre réunion d’équipe ?'],
    ['de', 'Ich kann Mittwoch, den 19., um 8:30 anbieten, vor unserer Vorstandssitzung.'],
  ])('%s: "%s" proposes', (lang, text) => { proposes(lang, text); });
  it.each([
    ['fr', 'Mercredi à 8h30 j’ai une réunion d’équipe.'],
  ])('guard: %s "%s" proposes nothing', (lang, text) => { proposesNothing(lang, text); });
  it.each([
    ['en', 'I can do Wednesday the 19th at 8:30, before our board meeting.'],
  ])('stays: %s "%s" proposes', (lang, text) => { proposes(lang, text); });
});
