import { describe, expect, it } from 'vitest';
import { extractVisibleText, parseReply } from '../../src/domain/reply/index.js';
import { quotedBody } from '../../src/domain/reply/quoted-offers.js';
import { msg } from './helpers.js';

/**
 * Short replies above the quote headers the common clients write, in the seven languages the parser reads.
 * A reply line that begins like a date ("Tue 2pm", "Mon 9am") must never be taken for the start of the header.
 */
const SHORT = [
  'Tue 2pm or Wed 10am',
  'Yes 3pm works',
  'Mon 9am works',
  'The 30th works, 11am',
  'Thu 10 works for me.',
  'Fri 9:30?',
  'Wed 10/12 at 3pm works',
  'Mar. 15h ça marche',
  'Mié 10h me va bien',
  'Di 14 Uhr passt',
  'Ter 15h, pode ser?',
  'Do 10:00 is goed',
  'Gio 15 va bene',
  // Sentences that begin with a header's first word ("El", "Am", "Le", "Op", "Il", "Em", "On").
  'El jueves a las 12 está bien.',
  'Am Dienstag passt es.',
  'Le mardi 17 mars, plutôt 14h30 si possible.',
  'Op dinsdag om 10 uur?',
  'Il martedì alle 10 va bene.',
  'Em dezembro, talvez.',
  'On Tuesday works.',
];

