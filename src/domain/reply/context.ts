/**
 * The clause around a time phrase, and what it says about that time, in the seven languages:
 * a report about the past ("something came up this morning", "we met on the 3rd"), a deadline ("due December 15
 * at 5pm"), or the prospect being busy then ("Thursday is packed", "I have a board meeting at 2"). Such a time is
 * never a proposal. The text is the reply with its date words already in English (see lexicon/).
 */

import {
  u, PAST, BOOKING, FUTURE, DEADLINE, BUSY, EVENT, NOT_A_MEETING, ERRAND, READ_LATER, WITH_THE_REP, BROUGHT_TO_YOU, COMES_TO_YOU, ASK_TO_MEET, NO_CLOCK_CHANGE, TITLE_BEFORE, POSSESSED, TAG_QUESTION, BEFORE, REASON_BEFORE, SUBORDINATE, WRITE_TO_ME, CLOCK_ONLY, NOW, NAMES_DAY, ANY_BUT, EXCEPTED, WILL_WRITE, BOOTH_NUMBER,
} from './context-cues.js';

export type ContextExclusion = 'past' | 'deadline' | 'busy';

/**
 * Is the line break at `at` one a mail client put inside a sentence? As `unwrapLines` (stop-meaning.ts): a line of 60
 * characters or more ending without punctuation, on a lower-case letter with any letter after the break, or on a letter,
 * digit or comma with a lower-case one after it.
 */
function wrapped(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const line = text.slice(lineStart, at).replace(/[ \t]+$/u, '');
  if (line.length < 60) return false;
  const next = /^[ \t]*(\p{L})/u.exec(text.slice(at + 1))?.[1];
  if (!next) return false;
  const last = line[line.length - 1] ?? '';
  return /\p{Ll}/u.test(last) || (/[\p{L}\p{N},]/u.test(last) && /\p{Ll}/u.test(next));
}

/**
 * Sentence and clause bounds around position i (".", "!", "?", ";", line breaks, dashes, ", but", ", could"); with
 * `joinWrapped`, a line break a mail client put inside a sentence does not end it.
 */
