import { describe, expect, it } from 'vitest';
import { clauseFrames } from '../../src/domain/reply/stop-meaning.js';
import { firstLocal, read } from './lang-helpers.js';

/**
 * Declines and opt-outs read by meaning (stop-meaning.ts): paraphrases in the seven languages that name none of the
 * stock phrases ("not interested", "unsubscribe"), each read as the prospect means it. Written for these tests, apart
 * from the fixture sets.
 */
const OPTOUTS: [lang: string, text: string][] = [
  ['en', "I'd appreciate it if you didn't email me again."],
  ['en', "I don't want to hear from your company any more."],
  ['en', 'Please delete everything you have on me under Article 17 GDPR.'],
  ['en', 'Kindly take my address off your mailing list.'],
  ['en', 'Stop sending these.'],
  ['es', 'Les pido que no me vuelvan a contactar.'],
  ['es', 'No quiero seguir recibiendo sus mensajes.'],
  ['es', 'Quiten mi dirección de su base de datos, por favor.'],
  ['es', 'Conforme al art. 17 RGPD, eliminen mis datos.'],
  ['pt', 'Não me mandem mais mensagens, por favor.'],
  ['pt', 'Quero que apaguem todos os dados que têm sobre mim.'],
  ['pt', 'Tirem o meu contato da lista de vocês.'],
  ['fr', "Je ne souhaite plus recevoir vos messages."],
  ['fr', "Merci de m'effacer de votre fichier."],
  ['fr', 'Veuillez supprimer mes données personnelles (article 17 RGPD).'],
  ['de', 'Ich möchte keine Nachrichten mehr von Ihnen erhalten.'],
  ['de', 'Kontaktieren Sie mich bitte nie wieder.'],
  ['de', 'Entfernen Sie meine Adresse aus Ihrer Datenbank.'],
  ['de', 'Löschen Sie bitte alle Daten, die Sie über mich haben.'],
  ['nl', 'Ik wil niet meer gemaild worden.'],
  ['nl', 'Haal mijn e-mailadres uit jullie lijst.'],
  ['nl', 'Verwijder al mijn gegevens, graag.'],
  ['it', 'Non voglio più ricevere vostre comunicazioni.'],
  ['it', 'Rimuovete il mio indirizzo dalla vostra lista.'],
  ['it', 'Vi chiedo di cancellare i miei dati personali.'],
  ['fr', "Veuillez cesser de m'envoyer ces e-mails."],
  ['nl', 'Stop alsjeblieft met mailen.'],
  ['pt', 'Favor não me enviar mais e-mails.'],
];

const DECLINES: [lang: string, text: string][] = [
  ['en', "We've decided to stay with our existing provider."],
  ['en', "After some thought we're not going to go ahead with this."],
  ['en', 'We ended up signing with a competitor of yours last month.'],
  ['en', "We'll handle this internally going forward."],
  ['es', 'Hemos optado por desarrollarlo internamente.'],
  ['es', 'Al final no vamos a continuar con el proyecto.'],
  ['es', 'Nos quedamos con nuestro proveedor actual.'],
  ['pt', 'Decidimos não prosseguir por enquanto.'],
  ['pt', 'Vamos manter o nosso fornecedor atual.'],
  ['pt', 'Fechamos com um concorrente de vocês.'],
  ['fr', 'Nous ne souhaitons pas aller plus loin pour le moment.'],
  ['fr', 'Nous restons avec notre outil actuel.'],
  ['fr', 'Nous avons signé avec un concurrent.'],
  ['de', 'Wir werden das Projekt nicht weiterverfolgen.'],
  ['de', 'Wir bleiben bei unserem bisherigen Anbieter.'],
  ['de', 'Das brauchen wir derzeit nicht.'],
  ['nl', 'We gaan hier voorlopig niet mee verder.'],
  ['nl', 'We blijven bij onze huidige leverancier.'],
  ['nl', 'We ontwikkelen het zelf.'],
  ['it', 'Abbiamo deciso di non andare avanti.'],
  ['it', 'Restiamo con il nostro fornitore attuale.'],
  ['it', 'Abbiamo firmato con un vostro concorrente.'],
  ['fr', "Merci mais ce sujet n'est plus d'actualité chez nous."],
  ['en', 'We are not in a position to take this on right now, maybe revisit in Q2.'],
  ['de', 'Wir haben uns für einen Mitbewerber entschieden.'],
  ['nl', 'We hebben er op dit moment geen behoefte aan.'],
];

