import { describe, expect, it } from 'vitest';
import { read } from './lang-helpers.js';

/** Opt-outs: never missed, in any wording, in any of the seven languages. */
const OPTOUTS: [string, string][] = [
  ['en', 'Please remove me from your list.'], ['en', 'Unsubscribe'], ['en', 'Please stop.'], ['en', 'STOP'],
  ['en', 'Stop emailing me.'], ['en', 'Take me off your mailing list, thanks.'], ['en', "Don't contact me again."],
  ['en', 'Under Article 17 GDPR I request the erasure of all personal data you hold about me.'],
  ['en', 'Please delete my data and do not write again.'], ['en', 'I never signed up for this. Not interested.'],
  ['en', 'Not interested, and please stop sending these.'], ['en', 'I no longer wish to receive these emails.'],
  ['es', 'Por favor, denme de baja de su lista.'], ['es', 'No me escriban más, por favor.'], ['es', 'Dejen de enviarme correos.'],
  ['es', 'Solicito la supresión de mis datos personales conforme al RGPD.'], ['es', 'Quítenme de su lista.'],
  ['pt', 'Por favor, me remova da sua lista.'], ['pt', 'Parem de me enviar e-mails.'], ['pt', 'Quero me descadastrar.'],
  ['pt', 'Solicito a exclusão dos meus dados pessoais, conforme a LGPD.'], ['pt', 'Não me contatem mais.'],
  ['fr', 'Merci de me retirer de votre liste.'], ['fr', "Arrêtez de m'écrire."], ['fr', 'Je souhaite me désabonner.'],
  ['fr', "J'exerce mon droit à l'effacement de mes données (article 17 du RGPD)."], ['fr', 'Ne me contactez plus.'],
  ['de', 'Bitte nehmen Sie mich aus Ihrem Verteiler.'], ['de', 'Bitte keine weiteren E-Mails.'], ['de', 'Bitte hören Sie auf, mir zu schreiben.'],
  ['de', 'Ich verlange die Löschung meiner Daten nach Art. 17 DSGVO.'], ['de', 'Bitte austragen.'],
  ['nl', 'Haal mij alstublieft van uw lijst.'], ['nl', 'Stop met mailen alstublieft.'], ['nl', 'Ik wil me afmelden.'],
  ['nl', 'Ik verzoek om verwijdering van mijn persoonsgegevens (AVG artikel 17).'], ['nl', 'Geen e-mails meer graag.'],
  ['it', 'Per favore, rimuovetemi dalla vostra lista.'], ['it', 'Smettete di scrivermi.'], ['it', 'Vorrei disiscrivermi.'],
  ['it', 'Chiedo la cancellazione dei miei dati personali ai sensi del GDPR.'], ['it', 'Non contattatemi più.'],
];

describe('opt-outs in seven languages', () => {
  it.each(OPTOUTS)('%s: "%s"', (lang, text) => {
    expect(read(lang, text).kind).toBe('optout');
  });
});

/** Declines: paraphrases, not keywords. */
const DECLINES: [string, string][] = [
  ['en', 'Not interested, thanks.'], ['en', "We won't be pursuing this."], ['en', "We'll build it in-house."],
  ['en', 'We decided to go with another vendor.'], ['en', "Thanks, but we're happy with our current provider."],
  ['en', "This isn't a priority for us this year."], ['en', 'We have decided not to move forward.'], ['en', "I'll pass, thanks."],
  ['es', 'No estamos interesados, gracias.'], ['es', 'Hemos decidido seguir con otro proveedor.'], ['es', 'No es para nosotros.'],
  ['es', 'Lo vamos a desarrollar internamente.'], ['es', 'No es una prioridad ahora mismo.'],
  ['pt', 'Não temos interesse no momento, obrigado.'], ['pt', 'Já fechamos com outro fornecedor.'], ['pt', 'Não é prioridade para nós.'],
  ['pt', 'Vamos desenvolver isso internamente.'],
  ['fr', 'Pas intéressé, merci.'], ['fr', 'Nous avons choisi un autre prestataire.'], ['fr', "Merci, mais ce n'est pas pour nous."],
  ['fr', 'Nous ne donnerons pas suite.'],
  ['de', 'Kein Interesse, danke.'], ['de', 'Wir haben uns für einen anderen Anbieter entschieden.'], ['de', 'Danke, aber wir haben aktuell keinen Bedarf.'],
  ['de', 'Das ist nichts für uns.'],
  ['nl', 'Geen interesse, bedankt.'], ['nl', 'We hebben voor een andere leverancier gekozen.'], ['nl', 'We gaan er niet mee verder.'],
  ['it', 'Non siamo interessati, grazie.'], ['it', 'Abbiamo scelto un altro fornitore.'], ['it', 'Non fa per noi.'],
];

describe('declines in seven languages', () => {
  it.each(DECLINES)('%s: "%s"', (lang, text) => {
    expect(read(lang, text).kind).toBe('decline');
  });
});

describe('negation and near misses', () => {
  it.each([
    ['en', "Please don't remove me, I'm interested. Tuesday at 3pm?", 'proposal'],
    ['en', 'No need to unsubscribe me; send the deck.', 'other'],
    ['en', "We're all set for Tuesday at 3pm.", 'proposal'],
    ['en', 'Can you send the pricing first?', 'other'],
    ['de', 'Bitte nicht austragen, wir melden uns.', 'other'],
  ])('%s: "%s" → %s', (lang, text, kind) => {
    expect(read(lang, text).kind).toBe(kind);
  });

  it('an opt-out wins over a time in the same reply (never missed)', () => {
    expect(read('en', 'Not interested in Tuesday at 3pm or ever. Remove me from your list.').kind).toBe('optout');
  });

  it('a weak opt-out cue next to a decline stops for good (when unsure, stop)', () => {
    expect(read('en', 'How did you get my email? Not interested.').kind).toBe('optout');
  });
});

describe('legal footers are not what the prospect said', () => {
  const footer = (s: string) => `Tuesday at 3pm works for me.\n\nJavier\n\n${s}`;
  it.each([
    ['en', 'This email and any attachments are confidential and intended solely for the addressee. If you have received this email in error, please notify the sender and delete it; to unsubscribe from our newsletter contact privacy@example.com.'],
    ['es', 'AVISO LEGAL: Este mensaje y sus anexos son confidenciales y se dirigen exclusivamente a su destinatario. De acuerdo con la normativa de protección de datos, puede ejercer sus derechos de acceso, rectificación, supresión y oposición escribiendo a privacidad@example.es.'],
    ['de', 'Diese E-Mail ist vertraulich und nur für den beabsichtigten Empfänger bestimmt. Informationen zur Verarbeitung personenbezogener Daten und zu Ihrem Recht auf Löschung finden Sie in unserer Datenschutzerklärung.'],
  ])('%s: a footer naming erasure or unsubscribing leaves the proposal', (lang, text) => {
    const r = read(lang, footer(text));
    expect(r.kind).toBe('proposal');
  });

  it('an erasure request in the first person is read even when it reads like a footer', () => {
    expect(read('es', 'De acuerdo con la normativa de protección de datos, solicito la supresión de todos mis datos personales de sus sistemas y que no vuelvan a escribirme.').kind).toBe('optout');
  });
});
