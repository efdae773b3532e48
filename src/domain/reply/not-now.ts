/**
 * "Board meeting Thursday at 3, I'll get back to you", "mein Sohn hat Mittwoch um 8 Zahnarzt … Melde mich", a forwarded
 * agenda ending "Ya te escribiré yo": the prospect tells their own week (or someone else's) to explain "not now" and
 * says they will write later, or that no call is needed. Such a reply offers no time, whatever times it names, unless
 * it also invites one ("?", "works", "suits", "how about", "free", "let's", "passt", "me va", "va bene"…): "Tuesday
 * I'm at the dentist, Wednesday 3pm works? I'll confirm" stays a proposal. Read on the prospect's own words (the cues
 * are idioms of each language, not date words).
 */

const u = (src: string) => new RegExp(`(?<![\\p{L}'’])(?:${src})(?![\\p{L}])`, 'giu');

/** The prospect will write later, says no meeting is wanted now, or shares their week's agenda to explain. */
const DEFERRAL = u([
  // English: "I'll get back to you", "get back to u", "I'll be in touch", "I'll let you know", "I'll reach out", "no call
  // needed", "not ready to meet yet", "no time for a call right now".
  "get\\s+back\\s+to\\s+(?:you|u|ya|y['’]all)|(?:i|we)(?:['’]ll|\\s+will)\\s+(?:\\p{L}+\\s+)?(?:be\\s+in\\s+touch|reach\\s+out|let\\s+you\\s+know|circle\\s+back|come\\s+back\\s+to\\s+you|write\\s+(?:back|again)|revert|follow\\s+up|ping\\s+you|drop\\s+you\\s+a\\s+(?:line|note))|(?:i|we)['’]ll\\s+be\\s+in\\s+touch|will\\s+be\\s+in\\s+touch|(?:no|without\\s+a)\\s+(?:call|meeting|demo|catch-?up)\\s+(?:is\\s+)?(?:needed|necessary|required)|no\\s+need\\s+(?:for\\s+(?:a|the)\\s+(?:call|meeting|demo)|to\\s+(?:meet|talk|speak|chat|call|jump\\s+on))|not\\s+ready\\s+to\\s+(?:meet|talk|speak|chat|schedule|commit|book)|no\\s+time\\s+(?:for\\s+(?:a\\s+)?(?:call|meeting|chat|demo)|right\\s+now|at\\s+the\\s+moment|this\\s+week)|(?:can['’]t|cannot)\\s+(?:commit\\s+to|fit\\s+in|schedule)\\s+(?:anything|a\\s+(?:call|meeting|time))",
  // A reply promised for after the prospect's own errand or trip: "will reply when I land", "te contesto cuando aterrice",
  // "respondo assim que pousar", "je vous réponds à l'atterrissage", "antworte nach der Landung", "ik reageer zodra ik
  // geland ben", "ti rispondo appena atterro".
  "(?:(?:i|we)(?:['’]ll|\\s+will|\\s+shall)?\\s+|will\\s+|['’]ll\\s+)?(?:reply|respond|answer|write\\s+back|get\\s+back)\\s+(?:to\\s+(?:you|u)\\s+)?(?:when|once|after|as\\s+soon\\s+as)|(?:te|le|os|les)\\s+(?:respondo|responderé|contesto|contestaré|escribo|escribiré)\\s+(?:cuando|en\\s+cuanto|al|después)|(?:te\\s+|lhe\\s+|vos\\s+)?(?:respondo|responderei|escrevo|escreverei)\\s+(?:quando|assim\\s+que|ao|depois)|je\\s+(?:vous|te)\\s+(?:réponds|répondrai|réécris|écris|écrirai)\\s+(?:à|en|dès|quand|après|au)|(?:ich\\s+)?(?:antworte|schreibe)\\s+(?:ihnen\\s+|dir\\s+|euch\\s+)?(?:nach|sobald|wenn)|(?:antworte|schreibe)\\s+ich\\s+(?:ihnen\\s+|dir\\s+)?(?:nach|sobald|wenn)|ik\\s+(?:reageer|antwoord|mail|schrijf)\\s+(?:je\\s+|u\\s+)?(?:na|zodra|als|wanneer)|(?:ti|le|vi)\\s+(?:rispondo|risponderò|riscrivo|scrivo)\\s+(?:quando|appena|dopo|all['’]|al)",
  // Spanish: "Ya te escribiré yo", "te aviso", "le escribo", "me pondré en contacto", "no tengo hueco", "no hace falta llamada".
  "(?:ya\\s+)?(?:te|le|os|les)\\s+(?:escribo|escribiré|escribire|aviso|avisaré|avisare|contacto|contactaré|contactare|digo\\s+algo|diré\\s+algo|vuelvo\\s+a\\s+escribir|volveré\\s+a\\s+escribir)(?:\\s+yo)?|me\\s+(?:pondré|pondre|pongo|vuelvo\\s+a\\s+poner)\\s+en\\s+contacto|no\\s+tengo\\s+(?:ni\\s+un\\s+)?(?:hueco|huecos|tiempo)|no\\s+(?:hace\\s+falta|es\\s+necesari[oa]|necesito|necesitamos)\\s+(?:una\\s+|ninguna\\s+)?(?:llamada|reunión|reunion|demo)|no\\s+puedo\\s+nada",
  // Portuguese: "Não consigo nada por agora", "te aviso", "eu te escrevo", "dou retorno", "entro em contato".
  "(?:eu\\s+)?(?:te|lhe|vos)\\s+(?:escrevo|escreverei|aviso|avisarei|procuro|procurarei|retorno|dou\\s+retorno|dou\\s+notícias)|(?:dou|darei)\\s+(?:um\\s+)?retorno|retorno\\s+(?:em\\s+breve|depois|mais\\s+tarde|assim\\s+que)|(?:entro|entrarei|volto\\s+a\\s+entrar)\\s+em\\s+contato|não\\s+consigo\\s+nada|não\\s+tenho\\s+(?:agenda|tempo|espaço)|não\\s+(?:precisa|é\\s+preciso|há\\s+necessidade|preciso)\\s+(?:de\\s+)?(?:ligação|call|reunião|chamada|demo)",
  // French: "je reviendrai vers vous", "je vous recontacte", "je vous tiens au courant", "pas besoin d'appel".
  "je\\s+(?:reviens|reviendrai|reviendrais|repasse)\\s+vers\\s+vous|je\\s+(?:vous|te)\\s+(?:recontacte(?:rai)?|tiens\\s+au\\s+courant|tiendrai\\s+au\\s+courant|fais\\s+signe|ferai\\s+signe|redis|redirai|réécris|réécrirai|écrirai)|je\\s+reprendrai\\s+contact|(?:pas|aucun)\\s+besoin\\s+d['’](?:un\\s+)?(?:appel|échange|entretien|rendez-vous|rdv)|pas\\s+besoin\\s+de\\s+(?:call|rendez-vous|rdv|réunion|démo|nous\\s+appeler|s['’]appeler)|je\\s+n['’]ai\\s+pas\\s+(?:le\\s+)?temps|pas\\s+de\\s+(?:créneau|temps)\\s+(?:pour\\s+l['’]instant|en\\s+ce\\s+moment|pour\\s+le\\s+moment)",
  // German: "Melde mich", "ich gebe Ihnen Bescheid", "ich komme auf Sie zurück", "kein Termin nötig", "keine Zeit".
  "(?:ich\\s+)?melde\\s+mich|(?:ich\\s+)?(?:gebe|geb)\\s+(?:ihnen\\s+|dir\\s+|euch\\s+)?bescheid|(?:ich\\s+)?komme\\s+(?:\\p{L}+\\s+){0,2}auf\\s+(?:sie|dich|euch)\\s+zurück|kein(?:en)?\\s+(?:call|anruf|termin|gespräch|telefonat|meeting)\\s+(?:nötig|notwendig|erforderlich)|(?:habe|hab)\\s+(?:\\p{L}+\\s+)?keine\\s+zeit|keine\\s+zeit\\s+(?:für|im\\s+moment|gerade|diese\\s+woche)",
  // Dutch: "ik laat het weten", "ik neem contact op", "ik kom erop terug", "ik meld me", "geen tijd", "geen call nodig".
  "ik\\s+laat\\s+(?:het\\s+|iets\\s+|u\\s+|je\\s+|jou\\s+)*(?:nog\\s+)?weten|laat\\s+ik\\s+(?:het\\s+|u\\s+|je\\s+)*weten|ik\\s+neem\\s+(?:\\p{L}+\\s+){0,2}contact\\s+(?:met\\s+(?:u|je|jou)\\s+)?op|ik\\s+kom\\s+(?:er\\s+)?(?:\\p{L}+\\s+){0,2}(?:op\\s+)?terug|ik\\s+kom\\s+erop\\s+terug|ik\\s+meld\\s+me|(?:ik\\s+)?heb\\s+(?:\\p{L}+\\s+)?geen\\s+tijd|geen\\s+(?:call|belletje|afspraak|gesprek|meeting)\\s+nodig",
  // Italian: "Ti ricontatto io", "le faccio sapere", "mi faccio sentire", "non ho tempo", "non serve una call".
  "(?:ti|la|vi|le)\\s+(?:ricontatto|ricontatterò|ricontattero|riscrivo|riscriverò)|(?:ti|le|vi)\\s+(?:faccio|farò|faro)\\s+sapere|ti\\s+scrivo\\s+io|mi\\s+(?:faccio|farò)\\s+(?:viv[oa]|sentire)|non\\s+ho\\s+(?:\\p{L}+\\s+)?tempo|non\\s+serve\\s+(?:una\\s+|nessuna\\s+)?(?:call|chiamata|riunione|demo)",
  // A week's agenda shared or forwarded to explain: "here's my schedule", "te reenvío la agenda de la feria", "minha agenda
  // desta semana", "voici mon planning", "mein Wochenplan", "hier is mijn planning", "ti giro il programma del cantiere".
  "(?:here(?:['’]s|\\s+is)|forwarding|sharing)\\s+(?:\\p{L}+\\s+){0,2}(?:my|our|the)\\s+(?:\\p{L}+\\s+)?(?:schedule|agenda|calendar|itinerary|programme|program|timetable|planning)|(?:te|os|le)\\s+(?:reenvío|reenvio|paso|mando|comparto|adjunto)\\s+(?:\\p{L}+\\s+){0,2}(?:mi|la|el|nuestra?)\\s+(?:\\p{L}+\\s+)?(?:agenda|programa|calendario|planning|horario)|(?:te|lhe|vos)\\s+(?:encaminho|repasso|mando|envio|passo)\\s+(?:\\p{L}+\\s+){0,2}(?:minha|a|o|nossa)\\s+(?:\\p{L}+\\s+)?(?:agenda|programação|programa|cronograma)|minha\\s+agenda\\s+(?:desta|da|dessa)\\s+semana|(?:je\\s+vous|je\\s+te)\\s+(?:transfère|fais\\s+suivre|transmets|partage|envoie)\\s+(?:\\p{L}+\\s+){0,2}(?:mon|ma|le|la|notre)\\s+(?:\\p{L}+\\s+)?(?:planning|agenda|programme|emploi\\s+du\\s+temps)|voici\\s+(?:mon|ma|le|notre)\\s+(?:planning|agenda|programme)|(?:hier|anbei)\\s+(?:\\p{L}+\\s+)?(?:mein|meine|unser|unsere|der|die|das)\\s+(?:\\p{L}+\\s+)?(?:wochenplan|terminplan|programm|kalender|agenda|zeitplan)|mein\\s+wochenplan|(?:hier\\s+is|ik\\s+stuur\\s+(?:je|u))\\s+(?:\\p{L}+\\s+)?(?:mijn|de|het|ons|onze)\\s+(?:\\p{L}+\\s+)?(?:agenda|planning|programma|rooster|schema)|(?:ti|le|vi)\\s+(?:inoltro|giro|mando|passo|allego)\\s+(?:\\p{L}+\\s+){0,2}(?:il|la|mio|mia|nostro|nostra)\\s+(?:\\p{L}+\\s+)?(?:programma|agenda|calendario|planning)|ecco\\s+(?:il\\s+mio|la\\s+mia)\\s+(?:programma|agenda)",
].join('|'));

