import { DateTime } from 'luxon';
import type { InboundMessage, ParsedReply, ProposedTime, TimeInterval } from '../types.js';
import { resolveAcceptance } from './accept.js';
import { dropBoilerplate, dropHoursLines } from './boilerplate.js';
import { classifyAutomatic, looksLikeOooBody } from './automatic.js';
import { laterAbsence } from './away-span.js';
import { assessCertainty, orderCorrections } from './certainty.js';
import { weekdayConflict } from './weekday-conflict.js';
import { contextExclusion, dayIsOffered } from './context.js';
import { asksForTimes, matchVagueRange, prefersPartOfDay, SOMETIME_AFTER, WEEK_OF } from './intent.js';
import { completeFromOffer, sameTimeAfter, shiftFromOffer } from './offer-anchor.js';
import { detectLanguage, withAccents, type LanguageGuess } from './language.js';
import { withThreadLanguage } from './language-thread.js';
import { defersWithoutOffer } from './not-now.js';
import { toEnglishTimes } from './lexicon/index.js';
import { extractReturnDate } from './return-date.js';
import { quotedProposals } from './quoted-offers.js';
import { readStopIntent } from './stop-intent.js';
import { prepareTimeText } from './prepare-text.js';
import { extractTimes, type ExtractedTime } from './times.js';
import { dropSignature, splitReply } from './visible-text.js';
import { dayFirstInCanada, numericOrderKnown } from './zones.js';

export { extractVisibleText, splitReply } from './visible-text.js';
export { classifyAutomatic } from './automatic.js';
export { extractTimes } from './times.js';
export type { ExtractedTime } from './times.js';
export { extractReturnDate } from './return-date.js';
export { htmlToText } from './html.js';
export { isValidZone } from './zones.js';
export { detectLanguage, LANGUAGES, type Lang } from './language.js';
export { toEnglishTimes } from './lexicon/index.js';

export interface ParseReplyInput {
  message: InboundMessage;
  /** The prospect's IANA zone. */
  timeZone: string;
  /** The prospect's country (ISO 3166-1 alpha-2): numeric dates are read in its order (US 12/3, elsewhere 3/12). */
  country?: string | null;
  /** Slots the worker offered in this thread (for "yes, that works" / "the second one"). */
  offeredSlots?: TimeInterval[];
  /** The rep's address: a message from the rep is never read as the prospect's answer. */
  repEmail?: string;
  /** The rep's IANA zone: "2pm your time" is read in it. */
  repTimeZone?: string;
}