const HEADERS: [string, string][] = [
  ['Gmail (en)', 'On Mon, Nov 17, 2025 at 9:00 AM Dana Rep <dana@seller.io> wrote:\n> Would Tuesday work?'],
  ['Gmail wrapped (en)', 'On Mon, Nov 17, 2025 at 9:00 AM Dana Rep <\ndana@seller.io> wrote:\n> Would Tuesday work?'],
  ['Gmail (es)', 'El lun, 17 nov 2025 a las 9:00, Dana Rep (<dana@seller.io>) escribió:\n> ¿Le va bien el martes?'],
  ['Gmail (pt)', 'Em seg., 17 de nov. de 2025 às 09:00, Dana Rep <dana@seller.io> escreveu:\n> Terça funciona?'],
  ['Gmail (fr)', 'Le lun. 17 nov. 2025 à 09:00, Dana Rep <dana@seller.io> a écrit :\n> Mardi ?'],
  ['Gmail (de)', 'Am Mo., 17. Nov. 2025 um 09:00 Uhr schrieb Dana Rep <dana@seller.io>:\n> Dienstag?'],
  ['Gmail (nl)', 'Op ma 17 nov 2025 om 09:00 schreef Dana Rep <dana@seller.io>:\n> Dinsdag?'],
  ['Gmail (it)', 'Il giorno lun 17 nov 2025 alle ore 09:00 Dana Rep <dana@seller.io> ha scritto:\n> Martedì?'],
  ['Outlook (en)', '________________________________\nFrom: Dana Rep <dana@seller.io>\nSent: Monday, November 17, 2025 9:00 AM\nTo: Sam <sam@buyer.example>\nSubject: Demo\n\nWould Tuesday work?'],
  ['Outlook (de)', 'Von: Dana Rep <dana@seller.io>\nGesendet: Montag, 17. November 2025 09:00\nAn: Sam\nBetreff: Demo\n\nDienstag?'],
  ['Outlook (fr)', 'De : Dana Rep <dana@seller.io>\nEnvoyé : lundi 17 novembre 2025 09:00\nÀ : Sam\nObjet : Démo\n\nMardi ?'],
  ['Outlook (es)', 'De: Dana Rep <dana@seller.io>\nEnviado: lunes, 17 de noviembre de 2025 9:00\nPara: Sam\nAsunto: Demo\n\n¿Martes?'],
  ['Outlook (pt)', 'De: Dana Rep <dana@seller.io>\nEnviado: segunda-feira, 17 de novembro de 2025 09:00\nPara: Sam\nAssunto: Demo\n\nTerça?'],
  ['Outlook (nl)', 'Van: Dana Rep <dana@seller.io>\nVerzonden: maandag 17 november 2025 09:00\nAan: Sam\nOnderwerp: Demo\n\nDinsdag?'],
  ['Outlook (it)', 'Da: Dana Rep <dana@seller.io>\nInviato: lunedì 17 novembre 2025 09:00\nA: Sam\nOggetto: Demo\n\nMartedì?'],
  ['Outlook Original Message', '-----Original Message-----\nFrom: Dana Rep\nSent: Monday, November 17, 2025 9:00 AM\nTo: Sam\n\nWould Tuesday work?'],
  ['Apple Mail (en)', 'On Nov 17, 2025, at 9:00 AM, Dana Rep <dana@seller.io> wrote:\n\n> Would Tuesday work?'],
  ['Apple Mail (de)', 'Am 17.11.2025 um 09:00 schrieb Dana Rep <dana@seller.io>:\n\n> Dienstag?'],
  ['Apple Mail (fr)', 'Le 17 nov. 2025 à 09:00, Dana Rep <dana@seller.io> a écrit :\n\n> Mardi ?'],
  ['Apple Mail (es)', 'El 17 nov 2025, a las 9:00, Dana Rep <dana@seller.io> escribió:\n\n> ¿Martes?'],
  ['Apple Mail (pt)', 'Em 17 de nov. de 2025, à(s) 09:00, Dana Rep <dana@seller.io> escreveu:\n\n> Terça?'],
  ['Apple Mail (nl)', 'Op 17 nov. 2025 om 09:00 heeft Dana Rep <dana@seller.io> het volgende geschreven:\n\n> Dinsdag?'],
  ['Apple Mail (it)', 'Il giorno 17 nov 2025, alle ore 09:00, Dana Rep <dana@seller.io> ha scritto:\n\n> Martedì?'],
  ['Thunderbird (en)', 'On 17/11/2025 09:00, Dana Rep wrote:\n> Would Tuesday work?'],
  ['Thunderbird (de)', 'Am 17.11.25 um 09:00 schrieb Dana Rep:\n> Dienstag?'],
  ['Gmail wrapped (es)', 'El lun, 17 nov 2025 a las 9:00, Dana Rep (<dana@seller.io>)\nescribió:\n\n> ¿Le va bien el martes?'],
  ['Gmail wrapped (pt)', 'Em seg., 17 de nov. de 2025 às 09:00, Dana Rep <dana@seller.io>\nescreveu:\n\n> Terça funciona?'],
  ['Gmail wrapped (it)', 'Il giorno lun 17 nov 2025 alle ore 09:00 Dana Rep <dana@seller.io>\nha scritto:\n\n> Martedì?'],
  ['Thunderbird (es)', 'El 17/11/25 a las 09:00, Dana Rep escribió:\n> ¿Martes?'],
  ['Thunderbird (pt)', 'Em 17/11/2025 09:00, Dana Rep escreveu:\n> Terça?'],
  ['Thunderbird (fr)', 'Le 17/11/2025 à 09:00, Dana Rep a écrit :\n> Mardi ?'],
  ['Thunderbird (nl)', 'Op 17-11-2025 om 09:00 schreef Dana Rep:\n> Dinsdag?'],
  ['Thunderbird (it)', 'Il 17/11/25 09:00, Dana Rep ha scritto:\n> Martedì?'],
  ['Thunderbird weekday date', 'Mon, 17 Nov 2025 09:00 Dana Rep <dana@seller.io> wrote:\n> Would Tuesday work?'],
];

const MOBILE = [
  'Sent from my iPhone', 'Get Outlook for iOS', 'Von meinem iPhone gesendet', 'Envoyé de mon iPhone', 'Enviado desde mi iPhone',
  'Enviado do meu iPhone', 'Verstuurd vanaf mijn iPhone', 'Inviato da iPhone',
];

