import { describe, expect, it } from 'vitest';
import { parseReply } from '../../src/domain/reply/index.js';
import type { ParsedReply } from '../../src/domain/types.js';
import { msg } from './helpers.js';
import { PROSPECT, firstLocal } from './lang-helpers.js';

/**
 * Classes of round 19 (part c): offers in the quoted history, short answers over a quote, away notices. Written for
 * these tests, not taken from the fixtures. Every prospect writes on Monday 17 November 2025 at 09:12 local time.
 */

function readMail(lang: string, body: { text?: string; html?: string }, extra: Partial<Parameters<typeof msg>[2]> = {}): ParsedReply {
  const p = PROSPECT[lang]!;
  return parseReply({ message: msg(body.text ?? '', p.ref, { ...(body.html ? { html: body.html, text: '' } : {}), ...extra }), timeZone: p.zone });
}

/** The rep's offer of Wednesday 26 and Friday 28 November, as each language writes it. */
const OFFER: Record<string, { head: [string, string, string, string]; lines: string[] }> = {
  en: { head: ['From', 'Sent', 'To', 'Subject'], lines: ['Would one of these suit?', '- Wednesday 26 November, 10:00', '- Friday 28 November, 15:00'] },
  de: { head: ['Von', 'Gesendet', 'An', 'Betreff'], lines: ['Passt Ihnen einer dieser Termine?', '- Mittwoch, 26.11., 10:00 Uhr', '- Freitag, 28.11., 15:00 Uhr'] },
  nl: { head: ['Van', 'Verzonden', 'Aan', 'Onderwerp'], lines: ['Past een van deze momenten?', '- woensdag 26 november, 10:00', '- vrijdag 28 november, 15:00'] },
  it: { head: ['Da', 'Inviato', 'A', 'Oggetto'], lines: ['Le va bene uno di questi orari?', '- mercoledì 26 novembre, ore 10:00', '- venerdì 28 novembre, ore 15:00'] },
  es: { head: ['De', 'Enviado el', 'Para', 'Asunto'], lines: ['¿Le viene bien alguno de estos?', '- miércoles 26 de noviembre, 10:00', '- viernes 28 de noviembre, 15:00'] },
  fr: { head: ['De', 'Envoyé', 'À', 'Objet'], lines: ['Un de ces créneaux vous convient-il ?', '- mercredi 26 novembre, 10h00', '- vendredi 28 novembre, 15h00'] },
  pt: { head: ['De', 'Enviado', 'Para', 'Assunto'], lines: ['Algum destes horários serve?', '- quarta-feira, 26 de novembro, 10:00', '- sexta-feira, 28 de novembro, 15:00'] },
};

/** The reply over the rep's offer quoted as Outlook's HTML writes it (divRplyFwdMsg header block, then the message). */
function outlookHtml(lang: string, reply: string): string {
  const o = OFFER[lang]!;
  const [from, sent, to, subject] = o.head;
  return `<html><body><div>${reply.split('\n').map((l) => `<div>${l || '<br>'}</div>`).join('\n')}</div>
<hr style="display:inline-block;width:98%" tabindex="-1">
<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt"><b>${from}:</b> Dana Reyes &lt;dana@seller.io&gt;<br>
<b>${sent}:</b> 12/11/2025 10:00<br><b>${to}:</b> Sam &lt;sam@buyer.example&gt;<br><b>${subject}:</b> Demo</font><div>&nbsp;</div></div>
<div>${o.lines.map((l) => `<div>${l}</div>`).join('\n')}<div>Dana</div></div></body></html>`;
}

/** The same reply over the offer quoted in plain text with ">" under an "On … wrote:" line. */
function plainQuote(lang: string, reply: string): string {
  return `${reply}\n\nOn Wed, 12 Nov 2025 at 10:00, Dana Reyes <dana@seller.io> wrote:\n${OFFER[lang]!.lines.map((l) => `> ${l}`).join('\n')}\n> Dana\n`;
}