/** What the prospect said and when they want to talk. Pure: reference time is message.date. */
export function parseReply(input: ParseReplyInput): ParsedReply {
  const { message, timeZone: zone } = input;
  const ref = message.date;
  const split = splitReply({ text: message.text, html: message.html, from: message.from.email, rep: input.repEmail ?? null });
  const visibleText = split.visible;
  const fullBody = `${message.text ?? ''}\n${reportParts(message.raw)}`;
  // What the prospect wrote: the visible text without a company's legal footer.
  const unfooted = dropBoilerplate(visibleText);
  // Once the footer is gone, the name card above it is the last block: drop it too (its office hours are no proposal).
  const written = dropHoursLines(unfooted === visibleText ? unfooted : dropSignature(unfooted));
  const language = withThreadLanguage(detectLanguage(written || message.text || '', message.headers['content-language']), written, split.quoted);
  // "quarta nao rola": the words typed without their accents read as the language spells them.
  const said = withAccents(written, language.lang);
  const timeText = prepareTimeText(toEnglishTimes(said, language.lang, language.reliable ? null : language.runnerUp), ref, zone);
  const base = { proposals: [], ambiguous: false, alternatives: [], returnDate: null, range: null, visibleText, certain: true, uncertain: [], language: language.lang };
  const how = `language ${language.lang}${language.reliable ? '' : ' (unsure)'} (${language.source})`;

  const auto = classifyAutomatic(message.headers, message.subject, fullBody);
  if (auto.kind === 'bounce') return { ...base, kind: 'bounce', explain: auto.explain };
  const stop = readStopIntent(said);
  // A person writing they are away "…, and after that gladly" is arranging a time, not an auto-reply.
  // "I'll reply when I return" is the auto-reply's own promise, not an offer to talk after the absence.
  // "Danach bin ich wieder erreichbar", "after that I'm back in the office": the notice's own way back is no invitation.
  const personAway = auto.kind !== 'ooo' && afterAbsenceInvites(timeText) && !REPLY_ON_RETURN.test(timeText);
  // "je suis en congé la semaine prochaine, on peut se voir jeudi 27 à 10h ?": a person asking about a day and time is
  // arranging a meeting; an auto-reply without its header asks nothing of the kind.
  const asksForTime = /[^.!?\n]*(?:\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|tomorrow|overmorrow)\b[^.!?\n]*\d|\d[^.!?\n]*\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|tomorrow|overmorrow)\b)[^.!?\n]*\?/i.test(timeText);
  // "estou de férias de 2 a 20 de agosto" written in July: a person telling of a later absence (an auto-reply runs during it).
  const awayLater = auto.kind !== 'ooo' && looksLikeOooBody(visibleText) ? laterAbsence(said, ref, zone) : null;
  if (auto.kind === 'ooo' || (looksLikeOooBody(visibleText) && stop.kind !== 'optout' && !personAway && !asksForTime && !awayLater)) {
    const source = visibleText || message.text || '';
    // "Ab 7. Jänner bin ich wieder erreichbar" rewritten as "after 7:00 January": when the reply as written reads a later
    // return than its rewrite, the rewrite lost a day of return (an away notice's return is never before its last day out).
    const returnFrom = (text: string) => {
      const rewritten = extractReturnDate(toEnglishTimes(text, language.lang, language.reliable ? null : language.runnerUp), ref, zone);
      const written = extractReturnDate(text, ref, zone);
      return rewritten && written ? (written > rewritten ? written : rewritten) : rewritten ?? written;
    };
    // "Je suis absente du 3 au 21 août. Retour le lundi 24 août. En cas d'urgence : 01 55 …": a phone number makes the
    // away notice look like a signature; the return date is still the notice's.
    const returnDate = returnFrom(source) ?? (split.signature ? returnFrom(`${source}\n${split.signature}`) : null);
    const explain = auto.kind ? auto.explain : ['out-of-office wording in the body'];
    return { ...base, kind: 'ooo', returnDate, explain: [...explain, how, returnDate ? `return date ${returnDate}` : 'no return date stated'] };
  }
  if (input.repEmail && message.from.email.toLowerCase() === input.repEmail.toLowerCase()) {
    return { ...base, kind: 'other', explain: ['sent by the rep, not the prospect'] };
  }
  if (stop.kind === 'optout') return { ...base, kind: 'optout', explain: [how, `opt-out wording "${stop.cues.join('", "')}"`] };
  // "No budget before then, let's talk again in the spring": a no for now, with a later time to talk, is a vague range.
  const notYet = stop.kind === 'decline' && stop.cues.every((c) => NOT_YET.test(c)) && TALK_AGAIN.test(said)
    ? matchVagueRange(timeText, ref, zone, (a, b) => contextExclusion(timeText, a, b) === null) : null;
  if (notYet) return { ...base, kind: 'vague', range: { start: notYet.start, end: notYet.end }, explain: [how, `decline for now ("${stop.cues.join('", "')}") with a later time to talk: vague range "${notYet.text}"`] };
  if (stop.kind === 'decline' && stop.strong) return { ...base, kind: 'decline', explain: [how, `decline wording "${stop.cues.join('", "')}"`] };

  const read = readTimes(timeText, ref, zone, input, language.lang);
  const { all, explain } = read;
  // The days of the absence the prospect tells of are no time to meet.
  const inAway = (t: ExtractedTime) => awayLater !== null && t.start >= awayLater.start.toJSDate() && t.start <= awayLater.end.toJSDate();
  const future = read.future.filter((t) => !inAway(t));
  if (future.length < read.future.length) explain.push(`${read.future.length - future.length} time(s) inside the absence told of ignored`);
  explain.unshift(how);

  const candidates = input.offeredSlots?.length
    ? input.offeredSlots.map((s) => ({ start: s.start, end: s.end, text: 'offered slot' }))
    : quotedProposals(split.quoted, ref, zone);
  // "Would an hour later work?", "Selber Tag, eine Stunde später?": the quoted offer moved, when the reply names no
  // time of its own (chrono's "an hour later" from now is no time of the prospect's).
  const moved = future.every((t) => t.grain === 'range' || RELATIVE_SHIFT.test(t.text)) ? shiftFromOffer(said, candidates, ref, zone) : null;
  if (moved) {
    const uncertain = moved.ambiguous ? moved.rules.filter((r) => /ambiguous/.test(r)).map((r) => `ambiguous: ${r}`) : [];
    return { ...base, kind: 'proposal', proposals: [toProposed(moved)], ambiguous: moved.ambiguous, alternatives: moved.alternatives, certain: uncertain.length === 0, uncertain, explain: [...explain, ...moved.rules, 'resolved against the quoted proposal'] };
  }
  const accepted0 = resolveAcceptance(`${said}\n${timeText}`, future, candidates, zone, input.repTimeZone);
  // "nach Ostern gerne nochmal melden", "volgende maand schikt beter": a yes-word beside a range of the reply's own that
  // holds none of the offered slots is a later time asked for, not the offer accepted.
  const ownRange = accepted0 && /^acceptance "/.test(accepted0.rule) ? matchVagueRange(timeText, ref, zone, (a, b) => contextExclusion(timeText, a, b) === null) : null;
  const accepted = ownRange && !candidates.some((c) => c.start >= ownRange.start && c.start < ownRange.end) ? null : accepted0;
  if (accepted) {
    const uncertain = accepted.ambiguous ? [`ambiguous: ${candidates.length} slots were offered and the reply does not say which`] : [];
    return { ...base, kind: 'proposal', proposals: accepted.proposals, ambiguous: accepted.ambiguous, alternatives: accepted.alternatives, certain: uncertain.length === 0, uncertain, explain: [...explain, accepted.rule, input.offeredSlots?.length ? 'resolved against offeredSlots' : 'resolved against the quoted proposal'] };
  }

  // A part of the day with no day ("any day next week, in the afternoon") belongs to the range named, not to today.
  const range0 = matchVagueRange(timeText, ref, zone);
  // "Di mattina è meglio per me": a part of the day preferred in general is no morning of its own (it read as tomorrow's).
  const prefers0 = prefersPartOfDay(said);
  const partOnly = (t: ExtractedTime) => /^(?:(?:in|during)\s+)?(?:the\s+)?(?:morning|afternoon|evening)s?$/i.test(t.text.trim());
  // "maybe the week of the 14th?": the day names a week asked for, not a day offered.
  const weekOf = [...timeText.matchAll(new RegExp(WEEK_OF.source, 'giu'))].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const);
  const sometimeAfter = [...timeText.matchAll(new RegExp(SOMETIME_AFTER.source, 'giu'))].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const);
  const inWeekOf = (t: ExtractedTime) => t.grain === 'day' && [...weekOf, ...sometimeAfter].some(([a, b]) => t.index < b && t.index + t.text.length > a);
  const specific0 = orderCorrections(future.filter((t) => !inWeekOf(t) && (t.grain !== 'day' || !matchVagueRange(t.text, ref, zone)) && !((range0 || prefers0) && partOnly(t)) && (!t.rules.some((r) => /part of day|a day without a time/.test(r)) || dayIsOffered(timeText, t.index, t.index + t.text.length) || PLEASE_AFTER.test(timeText.slice(t.index + t.text.length)) || sameTimeAfter(timeText.slice(t.index + t.text.length)))), timeText, zone);
  // "2pm is good", "Tuesday, same time?": the half the reply leaves out comes from the rep's quoted offer.
  const specific = completeFromOffer(specific0, `${said}\n${timeText}`, candidates, ref, zone, all);
  // "board mtg thurs at 3, will get back to u", "mein Sohn hat Mittwoch um 8 Zahnarzt … Melde mich": the week told to
  // explain "not now", with a promise to write later and no time invited, offers none of the times it names.
  const notNow = specific.length > 0 ? defersWithoutOffer(said) : null;
  if (notNow) explain.push(`${specific.map((t) => `"${t.text}"`).join(', ')} ignored: the reply defers ("${notNow}") and invites no time`);
  if (specific.length > 0 && !notNow) {
    const proposals = specific.map(toProposed);
    const alternatives = specific.flatMap((t) => t.alternatives);
    const ambiguous = specific.some((t) => t.ambiguous);
    const uncertain = assessCertainty({ times: specific, text: timeText, ref, zone, language, hasRepZone: Boolean(input.repTimeZone), other: otherReading(said, language, ref, zone, input, specific) });
    // "Thursday 19th May" when the 19th is a Wednesday: ask which, with both readings offered.
    const clash = specific[0] ? weekdayConflict(specific[0].text, specific[0].start, specific[0].end, zone) : null;
    if (clash) {
      uncertain.push(clash.reason);
      alternatives.unshift(clash.alternative);
    }
    return { ...base, kind: 'proposal', proposals, ambiguous, alternatives, certain: uncertain.length === 0, uncertain, explain: [...explain, ...specific.flatMap((t) => t.rules.map((r) => `"${t.text}": ${r}`))] };
  }
  if (stop.kind === 'decline') return { ...base, kind: 'decline', explain: [how, `decline wording "${stop.cues.join('", "')}"`] };
  // A range inside a deadline, a past report or the prospect's own busy time ("we need it by the end of the week",
  // "esta semana voy muy justo") is no time offered to talk.
  // "resend it by the end of the week": a range after "by" is a deadline.
  const range = matchVagueRange(timeText, ref, zone, (a, b) => contextExclusion(timeText, a, b) === null && !/(?<![\p{L}])by\s+(?:the\s+)?$/iu.test(timeText.slice(Math.max(0, a - 8), a)));
  if (range) {
    return { ...base, kind: 'vague', range: { start: range.start, end: range.end }, explain: [...explain, `vague range "${range.text}"`] };
  }
  // "I'm traveling until the 30th, can we connect after that?": the two weeks after the absence.
  const absence = all.find((t) => t.excluded === 'absence');
  if (absence && afterAbsenceTalk(timeText)) {
    const start = DateTime.fromJSDate(absence.end ?? absence.start, { zone }).startOf('day').plus({ days: 1 });
    if (start.toJSDate() > ref) {
      return { ...base, kind: 'vague', range: { start: start.toJSDate(), end: start.plus({ days: 14 }).toJSDate() }, explain: [...explain, `after an absence until "${absence.text}": the two weeks that follow`] };
    }
  }
  // "Happy to chat. What times do you have?": interest, with the times left to the rep.
  const asks = asksForTimes(said);
  if (asks) return { ...base, kind: 'vague', explain: [...explain, `asks for times ("${asks}"): no range named`] };
  // "Mornings are generally better for me": interest, with a part of the day preferred and the day left to the rep.
  if (prefers0) return { ...base, kind: 'vague', explain: [...explain, `prefers a part of the day ("${prefers0}"): no day named`] };
  return { ...base, kind: 'other', explain: [...explain, 'no time, opt-out, decline or auto-reply found'] };
}

