import { describe, expect, it } from 'vitest';
import { parseReply } from '../../src/domain/reply/index.js';
import { PROSPECT, firstLocal, noProposal, read, readsCertain } from './lang-helpers.js';
import { msg } from './helpers.js';

/**
 * Classes of issue 11, round 17 (part a): how the reply's text is framed and what of it is read. The phrasings are
 * written for these tests, not taken from the fixtures. Every prospect writes on Monday 17 November 2025 at 09:12.
 */

/** A reply from an assistant at the prospect's company (sam@buyer.example writes; the rep is dana@seller.io). */
function fromAssistant(lang: string, text: string, html: string | null = null) {
  const p = PROSPECT[lang]!;
  return parseReply({
    message: msg(html ? '' : text, p.ref, { from: { email: 'office@buyer.example' }, html }),
    timeZone: p.zone,
    repEmail: 'dana@seller.io',
  });
}

const outlook = (from: string, sent: string, to: string, subject: string) => `From: ${from}\nSent: ${sent}\nTo: ${to}\nSubject: ${subject}`;
const REP_PITCH = `${outlook('Dana Rep <dana@seller.io>', 'Monday, 17 November 2025 07:00', 'Office <office@buyer.example>', 'Intro call')}\n\nHi,\n\nWould 20 minutes next week be useful?\n\nDana`;