describe('a weekday and clock time with no date, matching a slot quoted for a later week, accepts that slot', () => {
  const rows: [string, string, string][] = [
    ['en', 'Wednesday at 10am suits us, please send the invite.', '2025-11-26 10:00'],
    ['de', 'Freitag um 15 Uhr geht bei uns, bitte schicken Sie die Einladung.', '2025-11-28 15:00'],
    ['nl', 'Woensdag om 10u is voor ons goed. Stuurt u de uitnodiging?', '2025-11-26 10:00'],
    ['it', 'Venerdì alle 15 va benissimo, attendo l\'invito.', '2025-11-28 15:00'],
    ['es', 'El miércoles a las 10 nos viene bien, mándeme la invitación.', '2025-11-26 10:00'],
    ['fr', 'Vendredi à 15h, c\'est parfait pour nous.', '2025-11-28 15:00'],
    ['pt', 'Pode ser quarta às 10h, fica ótimo para nós.', '2025-11-26 10:00'],
  ];
  it.each(rows)('%s (Outlook HTML quote): "%s"', (lang, reply, wall) => {
    const r = readMail(lang, { html: outlookHtml(lang, reply) });
    expect(r.kind, JSON.stringify(r.explain)).toBe('proposal');
    expect(firstLocal(lang, r), JSON.stringify(r.explain)).toBe(wall);
    expect(r.certain).toBe(true);
  });
  it.each(rows)('%s (plain ">" quote): "%s"', (lang, reply, wall) => {
    const r = readMail(lang, { text: plainQuote(lang, reply) });
    expect(firstLocal(lang, r), JSON.stringify(r.explain)).toBe(wall);
  });
  it('guard: "this Wednesday at 10" keeps the coming Wednesday', () => {
    const r = readMail('en', { text: plainQuote('en', 'This Wednesday at 10am would be better for us.') });
    expect(firstLocal('en', r)).toBe('2025-11-19 10:00');
  });
  it('guard: a weekday at another hour than the slot is no acceptance of it', () => {
    const r = readMail('en', { text: plainQuote('en', 'Wednesday at 4pm would suit us better.') });
    expect(firstLocal('en', r)).not.toBe('2025-11-26 10:00');
  });
});

describe('guard: a weekday and time beside a refused offered day is the counter-proposal, not the refused slot', () => {
  it('de: "Mittwoch bin ich auf Dienstreise. Donnerstag um 14 Uhr ginge aber."', () => {
    const text = 'Mittwoch bin ich unterwegs. Donnerstag um 14 Uhr ginge aber.\n\nAm Do., 13. Nov. 2025 um 09:40 Uhr schrieb Dana Reyes <dana@seller.io>:\n> Passt Ihnen Mittwoch um 14 Uhr?\n';
    const r = readMail('de', { text });
    expect(firstLocal('de', r)).toBe('2025-11-20 14:00');
  });
});

const AUTO = { headers: { 'auto-submitted': 'auto-replied' }, subject: 'Automatic reply: Demo' };

describe('an away notice\'s return day written as "the weekday, day N of the month" ("segunda-feira, dia 6 de setembro")', () => {
  it.each([
    ['pt', 'Obrigada pelo contacto. Encontro-me de férias, sem acesso ao email. Regresso ao escritório na terça-feira, dia 2 de dezembro.', '2025-12-02'],
    ['pt', 'Estou ausente em formação. Volto na quarta-feira, dia 3 de dezembro.', '2025-12-03'],
    ['es', 'Estoy fuera de la oficina por un congreso. Vuelvo el lunes, día 1 de diciembre.', '2025-12-01'],
    ['it', 'Sono fuori sede per una fiera, rientro giovedì, il 4 dicembre.', '2025-12-04'],
  ])('%s: "%s"', (lang, text, day) => {
    const r = readMail(lang, { text }, AUTO);
    expect(r.kind).toBe('ooo');
    expect(r.returnDate, JSON.stringify(r.explain)).toBe(day);
  });
});

describe('a person telling of an absence that starts days after the reply writes no away notice (an auto-reply runs during it)', () => {
  it.each([
    ['pt', 'Olá Dana, estou de férias de 8 a 26 de dezembro e até lá estou cheia de fechos. Passei o seu contacto à Inês Lopes, que trata destes temas.'],
    ['es', 'Hola Dana, estoy de vacaciones del 9 al 23 de diciembre y antes tenemos el cierre. Le paso su contacto a Pablo Ruiz, que lleva este tema.'],
    ['en', 'Hi Dana, I\'m out of the office December 8 to 19 and buried in year-end before that. Priya Shah owns this now, please reach out to her.'],
    ['de', 'Hallo Frau Reyes, ich bin vom 8. bis 19. Dezember im Urlaub und davor ist Jahresabschluss. Herr Wolf ist dafür zuständig, bitte wenden Sie sich an ihn.'],
    ['fr', 'Bonjour, je suis absente du 8 au 19 décembre et d\'ici là c\'est la clôture. Paul Martin s\'occupe de ce sujet, voyez avec lui.'],
    ['it', 'Buongiorno, sono in ferie dal 9 al 22 dicembre e prima c\'è la chiusura dell\'anno. Luca Neri segue questi temi, lo contatti pure.'],
    ['nl', 'Hallo Dana, ik ben met vakantie van 8 tot 19 december en daarvoor is het jaarafsluiting. Pieter Smit gaat hierover, neem gerust contact met hem op.'],
  ])('%s: "%s"', (lang, text) => {
    const r = readMail(lang, { text });
    expect(r.kind, JSON.stringify(r.explain)).not.toBe('ooo');
    expect(r.kind, JSON.stringify(r.explain)).not.toBe('proposal');
  });
  it.each([
    ['pt', 'Estou de férias de 14 a 28 de novembro, sem acesso ao email. Regresso no dia 1 de dezembro.'],
    ['en', 'I am out of the office from November 14 to 28 with limited access to email.'],
  ])('guard: an absence already running stays an away notice: %s "%s"', (lang, text) => {
    expect(readMail(lang, { text }).kind).toBe('ooo');
  });
});