export function clauseAt(text: string, start: number, end: number, joinWrapped = false): { from: number; to: number } {
  // "¿" opens a question, a clause of its own: "El miércoles no puedo, ¿el jueves a la misma hora?".
  // "but" opens one too, with or without a comma: "can't make the 17th sadly but the 18th would be fine?".
  const STOP = /[.!?;\n¿¡]|\s[-–—]\s|\s(?=(?:but|pero|aber|maar|però)\s)|,\s*(?=(?:but|so|could|can|would|will|how|what|maybe|perhaps|instead|(?:i|we)(?:\s+(?:will|can|could|would|should|need)|['’]ll)|pero|mas|mais|aber|maar|ma|però|podemos|pouvons|peut-on|können|kunnen|possiamo|qué|que|¿)(?![\p{L}]))/giu;
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(STOP)) {
    const at = m.index ?? 0;
    // "9.30" or "15.00" is a time, not a full stop.
    if (m[0] === '.' && /\d/.test(text[at - 1] ?? '') && /\d/.test(text[at + 1] ?? '')) continue;
    // "Mr. Lee will be at the fair", "Dr. Rossi", "M. Lefèvre", "Sr. Garza": a title's full stop ends no sentence.
    if (m[0] === '.' && TITLE_BEFORE.test(text.slice(Math.max(0, at - 6), at))) continue;
    // A line a mail client wrapped ("… after our finance committee\nmeets at 4 PM on the 29th") goes on past its break.
    // (Only for what the clause says about the time: whether a bare day is offered keeps to its own line.)
    if (joinWrapped && m[0] === '\n' && wrapped(text, at)) continue;
    // "any day but Monday", "anytime next week but Monday morning": "but" there is "except", inside one clause.
    if (m[0] === ' ' && ANY_BUT.test(text.slice(Math.max(from, at - 40), at))) continue;
    if (at + m[0].length <= start) from = at + m[0].length;
    else if (at >= end) { to = at + (m[0] === '?' ? 1 : 0); break; }
  }
  return { from, to };
}

function spans(re: RegExp, s: string): [number, number][] {
  return [...s.matchAll(new RegExp(re.source, 'giu'))].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
}

/** Distance from the time at `at` to the nearest cue, ignoring cues inside `inside` ("geht" in "geht leider nicht"). */
function nearest(re: RegExp, s: string, at: number, inside: [number, number][] = []): number {
  let best = Infinity;
  for (const [a, b] of spans(re, s)) {
    if (inside.some(([x, y]) => a >= x && b <= y)) continue;
    best = Math.min(best, Math.abs(a - at));
  }
  return best;
}

/**
 * A time named as the day of a conversation or message the prospect thanks for or got: "thanks for the call on Tuesday
 * at 10", "got your voicemail from Monday at 4:15", "merci pour notre échange de mardi à 10h", "danke für das Gespräch
 * am Montag um 10", "dank voor het gesprek van maandag", "gracias por la llamada del lunes", "obrigado pela conversa de
 * segunda", "grazie per la chiamata di lunedì". Meetings and appointments ("thanks for the meeting invite", "danke für
 * den Termin") are left out: they may be the one still to come.
 */
const THANKED_EVENT = new RegExp(`(?<![\\p{L}])(?:${[
  "(?:thanks?|thank\\s+you|many\\s+thanks|cheers|thx|thnx|tnx|tks|ty)\\s+(?:again\\s+|so\\s+much\\s+)?for\\s+(?:the|our|your|today['’]s|yesterday['’]s)\\s+(?:\\p{L}+\\s+)?(?:call|chat|talk|conversation|catch-?up|demo|visit|voice\\s?mail|message|note|e-?mail)(?:\\s+(?:on|from|of|at|last))?",
  "(?:got|received|heard|listened\\s+to|saw|read)\\s+(?:your|the)\\s+(?:voice\\s?mail|voice\\s+message|message|note|e-?mail|mail|text|missed\\s+call)\\s+(?:from|of|on)",
  "merci\\s+(?:encore\\s+|beaucoup\\s+)?(?:pour|de)\\s+(?:notre|votre|ton|cet|cette|l['’]|le|la)\\s*(?:\\p{L}+\\s+)?(?:échange|appel|entretien|conversation|discussion|message|mail|courriel|visite|démo)\\s+(?:de|du|d['’]|le)",
  "(?:danke|vielen\\s+dank|besten\\s+dank|herzlichen\\s+dank)\\s+(?:nochmals\\s+|noch\\s+einmal\\s+)?(?:für|fuer)\\s+(?:das|den|die|ihr|ihren|ihre|dein|deinen|deine|unser|unseren|unsere)\\s+(?:\\p{L}+\\s+)?(?:gespräch|telefonat|anruf|austausch|nachricht|mail|e-mail|besuch|demo)\\s+(?:am|vom|von)",
  "(?:dank|bedankt|dankjewel|dank\\s+je\\s+wel|dank\\s+u\\s+wel|dankuwel)\\s+(?:nogmaals\\s+)?voor\\s+(?:het|ons|je|jouw|uw|de)\\s+(?:\\p{L}+\\s+)?(?:gesprek|gesprekje|telefoontje|belletje|bericht|mailtje|overleg|bezoek|demo)\\s+(?:van|op)",
  "gracias\\s+(?:de\\s+nuevo\\s+)?por\\s+(?:la|el|nuestra|nuestro|tu|su)\\s+(?:\\p{L}+\\s+)?(?:llamada|conversación|charla|mensaje|correo|visita|demo)\\s+(?:del|de|el)",
  "obrigad[oa]\\s+(?:de\\s+novo\\s+)?(?:pela|pelo|por\\s+(?:a|o|nossa|nosso|sua|seu))\\s+(?:\\p{L}+\\s+)?(?:conversa|ligação|chamada|mensagem|papo|visita|demo)\\s+(?:de|da|do|na|no)",
  "grazie\\s+(?:ancora\\s+)?(?:per|della|del|dell['’])\\s*(?:la\\s+|il\\s+|l['’]|nostra\\s+|nostro\\s+|tua\\s+|sua\\s+)?(?:\\p{L}+\\s+)?(?:chiamata|telefonata|chiacchierata|conversazione|messaggio|mail|visita|demo)\\s+(?:di|del)",
].join('|')})\\s*$`, 'iu');

/** "before our", "avant notre", "vor unserem", "antes de nuestra", "antes da nossa", "voor onze", "prima della nostra"… */
const REFERENCE_BEFORE = /(?<![\p{L}])(?:before|after|avant|après|vor|nach|antes\s+d[eao]l?|depois\s+d[aeo]|después\s+d[eao]l?|tras|vóór|na(?=\s+(?:onze|ons|de|het|mijn)\s)|prima\s+del(?:la|l['’])?|prima\s+di|dopo)\s*(?:(?:the|our|my|your|notre|nos|mon|ma|la|le|l['’]|unserem|unserer|unseren|dem|der|meinem|meiner|nuestra|nuestro|mi|la|el|a|o|nossa|nosso|minha|meu|onze|ons|mijn|de|het|nostra|nostro|mia|mio|il)\s*)?$/iu;

/** A promise to write right before a day: "will ping u", "I'll email you on". */
const WILL_WRITE_ON = new RegExp(`(?:${WILL_WRITE.source})\\s*(?:(?:you|u|ya|back)\\s+)?(?:on\\s+)?$`, 'iu');

/** Why the time phrase at [start, end) is not a proposal, from its clause, or null. */
export function contextExclusion(text: string, start: number, end: number): ContextExclusion | null {
  // The phrase may hold its own preposition ("on Tuesday at 10").
  if (THANKED_EVENT.test(text.slice(Math.max(0, start - 90), start) + (/^(?:on|from|of)\s/iu.exec(text.slice(start, end))?.[0] ?? ''))) return 'past';
  // "We staan op de Horecava van 10 t/m 13 januari, stand 4.12": a booth's number is no hour, and the fair's days around
  // it are the fair's.
  if (BOOTH_NUMBER.test(text.slice(Math.max(0, start - 24), end))) return 'busy';
  // "I see an invite for Feb 3 at 2pm in my calendar. I didn't accept that": an invite the prospect disowns is the rep's
  // time, not one the prospect offers or takes.
  if (INVITE_FOR.test(text.slice(Math.max(0, start - 50), start)) && DISOWNED.test(text)) return 'busy';
  const bounds = clauseAt(text, start, end, true);
  let to = bounds.to;
  // A time right after a comma starts its own clause: "Jeudi je suis pris, vendredi à 10h plutôt ?".
  const lead = /,\s*$/.exec(text.slice(bounds.from, start));
  const from = lead ? bounds.from + lead.index + 1 : bounds.from;
  // "Nos conocimos … el miércoles 4 por la tarde, a eso de las 5": an hour with no day after a comma refines the
  // time before it, and the sentence's past wording holds for it too, unless its own part offers it.
  if (lead && !NAMES_DAY.test(text.slice(start, end))) {
    const own = text.slice(from, bounds.to);
    const whole = text.slice(bounds.from, bounds.to);
    const wholeAt = start - bounds.from;
    const wholeOutside = whole.slice(0, wholeAt) + ' '.repeat(end - start) + whole.slice(end - bounds.from);
    if (!FUTURE.test(own.replace(text.slice(start, end), ' ')) && nearest(PAST, wholeOutside, wholeAt) < Infinity && !FUTURE.test(wholeOutside)) return 'past';
  }
  // "Eher Ende Januar, vorher ist hier Jahresabschluss", "late March, before that it's our audit": what follows
  // "before that" is about the time before the one named, so its deadline or busy words are not this time's.
  // "in a couple weeks once our launch is out the door": a clause of its own after the time (once, when, because…)
  // speaks of its own subject; its words are not this time's.
  const sub = SUBORDINATE.exec(text.slice(end, to));
  if (sub) to = end + sub.index;
  const reason = REASON_BEFORE.exec(text.slice(end, to));
  const clause = text.slice(from, reason ? end + reason.index : to);
  const at = start - from;
  const outside = clause.slice(0, at) + ' '.repeat(end - start) + clause.slice(end - from);
  // "Recontactez-moi début janvier, après la clôture": a deadline or a meeting named after "after" or "before" is the
  // reference the time is set against, not the time's own.
  const reference = (a: number) => REFERENCE_BEFORE.test(outside.slice(Math.max(0, a - 30), a));
  if (spans(DEADLINE, outside).some(([a]) => !reference(a))) return 'deadline';
  // "I will revert by EOD", "send it over by Friday 5pm": the phrase holds its own "by", the verb before it makes it a deadline.
  if (/^by\s/iu.test(text.slice(start, end)) && spans(DEADLINE, `${outside.slice(0, at)}by`).some(([a, b]) => b === at + 2 && !reference(a))) return 'deadline';
  if (EXCEPTED.test(text.slice(Math.max(0, start - 60), start))) return 'busy';
  // "Ping me Monday and we'll find a time", "relancez-moi lundi", "schreiben Sie mir am Montag": the day the rep is asked
  // to write, not a time to meet. ("Ping me in a couple of weeks" stays a range to talk in.)
  // "will ping u mon", "I'll email you Thursday": the day the prospect writes, the same.
  if (/(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|\d)/i.test(text.slice(start, end)) && !/weeks?|month|quarter/i.test(text.slice(start, end)) && (WRITE_TO_ME.test(text.slice(Math.max(0, start - 40), start)) || WILL_WRITE_ON.test(text.slice(Math.max(0, start - 40), start)))) return 'busy';
  if (EVENT.test(outside) && !ASK_TO_MEET.test(outside)) return 'busy';
  // "the driver collects them Thursday at 2:30, ok?": a tag question confirms the errand, it asks to meet nobody.
  // "my driver brings me to you Thursday at 10": the prospect comes to the meeting; the driver runs no errand.
  if (ERRAND.test(outside) && !ASK_TO_MEET.test(outside.replace(TAG_QUESTION, ' ')) && !BROUGHT_TO_YOU.test(outside) && !COMES_TO_YOU.test(outside)) return 'busy';
  // "get it into Friday's payment run", "before Thursday's board meeting", "Monday's webinar": a day in the possessive
  // names the day of an errand, an event or a deadline of the prospect's, whatever the clause asks.
  const owner = POSSESSED.exec(text.slice(end))?.[1];
  if (owner && (ERRAND.test(owner) || EVENT.test(owner) || BUSY.test(owner) || DEADLINE.test(owner) || /(?<![\p{L}])(?:run|cycle|batch|close|cut-?off|board|meeting|session)s?(?![\p{L}])/iu.test(owner))) return 'busy';
  // "will read this properly next week": the time the mail is dealt with, unless the clause also offers or asks to talk.
  // "Send me the deck and I'll review it over the weekend": when the reading verb comes before the time, in a part of the
  // clause joined by "and", "then" or a comma, only that part says whether the time is also one to talk ("send me"
  // before it asks for the deck, not a meeting; "Happy to review the numbers Thursday at 2" stays an offer).
  const readAt = READ_LATER.exec(outside)?.index ?? -1;
  const joinAt = readAt >= 0 && readAt < at ? Math.max(-1, ...[...outside.slice(0, readAt).matchAll(/(?:\band\b|\bthen\b|[,;])/giu)].map((m) => (m.index ?? 0) + m[0].length)) : -1;
  const readPart = joinAt >= 0 ? outside.slice(joinAt) : outside;
  if (readAt >= 0 && !WITH_THE_REP.test(readPart) && !ASK_TO_MEET.test(readPart) && !INVITE.test(readPart)) return 'busy';
  // "Wednesday 2pm Arizona time (we don't do daylight saving!)": a zone without clock changes is a remark on the zone.
  // "Tuesday at 9:30 is fine, our clocks go back on Sunday", "ok pour lundi à 10h (on passe à l'heure d'hiver)": a remark
  // in a part of its own, after a part that accepts the time, is an aside to it.
  const notMeeting = (s: string) => NOT_A_MEETING.test(s.replace(NO_CLOCK_CHANGE, ' '));
  const partFrom = Math.max(...[...outside.slice(0, at).matchAll(/[,;()]/g)].map((m) => (m.index ?? 0) + 1), 0);
  const partTo = outside.slice(at + end - start).search(/[,;()]/);
  const part = outside.slice(partFrom, partTo < 0 ? outside.length : at + end - start + partTo);
  const aside = partFrom === 0 && partTo >= 0 && !notMeeting(part) && INVITE.test(part);
  if (notMeeting(outside) && !ASK_TO_MEET.test(outside) && !aside) return 'busy';
  // "Out for the 4th but Tues the 6th at 1:30", "Away on Monday, Tuesday at 10?": a clause opening on the prospect's
  // absence, with no subject, names a day they are out.
  // An apology or sigh before it changes nothing: "Sorry, busy Monday but Tuesday at 3 works".
  if (/^\s*(?:(?:sorry|so\s+sorry|unfortunately|sadly|alas|ugh|argh|ah|oh|nope|hmm+)\s*[,!.:]?\s+)?(?:(?:i['’]m|i\s+am|we['’]re|we\s+are)\s+)?(?:out|away|off|busy|booked(?:\s+up)?|slammed|swamped|travel\p{L}*|tied\s+up)(?:\s+(?:for|on|all|through))?\s+(?:(?:the|this|next)\s+)?$/iu.test(text.slice(from, start))) return 'busy';
  // "after the delivery on Monday, call me Tuesday at 3?": the errand's day is a point of reference, not the time asked for.
  if (new RegExp(`(?<![\\p{L}])(?:after|once|before|until|when)\\s+(?:the|our|your|my|this)\\s+(?:\\p{L}+\\s+)?(?:${ERRAND.source})\\s+(?:(?:is|was|comes|arrives)\\s+)?(?:on\\s+)?$`, 'iu').test(text.slice(Math.max(0, start - 60), start))) return 'busy';
  // "antes del viernes 20 a las 12:00", "avant le 15 décembre à 18h", "before Friday the 20th": a date after "before"
  // is a bound on something to be done, never the start of a meeting. ("before 3pm" alone is the end of a window.)
  if (BEFORE.test(text.slice(Math.max(0, start - 24), start)) && !CLOCK_ONLY.test(text.slice(start, end).trim())) return 'deadline';
  // "I'll be at your office Thursday at 10": the prospect coming to the rep is no travel of their own.
  const comes = spans(COMES_TO_YOU, outside);
  // "lundi 19 à 8h30, avant notre réunion d'équipe", "Tuesday at 9, before our board meeting": a meeting named after
  // "before" or "after" is the reference the time is set against, not the prospect busy at that time.
  // "Na onze aandeelhoudersvergadering, ergens in de tweede helft van de maand": the same before the time, a comma between.
  // "Einen Termin kann ich gerade nicht zusagen, ich melde mich in ein paar Wochen", "can't commit right now, in a few
  // weeks then": a busy cue about now, a comma before the time, is now's.
  const busy = spans(BUSY, outside).filter(([a, b]) => !comes.some(([x, y]) => a < y && b > x) && !(a >= at + (end - start) && REFERENCE_BEFORE.test(outside.slice(Math.max(at + (end - start), a - 30), a))) && !(b <= at && outside.slice(b, at).includes(',') && (reference(a) || NOW.test(outside.slice(a, at)))));
  // A future cue inside a past one ("chat" in "had a great chat") belongs to the past; "will" in a promise to write
  // ("will ping u after") promises no meeting.
  const future = Math.min(nearest(FUTURE, outside, at, [...busy, ...spans(PAST, outside), ...spans(WILL_WRITE, outside)]), nearest(BOOKING, outside, at));
  // "Thursday at 2pm is good, Friday is difficult": a busy cue after another day named later in the clause is that
  // day's, not this time's.
  // "in the coming weeks, right now impossible", "nas próximas semanas, agora estou enrolado": a busy cue after "now" is now's.
  const own = (a: number) => a < at || !(NAMES_DAY.test(outside.slice(at + (end - start), a)) || NOW.test(outside.slice(at + (end - start), a)));
  const busyAt = Math.min(Infinity, ...busy.filter(([a]) => own(a)).map(([a]) => Math.abs(a - at)));
  // "the slides you showed on Tuesday?", "the deck we presented Monday at 2": a past verb right before a day governs it,
  // whatever the question after it asks ("I had Tuesday at 3 in mind", "like we said, Tuesday" are no reports).
  const before = outside.slice(0, at);
  if (NAMES_DAY.test(text.slice(start, end)) && [...spans(PAST, before), ...spans(SHOWN, before)].some(([a, b]) => !REPORTED_CHOICE.test(before.slice(a, b)) && /^\s*(?:(?:it|them|us|me|this|that)\s+)?(?:on\s+)?$/iu.test(before.slice(b)))) return 'past';
  // The nearer cue wins: "Friday evening could work, I'm slammed until then" proposes Friday evening.
  if (busyAt < future) return 'busy';
  return nearest(PAST, outside, at) < future ? 'past' : null;
}

/** An invite named right before the time: "an invite for", "la invitación para el", "le rendez-vous du", "die Einladung für". */
const INVITE_FOR = /(?<![\p{L}])(?:(?:calendar\s+)?invite|invitation|meeting\s+request|calendar\s+(?:hold|entry)|invitación|convite|convocatoria|einladung|termineinladung|uitnodiging|invito)\s+(?:(?:for|on|para|pour|du|für|am|voor|op|per|del|de|do|da)\s+)?(?:(?:the|el|la|le|o|a|den|de|il)\s+)?$/iu;

/** The prospect disowning an invite: "I didn't accept that", "never agreed to it", "no la acepté", "je n'ai pas accepté". */
const DISOWNED = /(?<![\p{L}])(?:(?:didn['’]t|did\s+not|never|haven['’]t|have\s+not)\s+(?:\p{L}+\s+)?(?:accept(?:ed)?|agree(?:d)?|ask(?:ed)?\s+for|book(?:ed)?|request(?:ed)?)|no\s+(?:la\s+|lo\s+)?(?:acepté|pedí|solicité)|nunca\s+(?:la\s+|lo\s+|a\s+|o\s+)?(?:acepté|aceitei)|não\s+(?:a\s+|o\s+)?(?:aceitei|pedi|marquei)|n['’]ai\s+(?:jamais|pas|rien)\s+(?:accepté|demandé)|nicht\s+(?:angenommen|zugesagt|angefragt|bestätigt)|nie\s+(?:angenommen|zugesagt)|niet\s+(?:geaccepteerd|aangenomen|om\s+gevraagd)|nooit\s+(?:geaccepteerd|aangenomen)|non\s+(?:l['’]\s*)?ho\s+(?:mai\s+)?(?:accettat[oa]|chiest[oa])|mai\s+accettat[oa])(?![\p{L}])/iu;

/** Showing or sending in the past, whoever the subject: "your colleague showed", "the deck we shared", "you sent me". */
const SHOWN = /(?<![\p{L}])(?:showed|shown|shared|sent|presented|demoed|demonstrated|gave|handed\s+out|forwarded|e-?mailed|circulated)(?![\p{L}])/iu;

/** Past verbs that report a time chosen or meant, not an event had: "I had … in mind", "we said", "you suggested". */
const REPORTED_CHOICE = /(?:^|\s)(?:had|was|were|did|said|told|mentioned|discussed|suggested|proposed|agreed|wrote|asked|meant|planned|hoped|wanted|thought|figured|offered|settled|chose|picked|set|moved|rescheduled|pushed|shifted|changed)$/iu;

/** Words that offer or accept a day: a question, "works", "passt", "me va", "komt goed uit", "va bene"… */
const INVITE = u([
  // Room in the calendar: "heb ik nog ruimte", "tengo un hueco", "j'ai un créneau", "hab ich noch Luft".
  "room|space|opening|slot|ruimte|plek|hueco|huecos|espaço|vaga|créneau|platz|luft|spazio|posto|momento",
  "time|tiempo|tempo|temps|zeit|tijd|flexib\\p{L}*|flessibil\\p{L}*|works?|good|fine|great|perfect|ok(?:ay)?|best|ideal|better|suits?|free|available|open|could|can|would|let['’]?s|how\\s+about|what\\s+about|prefer|rather|instead|happy\\s+to|please|book|send",
  "me\\s+va|me\\s+viene|perfecto|bien|mejor|podemos|podríamos|puedo|libre|disponible|prefiero|qué\\s+tal|vale",
  "funciona|pode\\s+ser|ótimo|bom|melhor|serve|podemos|posso|livre|disponível|prefiro|que\\s+tal",
  "parfait|convient|marche|dispo(?:nible)?|libre|plutôt|préfère|pouvons|pourrions|peut-on|on\\s+peut",
  "passt|geht|ginge|gerne|gut|ideal|wäre|würde|frei|lieber|können|könnten",
  "komt\\s+(?:\\p{L}+\\s+){0,3}uit|prima|goed|graag|lukt|schikt|kan|kunnen|liever|beschikbaar",
  "va\\s+bene|perfetto|meglio|possibile|possiamo|potremmo|libero|libera|disponibile|preferisco",
  "\\?",
].join('|'));

/**
 * A day named without a time ("Tuesday", "jueves por la tarde") is offered only when its clause says so (a question,
 * "works", "passt", "komt goed uit"…) or the clause is little more than the day ("Thursday." "Dienstagvormittag").
 * "I'll visit the plant on Tuesday" names a day but offers nothing.
 */
export function dayIsOffered(text: string, start: number, end: number): boolean {
  const { from, to } = clauseAt(text, start, end);
  const outside = text.slice(from, start) + ' ' + text.slice(end, to);
  if (INVITE.test(outside) || /\?/.test(text.slice(end, to + 1))) return true;
  return outside.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length <= 3;
}
