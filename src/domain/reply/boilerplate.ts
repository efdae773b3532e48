/**
 * Legal footers and disclaimers a company mail server appends below the signature ("This email is confidential…",
 * "De acuerdo con la normativa de protección de datos… derechos de acceso, rectificación, supresión…"). They name
 * erasure, unsubscribing and dates, but say nothing the prospect wrote: a paragraph of at least 15 words with one of
 * these markers is left out of what the reply is read for.
 */
// The reader's own rights named in the second person ("vous pouvez demander… la suppression de vos données", "you may
// request erasure of your data", "Sie können … Ihre Daten") and the data-protection laws by name mark a notice, not a request.
const MARKERS = /(?<![\p{L}])(?:confidential(?:ity)?|confidentiel(?:le)?s?|RGPD|GDPR|DSGVO|nDSG|LPD|LGPD|UK\s+GDPR|vos\s+données(?:\s+personnelles)?|your\s+(?:personal\s+)?data|Ihre\s+(?:personenbezogenen\s+)?Daten|sus\s+datos(?:\s+personales)?|seus\s+dados(?:\s+pessoais)?|uw\s+(?:persoons)?gegevens|(?:i\s+suoi|i\s+tuoi|vostri)\s+dati(?:\s+personali)?|intended\s+recipient|privileged|disclaimer|received\s+this\s+(?:e-?mail|message)\s+in\s+error|aviso\s+legal|confidencial(?:idad)?|destinatari[oa]s?|protecci[oó]n\s+de\s+datos|prote[cç][aã]o\s+de\s+dados|ejercer\s+(?:sus|los)\s+derechos|exercer\s+(?:vos|os\s+seus|seus)\s+(?:droits|direitos)|vertraulich|datenschutz(?:erklärung|hinweis)|beabsichtigte[nr]?\s+empfänger|riservat[aoe]|informativa\s+(?:sulla\s+)?privacy|vertrouwelijk|geadresseerde|privacyverklaring|this\s+(?:e-?mail|message)\s+(?:and\s+any\s+attachments?\s+)?(?:is|are|may|contains?))(?![\p{L}])/iu;

/** A prospect writing about their own data ("my personal data", "mis datos") is never boilerplate: it may be an erasure request. */
// English "I" only as a capital (FIRST_I): the lower-case "i" is the Italian article ("i Suoi dati").
const FIRST_I = /(?<![\p{L}'’])I(?![\p{L}])/u;
const FIRST_PERSON = /(?<![\p{L}])(?:my|me|mine|mis?|mí|yo|je|mes|mon|ma|moi|ich|meine?[nrms]?|mich|mir|ik|mijn|mij|io|miei|mio|mia|eu|meus?|minhas?)(?![\p{L}])/iu;

/**
 * A company asking, in its own name, for a person's data to be erased ("namens und im Auftrag unseres Mitarbeiters …
 * machen wir hiermit sein Recht auf Löschung geltend. Wir fordern Sie auf …", "we request the erasure of our employee's
 * data", "solicitamos la supresión de sus datos"): a request in the first person plural about erasure is never a notice
 * (a notice tells the reader what they may request, and asks only that a misdirected mail be deleted).
 */
const WE_REQUEST = /(?<![\p{L}])(?:we|wir|nosotros|nous|wij|noi|nós)\s+(?:\p{L}+\s+){0,3}?(?:request|ask|demand|require|hereby|fordern|verlangen|bitten|ersuchen|solicitamos|pedimos|exigimos|requerimos|demandons|exigeons|requérons|sollicitons|verzoeken|eisen|vragen|chiediamo|richiediamo|esigiamo|solicitamos|exigimos)(?![\p{L}])|(?<![\p{L}])(?:solicitamos|pedimos|exigimos|requerimos|fordern\s+wir|verlangen\s+wir|chiediamo|richiediamo|verzoeken\s+wij)(?![\p{L}])/iu;
const ERASURE = /(?<![\p{L}])(?:erasure|right\s+to\s+be\s+forgotten|l[öo]schung|supresi[oó]n|suppression|effacement|elimina[cç][aã]o|apagamento|verwijdering|cancellazione|art(?:icle|ikel|[íi]culo|icolo|igo)?\.?\s*17)(?![\p{L}])/iu;

export function dropBoilerplate(text: string): string {
  return text
    .split(/\n\s*\n/)
    .filter((p) => !(MARKERS.test(p) && !FIRST_PERSON.test(p) && !FIRST_I.test(p) && !(WE_REQUEST.test(p) && ERASURE.test(p)) && p.split(/\s+/).filter(Boolean).length >= 15))
    .join('\n\n');
}

/**
 * A line of office or phone hours in a name card ("Telefonzeiten: Mo–Do 8–16 Uhr", "Office hours: Mon–Fri 9–5",
 * "Horario de atención: L-V 9 a 18h", "Heures d'ouverture", "Openingstijden", "Orari d'ufficio") names the company's
 * hours, never a time offered to meet: it is left out of what the reply is read for times.
 */
const HOURS_LABEL = /^\s*(?:(?:office|opening|business|phone|support|call|service)\s+hours|hours\s+of\s+(?:business|operation)|(?:telefon|büro|geschäfts|öffnungs|sprech|service|erreichbarkeits|bereitschafts)zeiten|erreichbar|horarios?(?:\s+de\s+(?:atención|oficina|apertura|atendimento|funcionamento|expediente))?|horário(?:\s+de\s+(?:atendimento|funcionamento|expediente))?|(?:heures|horaires)(?:\s+d['’](?:ouverture|accueil|bureau))?|permanence(?:\s+téléphonique)?|openingstijden|openingsuren|kantoortijden|kantooruren|atendimento|atención(?:\s+al\s+cliente)?|expediente|funcionamento|suporte|soporte|support|assistenza|servizio\s+clienti|service\s+client|kundenservice|klantenservice|hotline|helpdesk|reception|recepción|recepção|empfang|receptie|bereikbaar|telefonisch\s+bereikbaar|orari(?:o)?(?:\s+(?:d['’]ufficio|di\s+apertura|di\s+lavoro|uffici))?)\s*[:：]/iu;

export function dropHoursLines(text: string): string {
  return text.split('\n').filter((line) => !HOURS_LABEL.test(line)).join('\n');
}