describe('an away notice without its headers whose "after that" is its own way back ("Danach bin ich wieder erreichbar")', () => {
  it.each([
    ['de', 'Ich bin bis einschließlich 28. November im Urlaub und habe keinen Zugriff auf meine Mails. Danach bin ich wieder erreichbar.'],
    ['nl', 'Ik ben met vakantie tot en met 28 november. Daarna ben ik weer bereikbaar.'],
    ['fr', 'Je suis en congés jusqu\'au 28 novembre inclus. Après, je serai de retour au bureau.'],
    ['it', 'Sono in ferie fino al 28 novembre. Dopo sarò di nuovo in ufficio.'],
    ['es', 'Estoy de vacaciones hasta el 28 de noviembre. Después estaré disponible de nuevo.'],
    ['pt', 'Estou de férias até 28 de novembro. Depois estarei disponível novamente.'],
    ['en', 'I\'m on annual leave until November 28 with no email access. After that I\'ll be back in the office.'],
  ])('%s: "%s"', (lang, text) => {
    const r = readMail(lang, { text });
    expect(r.kind, JSON.stringify(r.explain)).toBe('ooo');
  });
  it('guard: "…im Urlaub, danach gerne" stays a person arranging a time', () => {
    expect(readMail('de', { text: 'Ich bin vom 24. bis 28. November im Urlaub, danach gerne.' }).kind).toBe('vague');
  });
});

/** The rep's first message quoted under a phone reply, in each language. */
const THREAD: Record<string, string> = {
  es: '> El 14 nov 2025, a las 9:40, Dana Reyes <dana@seller.io> escribió:\n> Hola, ¿te vendría bien una llamada corta para ver cómo organizan el seguimiento de los clientes?\n> Un saludo',
  pt: '> Em 14 de nov. de 2025, às 09:40, Dana Reyes <dana@seller.io> escreveu:\n> Olá, podemos marcar uma conversa rápida para mostrar como outras equipas organizam o acompanhamento?\n> Abraço',
  de: '> Am 14.11.2025 um 09:40 schrieb Dana Reyes <dana@seller.io>:\n> Hallo, hätten Sie Zeit für ein kurzes Gespräch darüber, wie andere Teams ihre Nachverfolgung organisieren?\n> Viele Grüße',
  nl: '> Op 14 nov. 2025 om 09:40 heeft Dana Reyes <dana@seller.io> het volgende geschreven:\n> Hallo, heeft u tijd voor een kort gesprek over hoe andere teams hun opvolging organiseren?\n> Groet',
};

describe('a reply of a few words over the quote is read in the thread\'s language when the detector cannot place it', () => {
  it.each([
    ['es', 'vie 11hs dale', '2025-11-21 11:00'],
    ['pt', 'qui 15h blz', '2025-11-20 15:00'],
    ['de', 'Do 14h ok', '2025-11-20 14:00'],
    ['nl', 'do 14u top', '2025-11-20 14:00'],
  ])('%s: "%s"', (lang, reply, wall) => {
    const r = readMail(lang, { text: `${reply}\n\nSent from my iPhone\n\n${THREAD[lang]}` });
    expect(r.kind, JSON.stringify(r.explain)).toBe('proposal');
    expect(firstLocal(lang, r), JSON.stringify(r.explain)).toBe(wall);
    expect(r.language).toBe(lang);
  });
  it('guard: a longer reply keeps its own language over the thread\'s', () => {
    const r = readMail('en', { text: `Thursday at 3pm works for me, talk then.\n\n${THREAD.de}` });
    expect(r.language).toBe('en');
    expect(firstLocal('en', r)).toBe('2025-11-20 15:00');
  });
});