describe('an assistant forwarding the principal\'s answer below a note: the answer is read', () => {
  const rows: [string, string, string, string][] = [
    ['en', 'Hello Dana,\n\nHis reply is below - I\'ll keep the time free until your invite arrives.\n\nKind regards,\nOffice',
      'Dana is fine for Wednesday the 19th at 3pm, please let her know.', '2025-11-19 15:00'],
    ['es', 'Hola Dana:\n\nLe reenvío más abajo la contestación de nuestro director.\n\nSaludos,\nSecretaría',
      'Dile a Dana que el miércoles 19 a las 16:00 me viene bien.', '2025-11-19 16:00'],
    ['pt', 'Olá Dana,\n\nSegue abaixo a resposta do nosso diretor ao seu convite.\n\nCumprimentos,\nSecretariado',
      'Pode confirmar à Dana que quarta-feira, dia 19, às 15h está bom.', '2025-11-19 15:00'],
    ['fr', 'Bonjour Dana,\n\nVous trouverez ci-dessous la réponse de notre directeur.\n\nCordialement,\nSecrétariat',
      'Merci de dire à Dana que je suis disponible mercredi 19 novembre à 15h.', '2025-11-19 15:00'],
    ['de', 'Guten Tag Frau Rep,\n\nunten finden Sie die Antwort unseres Geschäftsführers.\n\nMit freundlichen Grüßen\nSekretariat',
      'Bitte sagen Sie Frau Rep, dass mir Mittwoch, der 19. November, um 15 Uhr passt.', '2025-11-19 15:00'],
    ['nl', 'Beste Dana,\n\nOnderstaand de reactie van onze directeur.\n\nMet vriendelijke groet,\nSecretariaat',
      'Wil je Dana laten weten dat woensdag 19 november om 15.00 uur mij goed uitkomt?', '2025-11-19 15:00'],
    ['it', 'Gentile Dana,\n\nDi seguito la risposta del nostro direttore.\n\nCordiali saluti,\nSegreteria',
      'Puoi dire a Dana che mercoledì 19 novembre alle 15 va bene?', '2025-11-19 15:00'],
  ];
  it.each(rows)('%s: Outlook forward of the principal\'s answer', (lang, note, answer, wall) => {
    const boss = 'Boss Person <boss@buyer.example>';
    const text = `${note}\n\n________________________________\n${outlook(boss, 'Monday, 17 November 2025 08:30', 'Office <office@buyer.example>', 'FW: Intro call')}\n\n${answer}\n\nBP\n\n________________________________\n${REP_PITCH}`;
    const r = fromAssistant(lang, text);
    expect(r.kind, JSON.stringify(r.explain)).toBe('proposal');
    expect(firstLocal(lang, r), JSON.stringify(r.explain)).toBe(wall);
  });
  it('en: a Gmail forward of a colleague\'s availability, with the rep\'s pitch quoted under it', () => {
    const text = 'Hi Dana,\n\nPassing along Priya\'s availability, see below. She runs the team.\n\nTom\n\n---------- Forwarded message ---------\nFrom: Priya K <priya@buyer.example>\nDate: Mon, Nov 17, 2025 at 8:02 AM\nSubject: Re: Intro call\nTo: Tom <office@buyer.example>\n\nI could do Thursday Nov 20 at 10:30.\n\nOn Mon, Nov 17, 2025 at 7:00 AM Dana Rep <dana@seller.io> wrote:\n> Would Tuesday at 4pm work?\n';
    const r = fromAssistant('en', text);
    expect(r.kind, JSON.stringify(r.explain)).toBe('proposal');
    expect(firstLocal('en', r), JSON.stringify(r.explain)).toBe('2025-11-20 10:30');
  });
  it('en: an HTML-only Outlook forward (inner header as plain divs, the rep\'s message under divRplyFwdMsg)', () => {
    const html = '<html><body><div>Hi Dana,</div><div><br></div><div>Please find our CEO\'s reply below.</div><div><br></div><div>Best,</div><div>Office</div><div><br></div>'
      + '<div>From: Boss Person &lt;boss@buyer.example&gt;</div><div>Sent: Monday, 17 November 2025 08:30</div><div>To: Office &lt;office@buyer.example&gt;</div><div>Subject: FW: Intro call</div><div><br></div>'
      + '<div>Tell Dana Friday 21 November at 2pm suits me.</div><div><br></div><div>BP</div>'
      + '<hr><div id="divRplyFwdMsg"><b>From:</b> Dana Rep &lt;dana@seller.io&gt;<br><b>Sent:</b> Monday, 17 November 2025 07:00<br><b>Subject:</b> Intro call</div><div>Would Tuesday at 4pm work?</div></body></html>';
    const r = fromAssistant('en', '', html);
    expect(r.kind, JSON.stringify(r.explain)).toBe('proposal');
    expect(firstLocal('en', r), JSON.stringify(r.explain)).toBe('2025-11-21 14:00');
  });
  // Guards: what is forwarded is not the prospect's side answering.
  it('guard: the rep\'s own message forwarded on ("see below") is never read as the prospect\'s words', () => {
    const text = 'Hi Dana,\n\nSee your note below - I have passed it to our buyer.\n\nOffice\n\n________________________________\n'
      + `${outlook('Dana Rep <dana@seller.io>', 'Monday, 17 November 2025 07:00', 'Office <office@buyer.example>', 'Intro call')}\n\nCould we talk Tuesday 18 November at 4pm?\n\nDana`;
    expect(fromAssistant('en', text).kind).not.toBe('proposal');
  });
  it('guard: the sender\'s own forward to a colleague (their note, not an answer) is not read', () => {
    const text = 'Hi Dana,\n\nI forwarded your message to our buyer (see below); she will reply if there is a fit.\n\nOffice\n\n________________________________\n'
      + `${outlook('Office <office@buyer.example>', 'Monday, 17 November 2025 08:00', 'Buyer <buyer@buyer.example>', 'FW: Intro call')}\n\nCan you look at this before our budget meeting on Thursday 20 November at 3pm?\n\nOffice`;
    expect(fromAssistant('en', text).kind).not.toBe('proposal');
  });
  it('guard: a forwarded schedule with no answer named stays cut away', () => {
    const text = 'Hi Dana,\n\nForwarding the trade show plan below for info.\n\nOffice\n\n________________________________\n'
      + `${outlook('Boss Person <boss@buyer.example>', 'Monday, 17 November 2025 08:30', 'Office <office@buyer.example>', 'FW: plan')}\n\nStand build Wednesday 19 November at 7am, dinner Thursday at 8pm.\n\nBP`;
    expect(fromAssistant('en', text).kind).not.toBe('proposal');
  });
});

