/** Line patterns that start quoted history, forwarded parts and signatures, in the fixture languages. */

const WROTE =
  /(?:wrote|writes|said|schrieb|geschrieben|geschreven|a écrit|a ecrit|escribió|escribio|scrisse|ha scritto|schreef|napisał|napisal|escreveu|skrev|kirjoitti|написал|написала|пише|писал|написав|写道|寫道|wrote the following)\s*:?\s*(?:-{2,}\s*)?$/i;
const WROTE_NAME = /\b(?:schrieb|wrote|a écrit|escribió|escreveu|scrisse|schreef|skrev|napisał|kirjoitti)\s+[^:]{1,80}:\s*$/i;
const WROTE_ANYWHERE = /\b(?:wrote|schrieb|a écrit|escribió|escreveu|scrisse|schreef|napisał|skrev|написал|пише)\s*:/i;
/** A dated header line; after a weekday, a whole date with its year ("Fri 11.30 fine" is a reply, not a header). */
const ON_START =
  /^\s*(?:-{2,}\s*)?(?:(?:On|Am|Le|El|Em|Il|Op|Den|På|W dniu|Dnia|Dne|Kello|Pada)(?![\w'’])|[ВУ]\s|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}\.?\s+[^\s\d]{3,}\.?\s+\d{4}\b|\d{4}年|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? (?:\d{1,2}([./-])\d{1,2}\1\d{2,4}|\d{1,2}\.? [A-Z][a-z]{2}[a-z]*\.?,? \d{4}|\d{1,2} (?:\d{1,2}|[A-Z][a-z]{2}) \d{4}))/;
/** Words a dated reply header begins with ("On", "Am", "Le"...): stronger evidence than a date alone. */
const ON_WORD = /^\s*(?:-{2,}\s*)?(?:On|Am|Le|El|Em|Il|Op|Den|På|W dniu|Dnia|Dne|Kello|Pada)(?![\w'’])/;

export const SEPARATOR_LINES: RegExp[] = [
  /^\s*\*?\s*-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Messaggio originale|Oorspronkelijk bericht|Originalmeddelande|Mensagem original|Wiadomość oryginalna|Исходное сообщение)\s*-{2,}\s*\*?\s*$/i,
  /^\s*-{2,}\s*(?:Forwarded message|Weitergeleitete Nachricht|Message transféré|Mensaje reenviado|Messaggio inoltrato|Doorgestuurd bericht|Mensagem encaminhada|Videresendt melding|Vidarebefordrat meddelande)\s*-{0,}\s*$/i,
  /^\s*(?:Begin forwarded message|Anfang der weitergeleiteten Nachricht|Début du message réenvoyé|Inicio del mensaje reenviado)\s*:\s*$/i,
];

export const HEADER_KEY =
  /^\s*\*?(?:From|Von|De|Da|Van|Från|Fra|Od|От|Від|Lähettäjä|发件人|寄件者)\s*:\*?\s/i;
export const HEADER_NEXT =
  /^\s*\*?(?:Sent|Date|To|Subject|Cc|Gesendet|Datum|An|Betreff|Envoyé|Objet|À|Enviado|Fecha|Para|Asunto|Inviato|Oggetto|A|Verzonden|Aan|Onderwerp|Skickat|Till|Ämne|Sendt|Til|Emne|Wysłano|Temat|Do|Отправлено|Кому|Тема|Дата|发送时间|收件人|主题)\s*:\*?/i;

export const MOBILE_SIGNATURE =
  /^\s*(?:[<(]{0,2}\s*(?:sent|envoyé|gesendet|enviado|inviato|verzonden|wysłane|отправлено|sendt|skickat|skickades)\s+(?:from|with|via|by|depuis|von|mit|desde|con|da|met|z|с|fra|från)\b.*|(?:von|vanaf)\s+meinem\s+.*gesendet.*|.*\b(?:envoyé (?:depuis|de) mon|enviado desde mi|enviado (?:a partir )?do meu|inviato da(?:l mio)?|(?:verzonden|verstuurd) (?:vanaf|met|via) (?:mijn )?)\b.*|get (?:\[)?outlook for (?:ios|android).*|from my (?:iphone|ipad|android|mobile).*|diese nachricht wurde von meinem .* gesendet\.?|sent from (?:my )?(?:mobile|phone|iphone|ipad).*|.*\biphone\s*から送信.*|\S+\s+iPhone\s*发自.*|发自我的\s*iPhone.*|.{0,10}从我的.*发送.*|someone from mobile)\s*[>)]{0,2}\s*$/i;

export const SIGN_OFF =
  /^\s*(?:thanks|thank you|many thanks|thanks again|thx|cheers|best|best regards|kind regards|warm regards|regards|all the best|best wishes|sincerely|yours|talk soon|speak soon|cordialement|bien à vous|bien cordialement|merci|salutations|mit freundlichen grüßen|mit freundlichen gruessen|mfg|viele grüße|viele gruesse|beste grüße|liebe grüße|lg|vg|gruß|grüße|saludos|un saludo|saludos cordiales|atentamente|gracias|cordiali saluti|saluti|met vriendelijke groet|groeten|pozdrawiam|atenciosamente|abraços|obrigado|med vänliga hälsningar|hälsningar|mvh|best wishes|warmly|warm wishes|all best|rgds|brgds|br|un abrazo|abrazos|cordialmente|hasta pronto|muchas gracias|abraço|abraços|abs|att|cumprimentos|melhores cumprimentos|saudações|um abraço|obrigada|até logo|bien à toi|bonne journée|bonne soirée|belle journée|à bientôt|amicalement|freundliche grüsse|freundliche grüße|herzliche grüße|schöne grüße|danke|vielen dank|bis bald|grüezi|groet|met vriendelijke groeten|vriendelijke groet|hartelijke groet|mvg|dank|bedankt|tot snel|un saluto|a presto|distinti saluti|buona giornata|un caro saluto|grazie mille)\s*[,.!]*\s*$/i;

export function isDelimiter(line: string): boolean {
  const t = line.trim();
  if (t.length < 2) return false;
  return /^[-_=*#~+.·•—–]+$/.test(t) && !/^\.{2,3}$/.test(t);
}

export function isQuote(line: string): boolean {
  return /^\s*>/.test(line);
}

/** Length in lines of a reply header ("On ... wrote:") starting at i, or 0. */
export function replyHeaderAt(lines: string[], i: number): number {
  const first = lines[i] ?? '';
  if ((WROTE.test(first) || (ON_START.test(first) && WROTE_NAME.test(first))) && (ON_START.test(first) || /<[^>]+@|@|\d{1,2}:\d{2}|\d{4}/.test(first) || first.length < 120)) return 1;
  if (!ON_START.test(first)) return 0;
  // Older Gmail: "2013/7/20 Sam via Discourse <info@discourse.org>" on its own line.
  if (/^\s*\d{4}[./-]\d{1,2}[./-]\d{1,2}\s+\S.{0,80}<[^<>\s]+@[^<>\s]+>\s*:?\s*$/.test(first)) return 1;
  // Gmail's "2016-03-03 17:21 GMT+01:00 Some One <…>:" (the address is sometimes lost in conversion).
  if (/^\s*\d{4}-\d{2}-\d{2}\s+\d{1,2}:\d{2}\s+GMT[+-]\d{1,2}:\d{2}\s+\S/.test(first)) return 1;
  let joined = first;
  // A dated header line ("On Thu, 31 Mar 2016 at 11:16 Some One") may be wrapped over blank lines by the client.
  const reach = /\d{1,2}:\d{2}/.test(first) ? 4 : 3;
  // A line of the reply itself ("Tue 2pm or Wed 10am", "Mon 9am works") is not a header's start when the
  // real header ("On ... wrote:") begins on a following line, nor when it reads as a finished sentence.
  if (!ON_WORD.test(first) && /[.!?]\s*$/.test(first)) return 0;
  // "El jueves a las 12 está bien.", "Am Dienstag passt es.", "Le mardi 17 mars, plutôt 14h30 si possible.": a reply
  // sentence that starts with a header's first word is finished, and carries neither a year nor a clock time of its own.
  if (ON_WORD.test(first) && /[.!?]\s*$/.test(first) && !/\b(?:19|20)\d{2}\b|\d{1,2}:\d{2}/.test(first)) return 0;
  for (let k = 1; k <= reach && i + k < lines.length; k++) {
    const next = lines[i + k] ?? '';
    // The real header starts on a following line: this line is the reply's (a header never holds a second start).
    if (ON_WORD.test(next) || (!ON_WORD.test(first) && ON_START.test(next) && WROTE.test(next))) return 0;
    // "On Thursday." above a quoted "> On May 17, … wrote:": the quote has its own header; this line is the reply.
    if (isQuote(next) && /[.!?]\s*$/.test(first)) return 0;
    if (!next.trim() && k > 1 && (reach === 3 || !(lines[i + k - 1] ?? '').trim())) break;
    joined += ' ' + next.trim();
    // "Am Fr., 21. Nov. 2025 um 15:34 Uhr schrieb Tom Becker\n<tom.becker@seller.io>:": the address wrapped to the next line.
    if (WROTE.test(joined) || WROTE_ANYWHERE.test(next) || (ON_WORD.test(first) && WROTE_NAME.test(joined))) return k + 1;
  }
  return 0;
}

/** True when line i starts an Outlook-style header block (From: followed by Sent:/To:/Subject:). */
export function headerBlockAt(lines: string[], i: number): boolean {
  if (!HEADER_KEY.test(lines[i] ?? '')) return false;
  let hits = 0;
  for (let k = 1; k <= 5 && i + k < lines.length; k++) {
    if (HEADER_NEXT.test(lines[i + k] ?? '')) hits++;
  }
  return hits >= 1;
}

export function isSeparator(line: string): boolean {
  return SEPARATOR_LINES.some((re) => re.test(line));
}

/**
 * A note that hands on someone's answer forwarded below it: a pointer to the forwarded part ("below", "forwarding",
 * "a continuación", "abaixo", "ci-dessous", "anbei", "hieronder", "qui sotto") and, in the same sentence, the answer it
 * points to ("note", "reply", "availability", "respuesta", "resposta", "réponse", "Rückmeldung", "antwoord", "risposta").
 * A forwarded agenda or schedule is no answer ("here is my schedule below" names none).
 */
const FORWARD_POINTER = /(?<![\p{L}])(?:below|beneath|underneath|forward(?:ing|ed)?|passing\s+(?:on|along)|abajo|debajo|a\s+continuaci[oó]n|reenv[ií]o|remito|traslado|abaixo|a\s+seguir|encaminh\p{L}*|reencaminh\p{L}*|repasso|segue[m]?|ci-dessous|ci-apr[eè]s|plus\s+bas|transf[eè]re|transmets|fais\s+suivre|unten|untenstehend\p{L}*|nachstehend\p{L}*|anbei|weiter(?:geleitet|leiten)|leite\s+(?:\p{L}+\s+){0,4}weiter|hieronder|onderstaand\p{L}*|doorgestuurd|stuur\s+(?:\p{L}+\s+){0,4}door|qui\s+sotto|di\s+seguito|sotto|inoltro|inoltrato|giro)(?![\p{L}])/iu;
const FORWARD_ANSWER = /(?<![\p{L}])(?:note|reply|answer|response|availability|message|e-?mail|feedback|confirmation|respuesta|contestaci[oó]n|disponibilidad|mensaje|correo|nota|confirmaci[oó]n|resposta|disponibilidade|mensagem|retorno|confirma[cç][aã]o|r[eé]ponse|disponibilit[eé]s?|courriel|retour|r[uü]ckmeldung|antwort|nachricht|verf[uü]gbarkeit|zusage|best[aä]tigung|antwoord|reactie|beschikbaarheid|bericht|bevestiging|terugkoppeling|risposta|disponibilit[aà]|messaggio|riscontro|conferma)(?![\p{L}])/iu;

/** The answer named as the rep's own ("your message", "votre demande", "Ihre Nachricht"): the rep's mail forwarded on. */
const YOURS_BEFORE = /(?<![\p{L}])(?:your|tu|tus|vuestr[oa]s?|teu|tua|teus|tuas|vossa|votre|vos|ton|ta|tes|ihre[nmrs]?|deine[nmrs]?|eure[nmrs]?|uw|jouw|tuo|tuoi|vostr[oaie])\s+$/iu;

export function forwardNote(text: string): boolean {
  // A title's full stop ends no sentence: "Please find below Mr. Al-Amin's reply" is one sentence.
  return text.replace(/\s*\n\s*/g, ' ').split(/(?<=[.!?])(?<!(?<![\p{L}])(?:Mr|Mrs|Ms|Dr|Prof|Sr|Sra|Srta|Hr|Fr|M|Mme|Mlle|Me|Ing|Dott|Dott\.ssa|Sig|Sig\.ra|Dhr|Mevr|St)\.)\s+(?=\p{Lu})/u).some((s) => {
    if (!FORWARD_POINTER.test(s)) return false;
    return [...s.matchAll(new RegExp(FORWARD_ANSWER.source, 'giu'))].some((m) => !YOURS_BEFORE.test(s.slice(Math.max(0, (m.index ?? 0) - 20), m.index)));
  });
}