/** Words that offer or ask for a time: a question, "works", "suits", "how about", "free", "let's", "passt", "me va"… */
const INVITATION = u([
  // A time confirmed: "Tuesday at 10 then.", "Thursday 2pm confirmed", "put me down for", "Dienstag 10 Uhr dann."
  "(?:then|dann|entonces|alors|allora|então|dan)(?=\\s*(?:[.!,;\\n]|$))|confirmed|agreed|put\\s+(?:me|us)\\s+down|count\\s+(?:me|us)\\s+in|sounds\\s+good|book(?:ed)?\\s+(?:it|me|us)|confirmado|combinado|confirmé|c['’]est\\s+noté|bestätigt|abgemacht|einverstanden|afgesproken|bevestigd|confermato|d['’]accordo",
  // A time found good: "Thursday 2pm is fine", "me cuadra", "fechado", "c'est bon pour moi", "klappt", "is goed", "per me ok".
  "(?:is|['’]s|sounds|looks|seems)\\s+(?:\\p{L}+\\s+)?(?:fine|good|great|perfect|ok(?:ay)?|best|ideal|better)|good\\s+for\\s+(?:me|us)|(?:to|will)\\s+confirm|me\\s+(?:cuadra|sirve|encaja)|(?:está|es|fica|é)\\s+(?:bien|bom|ótimo|perfect[oa]|bem)|perfect[oa]|fechado|ótimo|(?:para|pour|per|om\\s+te)\\s+(?:confirmar|confirmer|conferma|confermare|bevestigen)|c['’]est\\s+(?:bon|parfait|ok|noté)|parfait|klappt|(?:ist|wäre)\\s+(?:gut|perfekt|ok|in\\s+ordnung)|perfekt|zur\\s+bestätigung|(?:is|lijkt)\\s+(?:me\\s+)?(?:goed|prima|perfect|oké|ok)|prima|per\\s+me\\s+(?:ok|va\\s+bene)|(?:è|mi\\s+va)\\s+(?:bene|perfetto)|benissimo|perfetto",
  // A tentative offer: "maybe Thursday at 2, I'll let you know", "quizás el jueves", "vielleicht Donnerstag".
  "maybe|perhaps|possibly|quizás|quizas|tal\\s+vez|talvez|peut-être|peut-etre|vielleicht|eventuell|misschien|wellicht|forse|magari",
  // A time stated as one's choice, right after it: "Thu 3pm for me", "jueves 15h para mí", "jeudi 15h pour moi", "Do 15
  // Uhr für mich" ("Wednesday is a mess for me" is no choice).
  "(?<=(?:\\d|[ap]\\.?m\\.?|h|uhr|uur|ore|day|tag|dag|dì|es|di)\\s+)(?:for\\s+(?:me|us)|para\\s+(?:mí|mi|nosotros|mim|nós)|pour\\s+(?:moi|nous)|für\\s+(?:mich|uns)|voor\\s+(?:mij|ons)|per\\s+(?:me|noi))",
  "works?|work\\s+for|suits?|how\\s+about|what\\s+about|let['’]?s|shall\\s+we|(?:can|could)\\s+(?:we|you|i|do)|i\\s+can|we\\s+(?:can|could)\\s+(?:talk|speak|meet|chat|have\\s+a\\s+(?:call|chat)|catch\\s+up)|would\\s+(?:\\p{L}+\\s+){0,3}(?:work|suit|be\\s+(?:ok|okay|fine|good|great))|free|available|open|good\\s+for|fine\\s+(?:for|by)|ok(?:ay)?\\s+for|happy\\s+to|see\\s+you|invite|pencil",
  "(?:te|le|os|les)\\s+(?:va|viene|parece|iría|vendría)|me\\s+(?:va|viene)|podemos|podríamos|puedo|quedamos|qué\\s+tal|libre|disponible|hablamos|hablemos|nos\\s+vemos|vale",
  "pode\\s+ser|funciona|podemos|poderíamos|posso|que\\s+tal|fica\\s+(?:bom|ótimo|bem)|serve|livre|disponível|combinado|vamos\\s+(?:marcar|falar)",
  "(?:ça|cela)\\s+(?:vous|te)\\s+(?:va|irait|convient)|convient|conviendrait|on\\s+peut|pouvons|pourrions|peut-on|dispo(?:nible)?s?|libre|ça\\s+marche|je\\s+peux|je\\s+propose",
  "passt|passen|geht|ginge|können\\s+wir|könnten\\s+wir|wie\\s+wäre|wäre|hätten\\s+sie|hättest\\s+du|frei|ich\\s+kann|kann\\s+ich",
  "past|schikt|kunnen\\s+we|komt\\s+(?:\\p{L}+\\s+){0,3}uit|lukt|beschikbaar|vrij|ik\\s+kan|kan\\s+ik|zullen\\s+we",
  "va\\s+bene|(?:ti|le|vi)\\s+va|possiamo|potremmo|posso|liber[oa]|disponibile|sentiamoci|facciamo",
].join('|'));