describe('"I am writing on behalf of / in reply to" is the letter itself, not a promise to write later', () => {
  it.each([
    ['es', 'Le escribo de parte de la Sra. Gil: podría hablar con usted el jueves 20 de noviembre a las 11:00.', '2025-11-20 11:00'],
    ['pt', 'Eu lhe escrevo em nome do Dr. Souza. Ele tem disponibilidade na quinta-feira, 20 de novembro, às 11h.', '2025-11-20 11:00'],
    ['fr', 'Je vous écris au nom de M. Roux. Il aura une disponibilité le jeudi 20 novembre à 11h.', '2025-11-20 11:00'],
    ['de', 'Ich melde mich im Auftrag von Herrn Braun. Er hätte am Donnerstag, 20. November, um 11 Uhr Zeit.', '2025-11-20 11:00'],
    ['nl', 'Ik meld me namens mevrouw de Boer. Zij heeft donderdag 20 november om 11.00 uur tijd.', '2025-11-20 11:00'],
    ['es', 'Le escribo en respuesta a su correo. El director tendría un hueco el jueves 20 de noviembre a las 11:00.', '2025-11-20 11:00'],
  ])('%s: "%s"', (lang, text, wall) => { readsCertain(lang, text, wall); });
  it.each([
    ['es', 'El jueves a las 11 tengo comité. Le escribo la semana que viene.'],
    ['fr', 'Jeudi à 11h je suis en comité, je vous écrirai après.'],
    ['de', 'Donnerstag um 11 bin ich im Audit. Melde mich danach.'],
  ])('guard: %s "%s" still defers', (lang, text) => { noProposal(lang, text); });
});

describe('a company exercising an employee\'s right to erasure is a request, not a legal footer', () => {
  it.each([
    ['de', 'Sehr geehrte Damen und Herren,\n\nim Namen unserer Kollegin Frau Jana Vogt machen wir hiermit ihr Recht auf Löschung nach Art. 17 DSGVO geltend. Wir fordern Sie auf, alle zu ihrer Person gespeicherten Daten zu löschen und dies schriftlich zu bestätigen.\n\nRechtsabteilung'],
    ['en', 'Dear Sir or Madam,\n\nOn behalf of our employee Ms Jane Vogt we hereby request the erasure of all personal data you hold about her under Article 17 GDPR and written confirmation once done.\n\nLegal team'],
  ])('%s: an erasure request in the company\'s name is an opt-out', (lang, text) => {
    const r = read(lang, text);
    expect(r.kind, JSON.stringify(r.explain)).toBe('optout');
  });
  it('guard: a footer naming the reader\'s rights stays a footer', () => {
    const r = read('it', 'Giovedì alle 15 va bene.\n\nLe informazioni contenute in questo messaggio sono riservate. Ai sensi del Regolamento UE 2016/679 (GDPR) i Suoi dati sono trattati per finalità commerciali e può chiederne la cancellazione in qualsiasi momento.');
    expect(r.kind, JSON.stringify(r.explain)).toBe('proposal');
  });
});

describe('a short reply typed without accents or in phone shorthand is read in its language', () => {
  it.each([
    ['pt', 'quarta nao da. quinta msm horario?', '2025-11-20 15:00'],
    ['pt', 'segunda nao rola, terca mesmo horario?', '2025-11-18 15:00'],
  ])('%s: "%s" moves the offer (Wednesday 15:00) to the day named', (lang, text, wall) => {
    const r = read(lang, text, { offered: [['2025-11-19 15:00', '2025-11-19 15:30']] });
    expect(r.kind, JSON.stringify(r.explain)).toBe('proposal');
    expect(firstLocal(lang, r), JSON.stringify(r.explain)).toBe(wall);
  });
  it.each([
    ['pt', 'nao é prioridade pra gente agora, valeu'],
    ['pt', 'agora nao é o momento, obg'],
  ])('%s: "%s" is a decline', (lang, text) => {
    expect(read(lang, text).kind).toBe('decline');
  });
});