describe('opt-outs by meaning, seven languages', () => {
  it.each(OPTOUTS)('%s: "%s" → optout', (lang, text) => {
    expect(read(lang, text).kind).toBe('optout');
  });
});

describe('declines by meaning, seven languages', () => {
  it.each(DECLINES)('%s: "%s" → decline (or optout, never less)', (lang, text) => {
    expect(['decline', 'optout']).toContain(read(lang, text).kind);
    expect(read(lang, text).kind).toBe('decline');
  });
});

/** Unsure between opt-out and decline: stop. A decline that also says to stop writing is an opt-out. */
describe('a decline that also asks to stop writing is an opt-out', () => {
  it.each([
    ['en', "We went with another vendor, so please don't email me again."],
    ['es', 'Hemos elegido otro proveedor; no me escriban más.'],
    ['de', 'Kein Interesse, schreiben Sie mir bitte nicht mehr.'],
    ['it', 'Non ci interessa, non contattatemi più.'],
  ])('%s: "%s"', (lang, text) => {
    expect(read(lang, text).kind).toBe('optout');
  });
});

/** The same concepts in replies that arrange a meeting: no stop. */
describe('near misses keep the proposal', () => {
  it.each([
    ['en', "Don't worry about sending the agenda - Tuesday at 3pm works.", '2025-11-18 15:00'],
    ['en', "Please don't remove me from the invite list; Wednesday at 10 is fine.", '2025-11-19 10:00'],
    ['en', "We'll set up the accounts internally. Thursday at 2pm for the call?", '2025-11-20 14:00'],
    ['es', 'No hace falta que me envíes nada más. ¿El martes a las 10?', '2025-11-18 10:00'],
    ['de', 'Sie müssen mir vorher nichts mehr schicken, Dienstag um 10 passt.', '2025-11-18 10:00'],
    ['fr', "Pas besoin de m'envoyer la présentation, mardi à 10h me convient.", '2025-11-18 10:00'],
    ['it', 'Non serve mandarmi altro, martedì alle 10 va bene.', '2025-11-18 10:00'],
    ['nl', 'Je hoeft me niks meer te sturen, dinsdag om 10 uur past.', '2025-11-18 10:00'],
    ['pt', 'Não precisa me mandar mais nada, terça às 10h está ótimo.', '2025-11-18 10:00'],
  ])('%s: "%s" → %s', (lang, text, first) => {
    const r = read(lang, text);
    expect(r.kind).toBe('proposal');
    expect(firstLocal(lang, r)).toBe(first);
  });
});

describe('frames name what they read', () => {
  it('a negated contact verb with "any more" is an opt-out frame, in either word order', () => {
    expect(clauseFrames('Bitte schreiben Sie mir nicht mehr').map((f) => f.name)).toContain('negated contact, any more');
    expect(clauseFrames('Vi prego di non contattarmi più').map((f) => f.name)).toContain('negated contact, any more');
  });

  it('a removal negated is no frame', () => {
    expect(clauseFrames("please don't remove me from the list").filter((f) => f.kind === 'optout')).toEqual([]);
  });
});

/** Someone who left the company points elsewhere: no opt-out, no decline. */
describe('"I no longer work here, write to my colleague" is neither', () => {
  it.each([
    ['en', 'I no longer work at Acme; please contact jane@acme.com instead.'],
    ['de', 'Ich bin nicht mehr bei der Firma, bitte wenden Sie sich an Frau Roth.'],
    ['es', 'Ya no trabajo en la empresa, escriba a mi compañera Ana.'],
    ['fr', 'Je ne suis plus en charge de ce sujet, contactez plutôt Marc.'],
    ['it', 'Non mi occupo più di questo, scriva pure a Luca.'],
    ['nl', 'Ik werk hier niet meer, mail gerust mijn collega Tom.'],
    ['pt', 'Não trabalho mais na empresa, fale com a Carla.'],
  ])('%s: "%s"', (lang, text) => {
    expect(read(lang, text).kind).toBe('other');
  });
});
