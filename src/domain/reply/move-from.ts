/**
 * "Can we push Thursday's call to Friday, same time?", "could we move tomorrow's 11:00 to 14:00?", "passar a call de
 * quarta para quinta", "den Termin am Mittwoch auf Donnerstag verschieben", "het gesprek van woensdag naar donderdag
 * schuiven": a meeting moved names its old time first. The old time is what the rep offered (or booked), not the
 * prospect's choice: read as a time it was taken first (or accepted as the offered slot). It is written out of the
 * text the time reader reads; when the new time is a clock time alone ("tomorrow's 11:00 to 14:00", "our 2pm today to
 * 4pm"), it keeps the old time's day.
 */

const DAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight)';
const CLOCK = '(?:\\d{1,2}(?:[:.]\\d{2})?\\s*(?:am|pm|a\\.m\\.|p\\.m\\.|h|uhr|uur)?|noon|midday)';
/** A short phrase of day and clock: "Thursday", "tomorrow's 11:00", "2pm today", "Monday at 9am", "Friday 4pm". */
const WHEN = `(?:${DAY}(?:['’]s)?(?:\\s+(?:at\\s+|@\\s*)?${CLOCK})?|${CLOCK}(?:\\s+(?:on\\s+)?${DAY})?)`;
const NOUN = '(?:call|meeting|chat|demo|slot|session|appointment|sync|catch-?up|conversation|meet|one|booking|time)';
const EN_VERB = '(?:push|move|bump|shift|switch|reschedule|change|slide|postpone|put\\s+off|swap)';
/** "push Thursday's call to", "move our 2pm today to", "bump the Friday 4pm to", "move the call on Thursday to". */
const EN_MOVE = new RegExp(`(?<![\\p{L}])(${EN_VERB}(?:\\s+(?:back|forward|up))?\\s+)(?:(?:our|the|my|your|this|that)\\s+)?(?:(${WHEN})(?:\\s+${NOUN})?|${NOUN}\\s+(?:on|at|for|from)\\s+(${WHEN}))\\s+(?:(?:back|forward)\\s+)?(?:to|till|until)\\s+(?=\\S)`, 'giu');

/** The other languages (their weekdays already English): "de Wednesday para", "van Wednesday naar", "am Wednesday auf". */
const FROM_TO = new RegExp(`(?<![\\p{L}])(?:from|de|du|do|da|van|di|del|dal|am|vom|von)\\s+(${WHEN})\\s+(?:to|à|a|al|para|pra|naar|op|auf|zu|till)\\s+(?=\\S)`, 'giu');
const MOVE_VERB = /(?<![\p{L}])(?:push|move|bump|shift|switch|reschedul\p{L}*|postpone|pasa\p{L}*|cambia\p{L}*|mov(?:e|er|emos|erlo|ere|iamo)|trasladar\p{L}*|pass(?:ar|er|amos|ons|iamo)|décal\p{L}*|decal\p{L}*|report(?:er|ons|ez|é|ée)|déplac\p{L}*|repouss\p{L}*|bascul\p{L}*|verschieb\p{L}*|verschob\p{L}*|verleg\p{L}*|umleg\p{L}*|verzet\p{L}*|verplaats\p{L}*|schuiv\p{L}*|verschuiv\p{L}*|spost\p{L}*|rimand\p{L}*|posticip\p{L}*|adia\p{L}*|mud(?:ar|amos)|remarc\p{L}*|troc\p{L}*)(?![\p{L}])/iu;

const DAY_IN = new RegExp(`(?<![\\p{L}])${DAY}(?![\\p{L}])`, 'iu');
const NEW_HAS_DAY = new RegExp(`^[^.?!\\n]{0,40}?(?<![\\p{L}])(?:${DAY}|next|the\\s+\\d|\\d{1,2}(?:st|nd|rd|th)|\\d{1,2}[/.]\\d{1,2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)(?![\\p{L}])`, 'iu');
const NEW_IS_CLOCK = new RegExp(`^(?:at\\s+|@\\s*)?${CLOCK}(?![\\p{L}\\d])`, 'iu');

/** The sentence around an index: the move verb must be in it. */
function sentenceOf(text: string, at: number, end: number): string {
  const from = Math.max(text.lastIndexOf('.', at), text.lastIndexOf('?', at), text.lastIndexOf('!', at), text.lastIndexOf('\n', at)) + 1;
  const rest = text.slice(end).search(/[.?!\n]/);
  return text.slice(from, rest < 0 ? text.length : end + rest);
}

function replacement(lead: string, old: string, after: string): string {
  // "tomorrow's 11:00 to 14:00": the new clock time on the old day.
  const day = DAY_IN.exec(old)?.[0];
  if (day && NEW_IS_CLOCK.test(after) && !NEW_HAS_DAY.test(after)) return `${lead}to ${day} ${/^(?:at|@)/i.test(after) ? '' : 'at '}`;
  return `${lead}to `;
}

/**
 * "Sorry again for Wednesday. Next Wednesday afternoon I'm free from 2:30", "Désolé pour vendredi. Mercredi je suis
 * dispo entre 14h et 17h": the day apologised for is the meeting missed or cancelled, not a day offered.
 */
const SORRY_FOR = new RegExp(`((?<![\\p{L}])(?:sorry|apologies|apologi[sz]e|désolée?s?|desolee?|pardon|excusez-moi|excuse-moi|entschuldig\\p{L}*|tut\\s+mir\\s+leid|scusa(?:mi|te)?|mi\\s+dispiace|perdón|perdon|perdona|lo\\s+siento|disculp\\p{L}*|desculp\\p{L}*|perdão)(?:\\s+(?:again|once\\s+more|encore|nochmal|noch\\s+einmal|nogmaals|ancora|de\\s+nuevo|otra\\s+vez|de\\s+novo|mais\\s+uma\\s+vez))?\\s+(?:for|about|over|pour|für|wegen|voor|van|per|por|pela|pelo|para)\\s+(?:(?:the|missing|missed|lo\\s+del|lo\\s+de|la|le|el|de|het|il|a|o)\\s+)*)(${WHEN})(?![\\p{L}])`, 'giu');

export function dropMovedFrom(text: string): string {
  return dropMoved(text).replace(SORRY_FOR, '$1that');
}

function dropMoved(text: string): string {
  const en = text.replace(EN_MOVE, (m, lead: string, a: string | undefined, b: string | undefined, at: number, all: string) => replacement(lead, a ?? b ?? '', all.slice(at + m.length)));
  return en.replace(FROM_TO, (m, old: string, at: number, all: string) => {
    if (!MOVE_VERB.test(sentenceOf(all, at, at + m.length))) return m;
    const lead = /^(?:am|vom|von)\s/i.test(m) ? 'auf ' : '';
    return replacement('', old, all.slice(at + m.length)).replace(/^to /, lead || 'to ');
  });
}