/**
 * What may follow a promise to write that makes it about something else than the meeting: a condition ("I'll let you
 * know if anything changes", "Melde mich, falls was dazwischenkommt", "te aviso si surge algo"), a thing to send ("I'll
 * get back to you with the attendee list") or a subject of its own ("on the agenda", "per la sala"; "about it" is not).
 */
const NOT_ABOUT_MEETING = /^[\s,]*(?:(?:\p{L}+\s+){0,3})?(?:(?:if|in\s+case|should|unless|with|falls|wenn|sofern|mit|si|con|com|avec|se|caso|als|indien|met|qualora)(?![\p{L}])|(?:about|regarding|re:?|on|sobre|para|pour|per|für|über|voor|over|su|sur|zu)\s+(?:the|a|an|el|la|los|las|o|os|as|le|les|l['’]|un|une|der|die|das|den|dem|einen?|de|het|een|il|lo|gli|i)\s)/iu;

/**
 * A present-tense "I am writing / getting in touch" about whose behalf or what it answers: "Le escribo en nombre de D.
 * X", "lhe escrevo em nome de", "je vous écris au nom de / en réponse à", "ich melde mich im Auftrag von", "ik meld me
 * namens", "le scrivo per conto di", "writing on behalf of": the letter being written now, no promise to write later.
 * Read from the cue's last word on (French "je vous écris au nom de" holds "au" in the cue); a phrase ending in "d"
 * takes its article as it comes ("au nom de / du / d'", "em nome do / da").
 */
const WRITING_NOW = /^(?:\p{L}+[\s,]+){0,4}?(?:on\s+behalf\s+of|in\s+(?:reply|response|answer)\s+to|at\s+the\s+request\s+of|en\s+nombre\s+de|a\s+nombre\s+de|de\s+parte\s+de|por\s+encargo\s+de|en\s+representaci[oó]n\s+de|a\s+petici[oó]n\s+de|en\s+respuesta\s+a|en\s+relaci[oó]n\s+(?:con|a)|con\s+relaci[oó]n\s+a|em\s+nome\s+d|a\s+pedido\s+d|em\s+resposta\s+a|a\s+respeito\s+d|da\s+parte\s+d|au\s+nom\s+d|de\s+la\s+part\s+d|pour\s+le\s+compte\s+d|à\s+la\s+demande\s+d|en\s+r[ée]ponse\s+à|suite\s+à|im\s+(?:auftrag|namen)(?![\p{L}])|namens(?![\p{L}])|stellvertretend\s+für|in\s+vertretung|in\s+opdracht\s+van|uit\s+naam\s+van|in\s+antwoord\s+op|naar\s+aanleiding\s+van|per\s+conto\s+d|a\s+nome\s+d|su\s+incarico\s+d|in\s+risposta\s+a)/iu;

/** "Le escribo para confirmarle…", "je vous écris pour vous confirmer…": a present-tense writing verb with its purpose. */
const WRITING_FOR = /^(?:escribo|escrevo|écris|schreibe|schrijf|scrivo)[\s,]+(?:para|pour|per|um|om)\s+(?:(?:\p{L}+\s+){0,2})?\p{L}+(?:ar|er|ir|re|en|te|are|ere|ire|arle|arte|erle|irle|arlhe|zu\p{L}+)(?![\p{L}])/iu;

/** A negation next to a cue ("not free", "no puedo", "geht nicht", "non posso"): the cue then invites nothing. */
const NEGATED_BEFORE = /(?<![\p{L}])(?:not|no|never|n['’]t|nicht|kein\p{L}*|niet|geen|pas|non|não|nao|nunca|jamais|kaum|hardly|rarely)\s+(?:\p{L}+\s+)?$/iu;
const NEGATED_AFTER = /^(?:['’]t|\s+(?:\p{L}+\s+)?(?:nicht|niet|pas|not)(?![\p{L}]))/iu;

/** The deferral cue when the reply defers (or wants no call) and invites no time; otherwise null. */
export function defersWithoutOffer(text: string): string | null {
  const t = text.slice(0, 5_000);
  const deferral = [...t.matchAll(DEFERRAL)].find((m) => {
    const end = (m.index ?? 0) + m[0].length;
    if (NOT_ABOUT_MEETING.test(t.slice(end, end + 40))) return false;
    const fromLastWord = t.slice((m.index ?? 0) + m[0].trimEnd().search(/\S+$/u), end + 60);
    return !WRITING_NOW.test(fromLastWord) && !WRITING_FOR.test(fromLastWord);
  });
  if (!deferral) return null;
  if (/[?¿]/.test(t)) return null;
  const inDeferral = (a: number) => a >= (deferral.index ?? 0) && a < (deferral.index ?? 0) + deferral[0].length;
  for (const m of t.matchAll(INVITATION)) {
    const a = m.index ?? 0;
    if (inDeferral(a)) continue;
    if (NEGATED_BEFORE.test(t.slice(Math.max(0, a - 24), a)) || NEGATED_AFTER.test(t.slice(a + m[0].length, a + m[0].length + 20))) continue;
    return null;
  }
  return deferral[0];
}