/** "vendredi svp, mardi je skie", "Friday please": a day asked for by name, whatever else the line says. */
const PLEASE_AFTER = /^\s*,?\s*(?:please|pls|plz|svp|s['’]il\s+(?:vous|te)\s+pla[iî]t|por\s+favor|bitte|graag|alsjeblieft|aub|per\s+favore|pf)(?![\p{L}])/iu;

/** A phrase read relative to now ("an hour later", "a day later"): when the reply moves the offer, not a time of its own. */
const RELATIVE_SHIFT = /\b(?:later|earlier|sooner|after|before|hours?|days?)\b/i;

/** Declines about timing or money only ("no budget yet", "not a priority right now"), which a later date can lift. */
const NOT_YET = /budget|presupuesto|orçamento|verba|bilancio|priorit|timing|right\s+time|moment|zeitpunkt|tijdstip|for\s+now|right\s+now|por\s+ahora|per\s+ora|pour\s+l['’]instant|vorerst|voorlopig|por\s+agora/i;
/** Talking again later: "let's talk again", "nochmal sprechen", "on en reparle", "ne riparliamo", "volvemos a hablar". */
const TALK_AGAIN = /(?<![\p{L}])(?:(?:talk|speak|chat|connect|touch\s+base)\s+again|circle\s+back|revisit|reconnect|follow\s+up|check\s+back|(?:noch(?:mal|\s+einmal)|erneut|wieder)\s+(?:\p{L}+\s+)?(?:sprechen|telefonieren|melden|austauschen)|(?:sprechen|melden|telefonieren)\s+(?:\p{L}+\s+)?(?:noch(?:mal|\s+einmal)|erneut|wieder)|volv(?:emos|amos|eremos)\s+a\s+hablar|retom\p{L}+|hablamos\s+(?:de\s+nuevo|otra\s+vez|más\s+adelante)|voltamos\s+a\s+falar|falamos\s+(?:de\s+novo|novamente|mais\s+(?:tarde|para\s+frente))|vamos\s+falar|reparl\p{L}+|recontact\p{L}+|revenez\s+vers\s+moi|opnieuw\s+(?:spreken|contact)|weer\s+contact|(?:laten\s+we|we)\s+\p{L}+\s+(?:\p{L}+\s+)?(?:oppakken|spreken)|riparl\p{L}+|risentiamo\p{L}*|sentiamoci|ricontatt\p{L}+)(?![\p{L}])/iu;

/** An away message promising an answer on return: "I'll reply when I return", "te contesto a la vuelta", "je vous répondrai à mon retour". */
const REPLY_ON_RETURN = /(?<![\p{L}])(?:(?:i['’]ll|i\s+will|i\s+shall)\s+(?:\p{L}+\s+)?(?:reply|respond|answer|get\s+back\s+to\s+you|read|deal\s+with|look\s+at)|(?:te|le|les|os)\s+(?:contesto|contestaré|respondo|responderé)|(?:responderei|respondo|te\s+respondo)|je\s+vous\s+répondrai|je\s+(?:te\s+|vous\s+)?réponds|ich\s+(?:antworte|melde\s+mich)|(?:beantworte|antworte)\s+ich|ik\s+(?:reageer|antwoord|beantwoord)|(?:reageer|antwoord|beantwoord)\s+ik|(?:ti|le|vi)\s+risponderò|risponderò)(?![\p{L}])/iu;

const AFTER_ABSENCE = /\b(?:after\s+(?:that|then|this)|afterwards|when\s+i(?:'m|\s+am)\s+back|once\s+i(?:'m|\s+am)\s+back|after\s+i(?:'m|\s+am)\s+back|(?:after|when|once)\s+i\s+(?:return|get\s+back))\b|(?<![\p{L}])(?:después|luego|a\s+la\s+vuelta|depois|na\s+volta|après|au\s+retour|danach|nach\s+meiner\s+rückkehr|daarna|na\s+terugkomst|dopo|al\s+(?:mio\s+)?rientro)(?![\p{L}])/iu;

/** The notice's way back after its "danach", "after that", "daarna": back, reachable, in the office again. */
const BACK_AFTER = /^[^.!?\n]{0,40}?(?<![\p{L}])(?:back|return\p{L}*|reachable|available\s+again|wieder|zurück|weer|terug|de\s+retour|de\s+nouveau|di\s+nuovo|rientr\p{L}*|tornerò|torno|regress\p{L}*|regreso|de\s+volta|de\s+vuelta|vuelvo|volto|estarei\s+(?:disponível|contactável)|estaré\s+disponible|sarò\s+(?:raggiungibile|disponibile)|je\s+serai\s+(?:joignable|disponible))(?![\p{L}])/iu;

/** "…, and after that gladly": an after-absence word that is not followed by the notice's own way back. */
function afterAbsenceInvites(text: string): boolean {
  return [...text.matchAll(new RegExp(AFTER_ABSENCE.source, 'giu'))].some((m) => !BACK_AFTER.test(text.slice((m.index ?? 0) + m[0].length)) && !busyAfter(text, m));
}

/** "danach steht die Migration an", "after that we have the audit", "dopo c'è la chiusura": the time after is taken too. */
const TAKEN_AFTER = /^[^.!?\n]{0,50}?(?<![\p{L}])(?:steh(?:t|en)\s+(?:[^.!?\n]{0,40}\s)?an|kommt|kommen|folg(?:t|en)|(?:haben|habe)\s+(?:wir|ich)|(?:we|i)\s+(?:have|['’]ve\s+got)|there\s+(?:is|are)|there['’]s|comes|starts|begins|nous\s+avons|j['’]ai|il\s+y\s+a|commence|enchaîn\p{L}+|tenemos|tengo|hay|viene|empieza|comienza|temos|tenho|há|vem|começa|abbiamo|ho|c['’]è|ci\s+sono|inizia|arriva|hebben\s+we|heb\s+ik|staat|komt|begint)(?![\p{L}])/iu;
/** Words that make the time after the absence an offer after all ("danach habe ich Zeit", "after that I have time to talk"). */
const FREE_AFTER = /(?<![\p{L}])(?:zeit|gern\p{L}*|time|free|happy|glad|talk|call|chat|speak|available|meet|slots?|disponible|libre|tiempo|tempo|temps|volontiers|gusto|tijd|graag|disponível|livre|disponibile|volentieri|sentirci|parler|hablar|falar|sprechen|telefonieren|spreken|termin\p{L}*|appel|llamada|chamada|chiamata|reuni\p{L}+|riunione|rendez-vous|afspraak)(?![\p{L}])/iu;

function busyAfter(text: string, m: RegExpMatchArray): boolean {
  const rest = text.slice((m.index ?? 0) + m[0].length);
  const clause = /^[^.!?\n]*/.exec(rest)?.[0] ?? '';
  return TAKEN_AFTER.test(rest) && !FREE_AFTER.test(clause);
}

/** An after-absence word that is not followed by something else taking that time ("danach steht die Migration an"). */
function afterAbsenceTalk(text: string): boolean {
  return [...text.matchAll(new RegExp(AFTER_ABSENCE.source, 'giu'))].some((m) => !busyAfter(text, m));
}

function readTimes(timeText: string, ref: Date, zone: string, input: ParseReplyInput, lang: string): { all: ExtractedTime[]; future: ExtractedTime[]; explain: string[] } {
  // A reply to a meeting request is a scheduling context by construction: the conventions always apply.
  const all = extractTimes(timeText, ref, zone, { scheduling: true, strictZoneCase: lang !== 'en', numericOrderSure: numericOrderKnown(lang, zone, input.country), dayFirst: dayFirstInCanada(lang, zone, input.country), ...(input.country ? { country: input.country } : {}), ...(input.repTimeZone ? { yourZone: input.repTimeZone } : {}) });
  // "the webinar on Oct 14 at 11am" written on 19 Oct: a date without a year that fell in the last two months is a
  // past event, not a meeting in eleven months' time.
  for (const t of all) if (!t.excluded && t.dated && recentlyPast(t, ref, timeText)) t.excluded = 'past wording';
  const usable = all.filter((t) => !t.excluded && t.grain !== 'range');
  const future = usable.filter((t) => isFuture(t, ref)).map((t) => clip(t, ref));
  const explain: string[] = all.filter((t) => t.excluded).map((t) => `"${t.text}" ignored (${t.excluded})`);
  if (usable.length > future.length) explain.push(`${usable.length - future.length} time(s) in the past ignored`);
  return { all, future, explain };
}

/** The first start read with the runner-up language's grammar, when the detector was unsure; null when the same. */
function otherReading(visible: string, language: LanguageGuess, ref: Date, zone: string, input: ParseReplyInput, mine: ExtractedTime[]): Date | null {
  if (language.reliable || !language.runnerUp) return null;
  const theirs = readTimes(toEnglishTimes(visible, language.runnerUp), ref, zone, input, language.runnerUp).future[0];
  const first = mine[0];
  // Only a reading as complete as ours that lands elsewhere is a doubt (a runner-up that reads less is no rival).
  if (!theirs || !first || theirs.grain !== 'minute' || (first.dated && !theirs.dated) || theirs.start.getTime() === first.start.getTime()) return null;
  return theirs.start;
}

/** Read as next year only because the day already passed this year, within the last ~65 days, with no year written. */
function recentlyPast(t: ExtractedTime, ref: Date, text: string): boolean {
  const days = (t.start.getTime() - ref.getTime()) / 86_400_000;
  if (days <= 300) return false;
  const phrase = text.slice(t.index, t.index + t.text.length);
  return !/\b(?:19|20)\d{2}\b|next\s+year|'\d{2}\b/i.test(phrase);
}

function toProposed(t: ExtractedTime): ProposedTime {
  return { start: t.start, end: t.end, text: t.text };
}

function isFuture(t: ExtractedTime, ref: Date): boolean {
  return (t.end ?? t.start).getTime() > ref.getTime();
}

/** A window already running ("this afternoon" said at 2pm) starts at the next quarter hour. */
function clip(t: ExtractedTime, ref: Date): ExtractedTime {
  if (!t.end || t.start.getTime() >= ref.getTime()) return t;
  const q = 15 * 60_000;
  return { ...t, start: new Date(Math.ceil(ref.getTime() / q) * q) };
}

/** Delivery-status parts live only in the raw source (mailparser turns them into attachments). */
function reportParts(raw: string | null | undefined): string {
  if (!raw) return '';
  const m = /^content-type:\s*message\/(?:delivery-status|feedback-report)[\s\S]{0,2000}/im.exec(raw);
  // An attached original message (message/rfc822) is noted too: with a failure subject it marks a bounce or complaint.
  const attached = /^content-type:\s*message\/rfc822/im.exec(raw);
  return [m?.[0], attached?.[0]].filter(Boolean).join('\n');
}

/** YYYY-MM-DD of an instant in a zone (helper for callers and tests). */
export function localDate(d: Date, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).toISODate() ?? '';
}