describe('short replies over every common client quote header', () => {
  for (const [client, header] of HEADERS) {
    it.each(SHORT)(`${client}: "%s" stays visible`, (reply) => {
      expect(extractVisibleText({ text: `${reply}\n\n${header}` })).toBe(reply);
      // Without a blank line between the reply and the header, as some mobile clients send it.
      expect(extractVisibleText({ text: `${reply}\n${header}` })).toBe(reply);
    });
  }

  it.each(MOBILE)('a mobile sign-off "%s" above a Gmail header is neither text nor header', (sig) => {
    expect(extractVisibleText({ text: `Tue 2pm or Wed 10am\n\n${sig}\n\n${HEADERS[0]![1]}` })).toBe('Tue 2pm or Wed 10am');
  });

  it('reads the times of a short reply above a header (the defect emptied it)', () => {
    const r = parseReply({ message: msg(`Tue 2pm or Wed 10am\n\n${HEADERS[0]![1]}`, '2025-11-17T15:12:00Z'), timeZone: 'America/New_York' });
    expect(r.kind).toBe('proposal');
    expect(r.proposals.map((p) => p.start.toISOString())).toEqual(['2025-11-18T19:00:00.000Z', '2025-11-19T15:00:00.000Z']);
  });
});

describe('short replies in HTML-only mail over the HTML quote headers', () => {
  const html = (reply: string, quote: string) => `<html><body><div>${reply}</div>${quote}</body></html>`;
  it.each([
    ['Gmail', '<div class="gmail_quote"><div class="gmail_attr">On Mon, Nov 17, 2025 at 9:00 AM Dana Rep &lt;dana@seller.io&gt; wrote:<br></div><blockquote class="gmail_quote">Would Tuesday work?</blockquote></div>'],
    ['Outlook web', '<hr><div id="divRplyFwdMsg"><b>From:</b> Dana Rep &lt;dana@seller.io&gt;<br><b>Sent:</b> Monday, November 17, 2025 9:00 AM<br><b>Subject:</b> Demo</div><div>Would Tuesday work?</div>'],
    ['Roundcube', '<p>Am 17.11.2025 09:00, schrieb Dana Rep:</p><blockquote type="cite">Dienstag?</blockquote>'],
    ['Apple Mail', '<div><br><blockquote type="cite"><div>On Nov 17, 2025, at 9:00 AM, Dana Rep &lt;dana@seller.io&gt; wrote:</div><div>Would Tuesday work?</div></blockquote></div>'],
  ])('%s', (_client, quote) => {
    for (const reply of ['Tue 2pm or Wed 10am', 'Mon 9am works', 'Di 14 Uhr passt']) {
      expect(extractVisibleText({ html: html(reply, quote) })).toBe(reply);
    }
  });
});

describe('the quoted message\'s header is never an offered slot', () => {
  it.each([
    ['Gmail wrapped (pt)', 'Em qui., 11 de jun. de 2026 às 08:07, Ana Souza <ana.souza@seller.io>\nescreveu:\n\nSeguem duas opções:\n- terça, 16/06 às 10h\n- quinta, 18/06 às 15h'],
    ['Outlook (de)', 'Von: Tom Becker <tom@seller.io>\nGesendet: Donnerstag, 11. Juni 2026 08:07\nAn: Jonas\nBetreff: Demo\n\n- Dienstag, 16. Juni, 10:00 Uhr\n- Donnerstag, 18. Juni, 15:00 Uhr'],
  ])('%s: only the offers are left', (_client, quoted) => {
    const body = quotedBody(quoted);
    expect(body).not.toMatch(/08:07|escreveu|Gesendet/);
    expect(body).toMatch(/16/);
  });

  it('"Pode ser a primeira opção." picks the first offer, not the header\'s date', () => {
    const text = 'Pode ser a primeira opção.\n\nEm qui., 11 de jun. de 2026 às 08:07, Ana Souza <ana.souza@seller.io>\nescreveu:\n\n> Seguem duas opções:\n> - terça, 16/06 às 10h\n> - quinta, 18/06 às 15h';
    const r = parseReply({ message: msg(text, '2026-06-12T13:20:00Z'), timeZone: 'America/Sao_Paulo' });
    expect(r.proposals[0]?.start.toISOString()).toBe('2026-06-16T13:00:00.000Z');
  });
});
