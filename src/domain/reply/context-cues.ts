/**
 * The words context.ts reads around a time phrase, in the seven languages: reports about the past, deadlines, the
 * prospect busy or away, events, errands, reading times, and the small cues that bound a clause. The text they are
 * matched on has its date words already in English (see lexicon/).
 */
export const u = (src: string) => new RegExp(`(?<![\\p{L}'’])(?:${src})(?![\\p{L}])`, 'iu');

export const PAST = u([
  // A conversation already had, praised or named as had: "had a great chat at your booth on Thursday at 10", "great talk
  // on Tuesday", "buena charla el jueves", "ótima conversa na quinta", "super échange jeudi", "tolles Gespräch am
  // Donnerstag", "leuk gesprek donderdag", "bella chiacchierata giovedì" ("looking forward to a great chat" is not).
  "(?:had|enjoyed|loved|appreciated)\\s+(?:a|an|the|our|that|your)\\s+(?:\\p{L}+\\s+){0,2}(?:chat|talk|call|conversation|catch-?up|demo|meeting|visit)|(?<!(?:a|an|another|for|to|une?|um|uma|ein|eine|een|una?|otra|outra|nog)\\s+)(?:great|nice|good|lovely|fun|wonderful|fantastic|excellent)\\s+(?:chat|talk|conversation|catch-?up|chatting|talking)|(?<!(?:una?|otra)\\s+)(?:buena|gran|bonita|excelente|agradable|estupenda)\\s+(?:charla|conversación|conversacion|plática)|(?<!(?:uma|outra)\\s+)(?:ótima|otima|boa|excelente|grande|agradável)\\s+(?:conversa|papo)|(?<!(?:une?|autre)\\s+)(?:super|bon|bel|excellent|agréable|chouette)\\s+(?:échange|entretien|moment\\s+d['’]échange)|(?<!(?:une?|autre)\\s+)(?:belle|bonne|excellente|agréable|chouette)\\s+(?:discussion|rencontre|conversation)|(?<!(?:ein|ein\\s+weiteres|noch\\s+ein)\\s+)(?:tolles|gutes|nettes|schönes|angenehmes|interessantes|spannendes|super)\\s+(?:gespräch|telefonat|kennenlernen)|(?<!(?:een|nog\\s+een)\\s+)(?:leuk|goed|fijn|prettig|mooi|interessant)\\s+(?:gesprek|gesprekje|kennismaking)|(?<!(?:una?|altra)\\s+)(?:bella|piacevole|ottima|interessante|bellissima)\\s+(?:chiacchierata|conversazione)",
  // English: past tense and perfect, and reports ("came up", "we met", "I missed")
  "(?<!(?:sich|mal|noch|etwas|irgend|so|ihnen|dir|euch|uns|mir)\\s+)was(?!\\s+(?:finden|machen|ausmachen|vereinbaren|festmachen|suchen|anderes|neues|passendes|besseres|passt|geht|aus(?![\\p{L}])|raus|heraus))|were|had|did|came(?:\\s+up)?|went|met|spoke|talked|missed|said|told|happened|forgot|tried|couldn['’]t|wasn['’]t|weren['’]t|didn['’]t|ran\\s+(?:over|late|long)|took\\s+place|occurred|launched|shipped|presented|discussed|mentioned|received|sent\\s+(?:you|it|the)|yesterday|ago|earlier\\s+today|this\\s+past|last\\s+(?:night|week|time)|(?:i|we|you|they)['’]ve\\s+(?:been|had|spoken|talked|met)|has\\s+been",
  // Having met or spoken already ("great meeting you", "thanks for the call") and a first person in the simple past
  // ("I called you Monday at 3", "we spoke Tuesday"); calendar verbs ("I booked") are BOOKING, not past.
  "(?:great|nice|good|lovely|pleasure|glad|wonderful)\\s+(?:\\p{L}+\\s+)?(?:meeting|seeing|talking|chatting|speaking)|(?:thanks?|thx|thnx|tnx|tks|ty)\\s+(?:you\\s+)?for\\s+(?:meeting|the\\s+(?:call|chat|meeting|demo|visit))|(?:i|we)\\s+(?:(?:just|already|also|actually|only|even)\\s+)?(?!(?:booked|blocked|scheduled|reserved|pencil+ed|confirmed|accepted|noted|moved|rescheduled|need|proceed|succeed)(?![\\p{L}]))\\p{L}{2,}ed|(?:i|we)\\s+(?:saw|got|left|rang|heard|caught|showed|attended|joined|visited|stopped\\s+by|dropped\\s+by)|you\\s+showed",
  "(?:called|rang|phoned|rung)\\s+(?:you|your)|left\\s+(?:you\\s+)?a\\s+(?:message|voicemail|note)",
  // A demo or a call someone else ran and liked: "your team ran the demo for my colleague tues at 2 and he loved it".
  "ran|gave|brought|(?:loved|liked|enjoyed|appreciated)\\s+(?:it|the|your|that|this|them)",
  // A message already received, named by its day: "your voicemail from Monday at 4:15", "tu mensaje del lunes", "votre
  // message de lundi", "Ihre Nachricht vom Montag", "je bericht van maandag", "il tuo messaggio di lunedì".
  "(?:voice\\s?mail|voice\\s+message|message|e-?mail|mail|note|text|missed\\s+call)\\s+(?:from|of)|(?:mensaje|correo|llamada|buzón\\s+de\\s+voz|mensagem|ligação|chamada|recado|message|mail|appel|messagerie|nachricht|sprachnachricht|anruf|bericht|voicemail|telefoontje|messaggio|vocale|chiamata)\\s+(?:del|de|do|da|vom|van|di|del\\s+giorno)",
  // Spanish
  // The simple past without its accent, as typed on a phone ("el lunes vimos la demo", "lo presentaron el martes"): the
  // irregular first persons plural and the third person plural in -aron/-ieron (never a present or a future).
  // The second person plural and the third singular too ("la demo que le hicisteis", "le gustó mucho", "lo presentó el
  // martes"): no present or future ends in "-asteis", "-isteis" or an accented "-ó".
  "vimos|hicimos|dijimos|pudimos|fuimos|vinimos|pusimos|trajimos|quisimos|supimos|\\p{L}{3,}(?:aron|ieron)|\\p{L}{2,}(?:asteis|isteis)|\\p{L}{2,}ó|ayer|anteayer|antier|(?:la\\s+)?semana\\s+pasada",
  "hablé|conversé|envié|mandé|recibí|fue|fueron|nos\\s+(?:conocimos|vimos|cruzamos|saludamos)|(?:te|le|os|les)\\s+(?:conocí|vi|llamé|escribí)|conocimos|llamé|tuve|tuvimos|hubo|surgió|pasó|estuve|estuvimos|nos\\s+reunimos|perdí|olvidé|se\\s+me\\s+(?:complicó|olvidó|pasó)|anoche|hace\\s+\\d+|(?:he|has|ha|hemos|han|había|habíamos)\\s+\\p{L}+(?:ado|ido)",
  // Portuguese
  // The third person singular of the simple past ("ele gostou muito", "a Ana apresentou na terça"), "estou" (I am) aside.
  "(?!estou(?![\\p{L}]))\\p{L}{3,}ou|falei|conversei|mandei|enviei|recebi|encontrei|foi|foram|nos\\s+(?:conhecemos|vimos|encontramos|falamos)|conheci|liguei|tive|tivemos|houve|surgiu|aconteceu|estive|estivemos|perdi|esqueci|reunimos|conversamos|falamos\\s+(?:ontem|na|no)|(?:tinha|tínhamos)\\s+\\p{L}+(?:ado|ido)",
  // French
  // A clitic between the subject and the auxiliary: "nous en avons parlé", "je l'ai vu", "on en a discuté".
  // A reflexive verb in the past: "on s'est parlé lundi", "ils se sont vus", "je me suis entretenu avec votre collègue".
  "(?:(?:on|il|elle)\\s+s['’]\\s*(?:est|était)|(?:ils|elles)\\s+se\\s+sont|je\\s+me\\s+suis|vous\\s+vous\\s+êtes)\\s+(?:\\p{L}+\\s+)?\\p{L}+(?:é|ée|és|ées|is|ise|us|u|ue|ert|it)",
  "(?:je|nous|on|vous)\\s+(?:en|y|l['’]|le|la|les|lui|leur|vous)\\s*(?:ai|avons|a|avez|avais|avions)\\s+(?:\\p{L}+\\s+)?\\p{L}+(?:é|i|u|is|it|ert)|nous\\s+nous\\s+sommes\\s+(?:\\p{L}+\\s+)?(?:rencontrée?s|vue?s|parlé|croisée?s)|(?:ravie?|contente?|heureux|heureuse)\\s+de\\s+vous\\s+avoir|(?:j['’]ai|j['’]avais|nous\\s+avons|on\\s+a|il\\s+y\\s+a\\s+eu|(?:j['’]ai|nous\\s+avons)\\s+eu)\\s+(?:\\p{L}+\\s+)?\\p{L}+(?:é|i|u|is|it|ert)|il\\s+y\\s+a\\s+\\d+|était|étions|j['’]étais|imprévu|empêchement",
  // German ("between" is the lexicon's English for "zwischen" and "tussen", no participle: "am Montag habe ich between 13:00 and 15:00 Zeit"; the times between the auxiliary and its participle are words like any other: "haben am Monday um 10:00 telefoniert")
  "(?:habe|haben|hatte|hatten|hat|ist|war|waren|bin|sind)\\s+(?:[\\p{L}\\d:.]+\\s+){0,6}(?:(?!gespannt|gerne|gern|geeignet|gelegen|genehm|gesagt\\s+\\p{L}+\\s+passt)ge\\p{L}+(?:t|en)|\\p{L}*gekommen|verpasst|vergessen|(?!bereit|verfügbar|erreichbar|entspannt|bekannt|verabredet|beschäftigt|verhindert|between)(?:be|ver|ent|zer)\\p{L}{3,}(?:en|t)|\\p{L}{3,}iert)|hatten|hatte|war|waren|wurde|wurden|kam|vorhin|dazwischen(?:gekommen)?",
  // Dutch
  "(?:heb|hebben|heeft|had|hadden|was|waren|ben|is)\\s+(?:[\\p{L}\\d:.]+\\s+){0,6}(?:(?!geschikt|gewenst|gelegen|genoeg|gepland)ge\\p{L}+(?:d|t|en)|(?!benieuwd|bereid|beschikbaar|bereikbaar|verheugd|verhinderd|bezet|between)(?:be|ver|ont)\\p{L}{3,}(?:d|t|en))|hadden|waren|werd|kwam|geleden|tussengekomen",
  // Italian
  "ci\\s+siamo\\s+(?:\\p{L}+\\s+)?(?:conosciut[ie]|vist[ie]|sentit[ie]|incontrat[ie]|parlat[ie])|(?:ti|la|vi)\\s+ho\\s+(?:chiamat[oa]|vist[oa]|scritto)|(?:ho|hai|abbiamo|avete|hanno|avevo|avevamo)\\s+(?:\\p{L}+\\s+)?(?:\\p{L}+(?:ato|uto|ito)|(?:fatt|dett|vist|scritt|pres|mess|chiest|rispost|lett|discuss|promess)[oaie](?![\\p{L}]))|(?:è|sono|siamo)\\s+(?:stat[oaie]|saltat[oa]|capitat[oa]|successo|venut[oa])|c['’]è\\s+stato|imprevisto|era|ero",
].join('|'));

/**
 * A promise to write, not to meet: "will ping u after", "I'll email you", "will circle back", "will lyk". Its "will" is no
 * future cue for a time nearby ("flight lands 6pm thurs will ping u after"); "I'll call you Thursday at 3" stays one.
 */
export const WILL_WRITE = /(?<![\p{L}])(?:will|['’]ll|shall)\s+(?:\p{L}+\s+)?(?:ping|e-?mail|text|message|write|reach\s+out|get\s+back|circle\s+back|follow\s+up|let\s+(?:you|u|ya)\s+know|lyk|update|forward)(?![\p{L}])/iu;

/**
 * A booth or hall number at a fair, right before the end of a time phrase: "stand 4.12", "booth 12.3", "Halle 5.1",
 * "hal 8.2", "pabellón 7.1", "padiglione 3.2", "estande 2.14". Not an hour ("4:12"), nor the phrase's time.
 */
export const BOOTH_NUMBER = /(?<![\p{L}])(?:stand|standnummer|booth|hall|hal|halle|pabell[oó]n|pavilh[aã]o|estande|padiglione|pad\.)\s*(?:(?:nr|no|n[º°o]|number|nummer|número|numero)\.?\s*|#\s*)?\d{1,3}[.:,]\d{1,3}\.?\s*$/iu;

/** Verbs about putting the time in a calendar: past in form, about the future ("I've booked Thursday at 3"). */
export const BOOKING = u("booked|blocked|scheduled|reserved|pencil(?:l)?ed|put\\s+(?:it|you|us)\\s+(?:in|down)|confirmed|accepted|sent\\s+(?:an?\\s+)?invite|noted|agendado|marcado|reservado|apuntado|anotado|bloqueado|réservé|bloqué|noté|eingetragen|geblockt|reserviert|notiert|ingepland|gepland|geblokkeerd|genoteerd|prenotato|bloccato|segnato|fissato");

export const FUTURE = u([
  "will|['’]ll|can|could|would|shall|let['’]?s|how\\s+about|what\\s+about|works?|free|available|suits?|going\\s+to|happy\\s+to|instead|rather|prefer|reschedul\\p{L}*|move|push",
  "podemos|podríamos|puedo|qué\\s+tal|me\\s+va|me\\s+viene|quedamos|nos\\s+vemos|vale|mejor|prefiero|reprogramar",
  "podemos|poderíamos|posso|que\\s+tal|pode\\s+ser|funciona|combinado|vamos|melhor|prefiro|remarcar",
  "pouvons|pourrions|peut-on|on\\s+peut|me\\s+convient|ça\\s+marche|dispo(?:nible)?|libre|plutôt|préfère|reporter|décaler",
  "können|könnten|wollen|passt|geht|ginge|wäre|würde|frei|gerne|lieber|verschieben|lass\\s+uns|lasst\\s+uns",
  "kunnen|zullen|past|schikt|kan|beschikbaar|liever|verzetten|laten\\s+we|laat\\s+ons",
  "possiamo|potremmo|va\\s+bene|disponibile|liber[oa]|meglio|preferisco|spostare",
  // Talking again later: "let's talk after the summer", "ne riparliamo dopo le feste", "laten we het na de zomer oppakken".
  "talk|speak|chat|reconnect|revisit|circle\\s+back|touch\\s+base|catch\\s+up|pick\\s+(?:this|it)\\s+up|hablamos|hablemos|retomamos|retomemos|falamos|conversamos|retomar|reparl\\p{L}*|recontact\\p{L}*|sprechen|telefonieren|oppakken|spreken|bellen|riparl\\p{L}*|risentiamo|sentiamoci|aggiorniamoci",
  "\\?",
].join('|'));

export const DEADLINE = u([
  "(?:is|are|was|were)\\s+due|(?:registration|registrations|submissions?|applications?|entries|bids?|bidding|the\\s+tender|tenders?|rfps?|rfqs?|rfis?|the\\s+window|voting|enrol?ment)\\s+(?:\\p{L}+\\s+)?(?:closes?|closing|ends?|shuts?|is\\s+due)|closing\\s+date|due\\s+(?:on|by|date|at|in)|deadline|submit\\p{L}*|expir\\p{L}+|cut-?off|no\\s+later\\s+than|at\\s+the\\s+latest|needs?\\s+to\\s+be\\s+(?:signed|done|sent|submitted|in|approved|filed)|(?:send|get|have|return|sign|deliver|decide|reply|respond|revert|write\\s+back|come\\s+back|circle\\s+back|let\\s+(?:me|us)\\s+know|confirm|finish|complete|review)\\s+(?:[\\p{L}\\d#-]+\\s+){0,6}by|(?:need|needs|needed|want|wants|expect|require|requires)\\s+(?:\\p{L}+\\s+){0,6}by|(?:back|it|them|this|that|done|ready|signed|over|in|through|filed|submitted)\\s+(?:to\\s+(?:us|me)\\s+)?by(?!\\s+(?:then|that\\s+(?:time|point|day)))|in\\s+time\\s+for|cuts?\\s+off|cutting\\s+off",
  "plazo|fecha\\s+límite|vence|vencimiento|a\\s+más\\s+tardar|entregar|entrega|(?:plazo|convocatoria|inscripción|licitación)\\s+(?:\\p{L}+\\s+){0,4}(?:termina|cierra|acaba)n?",
  "prazo|data\\s+limite|vencimento|no\\s+máximo|entregar|entrega|(?:inscrições|inscrição|licitação|edital)\\s+(?:\\p{L}+\\s+){0,3}(?:encerra|termina|fecha)m?",
  "date\\s+limite|échéance|au\\s+plus\\s+tard|délai|à\\s+rendre|rendre|remise|clôture|(?:inscriptions?|candidatures?|appel\\s+d['’]offres)\\s+(?:\\p{L}+\\s+){0,3}(?:ferment?|se\\s+terminent?|clôt|clôturent?)",
  "\\p{L}*frist(?:en)?|fällig|spätestens|abgabe|einreichen|einzureichen|\\p{L}*schluss|schließt|endet\\s+(?:\\p{L}+\\s+)?(?:am|um)",
  "uiterlijk|uiterste|inschrijfdatum|sluitingsdatum|vervaldatum|inleveren|indienen|\\p{L}*termijn|sluit|sluiting",
  // Something to be in (received) by a time, "binnen" closing the clause: "de offerte graag vrijdag 12u binnen", "moet
  // dinsdag binnen zijn" ("binnen twee weken", within, has its object after it).
  "binnen(?:\\s+(?:zijn|hebben|krijgen|ontvangen))?(?=\\s*(?:[,.;!]|$))",
  // Something to be sent by a time, the German verb at the end: "er wollte uns bis Freitag ein Angebot schicken", "bitte
  // bis Montag die Unterlagen zusenden" (the lexicon writes "bis" before a time as "until").
  // The verb first: "Bitte senden Sie mir bis Ende Februar ein Angebot".
  "(?:senden|schicken|zusenden|zuschicken|liefern|einreichen|vorlegen|übermitteln)\\s+sie\\s+(?:(?:mir|uns)\\s+)?(?:bitte\\s+)?(?:bis|until)",
  "(?:bis|until)\\s+(?:\\p{L}+\\s+){0,4}(?:schicken|senden|zusenden|zuschicken|liefern|vorlegen|einreichen|zukommen\\s+lassen|zurückschicken|unterschreiben|unterschrieben)",
  // Something that must arrive or be in by a time: "the proposal has to arrive by Friday at 6pm", "a proposta precisa
  // chegar até sexta às 18h", "la oferta tiene que llegar antes del viernes", "l'offre doit arriver avant vendredi",
  // "das Angebot muss bis Freitag da sein", "de offerte moet vóór vrijdag binnen zijn", "l'offerta deve arrivare entro".
  "(?:must|has\\s+to|have\\s+to)\\s+(?:\\p{L}+\\s+){0,3}by|(?:precisa|precisam|tem\\s+que|têm\\s+que|tem\\s+de|deve|devem)\\s+(?:\\p{L}+\\s+){0,3}até|(?:tiene|tienen|debe|deben|necesita|necesitan)\\s+(?:que\\s+)?(?:\\p{L}+\\s+){0,3}(?:antes\\s+del?|hasta\\s+el|como\\s+muy\\s+tarde)|(?:doit|doivent)\\s+(?:\\p{L}+\\s+){0,3}(?:avant|d['’]ici)|(?:muss|müssen)\\s+(?:\\p{L}+\\s+){0,3}bis|(?:moet|moeten)\\s+(?:\\p{L}+\\s+){0,3}(?:vóór|voor|uiterlijk)|(?:deve|devono)\\s+(?:\\p{L}+\\s+){0,3}(?:entro|prima\\s+di)",
  "scadenza|scade|entro|al\\s+più\\s+tardi|consegna|consegnare|(?:iscrizioni|bando|gara|candidature)\\s+(?:\\p{L}+\\s+){0,3}(?:chiude|chiudono|termina|terminano|scade|scadono)",
].join('|'));

export const BUSY = u([
  // An event announced or forwarded, not a time offered to meet: "Reminder: the webinar starts Thursday at 2pm",
  // "le webinaire a lieu jeudi à 14h", "das Webinar beginnt am Donnerstag", "save the date", "inscreva-se".
  "(?:webinar|webinaire|webinário|webinario|seminario\\s+web|webcast|livestream|live\\s+stream|keynote|summit|conference|conférence|konferenz|kongress|congreso|congresso|congres|event|événement|evento|veranstaltung|evenement|messe|salon|fiera|feira|feria|beurs)\\s+(?:\\p{L}+\\s+){0,3}(?:starts?|begins?|kicks\\s+off|takes\\s+place|is\\s+(?:on|at|live)|commence|débute|a\\s+lieu|aura\\s+lieu|beginnt|startet|findet|empieza|comienza|se\\s+celebra|tendrá\\s+lugar|começa|acontece|será\\s+realizad[oa]|begint|vindt|start|inizia|comincia|si\\s+terrà|si\\s+tiene)",
  "reminder|save\\s+the\\s+date|rappel|recordatorio|lembrete|erinnerung|herinnering|promemoria|register\\s+(?:here|now|today|at|via)|inscri(?:vez|bez|ba|va)(?:-vous|-se|se|te)?|regístrese|regístrate|iscriviti|iscrivetevi|melden\\s+sie\\s+sich\\s+(?:\\p{L}+\\s+)?an|meld\\s+je\\s+(?:\\p{L}+\\s+)?aan",
  // The subject dropped, as on a phone, at the start of a clause: "have a dentist appt wed at 2", "got a board mtg thurs".
  "(?:(?:i|we)(?:['’]ve|\\s+have)?|(?<=(?:^|[,;:]|(?<![\\p{L}])(?:so|and|but|also|still|just))\\s*)(?:have|got))\\s+(?:got\\s+)?(?:a|an|my|our|the|another|this|that)\\s+(?:\\p{L}+\\s+){0,2}(?:meeting|mtg|call|appointment|appt|board|offsite|off-site|conference|dentist|doctor|flight|trip|review|interview|workshop|training|event|webinar|presentation|commitment|conflict)",
  // An assistant writing for the prospect, in the third person: "He has a medical appointment on Thursday at 9:30",
  // "Ms. Ortiz has got a board call Monday at 8", "they have a site visit".
  // Whoever the subject (an assistant writes "and will be out of the office that morning"): away at that time.
  "will\\s+be\\s+(?:out\\s+of\\s+(?:the\\s+)?office|away|unavailable|offline|unreachable|travel\\p{L}*|on\\s+(?:leave|holiday|vacation))|(?:will\\s+not|won['’]t)\\s+be\\s+(?:available|around|free|reachable|in\\s+the\\s+office)",
  "(?:has|\\p{L}+['’]s\\s+got|has\\s+got|they\\s+have|they['’]ve\\s+got)\\s+(?:(?:a|an|his|her|their|the|another|this|that)\\s+)?(?:\\p{L}+\\s+){0,2}(?:meeting|call|appointment|board|offsite|off-site|conference|dentist|doctor|check-?up|surgery|flight|trip|review|interview|workshop|training|event|webinar|presentation|commitment|conflict|visit)s?(?![\\p{L}])",
  // The third person may be the prospect's title and name, as an assistant writes: "Mr. Lee will be at the fair".
  "(?:i['’]m|i\\s+am|we['’]re|we\\s+are|(?:he|she|(?:mr|mrs|ms|miss|dr|prof)\\.?\\s+[\\p{L}-]+(?:\\s+[\\p{L}-]+)?)(?:['’]s|\\s+is|\\s+will\\s+be)|they(?:['’]re|\\s+are|\\s+will\\s+be))\\s+(?:\\p{L}+\\s+)?(?:in\\s+(?:meetings|a\\s+meeting|the\\s+office)|at\\s+(?:a|the|our)|out|away|off|travel\\p{L}*|flying|booked|busy|tied\\s+up|slammed|swamped|unavailable|not\\s+available|on\\s+(?:leave|holiday|vacation|a\\s+plane|site))",
  // A time too early or too late for the prospect: "Tuesday 9am is a bit early for me", "es muy tarde para mí".
  "(?:is|are|['’]s)\\s+(?:(?:a\\s+)?(?:bit|little|tad|way|rather|quite|really|too|very|kinda|somewhat)\\s+){0,3}(?:early|late)(?=\\s+for\\s+(?:me|us)|\\s*[,.;!]|\\s+(?:but|so|though))|(?:es|son|sería|serían|me\\s+(?:queda|quedan|resulta|resultan))\\s+(?:un\\s+poco\\s+|muy\\s+|demasiado\\s+|algo\\s+)?(?:temprano|pronto|tarde)(?:\\s+para\\s+(?:mí|mi|nosotros))?(?=\\s*(?:[,.;!?]|$)|\\s+(?:pero|y)\\s)|(?:é|são|fica|ficam|seria|ficaria)\\s+(?:um\\s+pouco\\s+|muito\\s+|bem\\s+|meio\\s+)?(?:cedo|tarde)(?:\\s+demais)?(?=\\s+(?:para|pra)\\s+(?:mim|nós|a\\s+gente)|\\s*(?:[,.;!?]|$)|\\s+(?:mas|e)\\s)|(?:c['’]est|est)\\s+(?:un\\s+peu\\s+|trop\\s+|bien\\s+)+(?:tôt|tard)|(?:(?:ist|wäre)\\s+)?(?:mir\\s+)?(?:etwas\\s+|zu\\s+|recht\\s+|ziemlich\\s+)+(?:früh|spät)(?![\\p{L}])|(?:is|lijkt)\\s+(?:me\\s+)?(?:wat\\s+|te\\s+|erg\\s+|nogal\\s+)+(?:vroeg|laat)|(?:è|sono|sarebbe|sarebbero)\\s+(?:un\\s+po['’]\\s+|troppo\\s+|piuttosto\\s+)+(?:presto|tardi)",
  // "next two weeks are board prep", "Friday is month-end close": the time is taken by the prospect's own work.
  "(?:is|are)\\s+(?:all\\s+|mostly\\s+|fully\\s+)?(?:\\p{L}+\\s+)?(?:prep|preparation|crunch|crunch\\s+time|spoken\\s+for|taken\\s+up|heads-?down|chaos|mayhem|madness|(?:month|quarter|year)-?end(?:\\s+close)?|close)(?![\\p{L}])",
  // "this week is a write-off", "Friday's a wash": the time is lost to the prospect.
  "(?:is|are|looks?)\\s+(?:\\p{L}+\\s+){0,2}(?:write-?off|wash|washout|lost\\s+cause|no-?go|non-?starter)(?![\\p{L}])",
  // Nothing will come of it at that time: "not happening this week", "diese Woche wird das nichts mehr", "deze week
  // wordt het niks", "esta semana no va a poder ser", "essa semana não vai dar", "questa settimana non se ne fa niente".
  "not\\s+happening|won['’]t\\s+happen|wird\\s+(?:\\p{L}+\\s+){0,2}nichts|(?:wordt|gaat)\\s+(?:\\p{L}+\\s+){0,2}(?:niks|niets)|no\\s+va\\s+a\\s+(?:poder\\s+ser|ser\\s+posible|dar\\s+tiempo)|não\\s+vai\\s+(?:dar|rolar|ser\\s+possível)|non\\s+se\\s+ne\\s+fa\\s+(?:niente|nulla)",
  // Taking no calls or meetings then: "she won't be taking calls next week", "keine Termine", "geen afspraken".
  "(?:not|won['’]t\\s+be|will\\s+not\\s+be)\\s+taking\\s+(?:any\\s+)?(?:new\\s+)?(?:calls|meetings)|keine\\s+(?:termine|gespräche|anrufe|meetings)|geen\\s+(?:afspraken|gesprekken|meetings)",
  // "things are a bit chaotic this month", "the week looks hectic": the time is taken.
  "(?:is|are|looks?|seems?)\\s+(?:(?:a\\s+)?(?:bit|little|tad|really|very|quite|pretty|rather|totally|completely)\\s+)?(?:chaotic|hectic|manic|insane)",
  // Presenting the rep's proposal to the prospect's own board then: "I present it to the board on Thursday at 9h", "we'll
  // pitch this to management Tuesday" (to the rep, "present it to you", is a meeting).
  "(?:i|we)(?:['’]ll|\\s+will|\\s+am\\s+going\\s+to|\\s+are\\s+going\\s+to)?\\s+(?:present|pitch|show|take|bring)\\s+(?:it|this|that|them|(?:the|your)\\s+\\p{L}+)\\s+to\\s+(?:the|our|my)?\\s*(?:\\p{L}+\\s+)?(?:board|management|committee|ceo|cfo|director\\p{L}*|boss|partners|investors|leadership)",
  // Whoever the subject ("IT is tied up this week", "the whole team is snowed under"): taken then.
  "(?:is|are|looks?)\\s+(?:\\p{L}+\\s+)?(?:packed|booked|full|busy|slammed|swamped|bad|tough|tricky|difficult|hectic|crazy|out|no\\s+good|not\\s+good|tight|blocked|taken|gone|tied\\s+up|snowed\\s+under|maxed(?:\\s+out)?|stretched(?:\\s+thin)?|occupied)",
  "(?:i['’]ll|i\\s+will|we['’]ll|we\\s+will)\\s+be\\s+(?:in|at|on|away|out|off|travel\\p{L}*|visiting)(?=\\s)|(?:we['’]re|we\\s+are|office\\s+is|offices\\s+are|we['’]ll\\s+be|will\\s+be)\\s+(?:\\p{L}+\\s+)?closed|estar(?:é|emos)\\s+(?:en|fuera|de\\s+viaje|cerrad[oa]s?)|cerrad[oa]s|estar(?:ei|emos)\\s+(?:em|fora|fechad[oa]s?)|fechad[oa]s|(?:je\\s+serai|nous\\s+serons)\\s+(?:à|en|au|aux|fermés?)|fermée?s|geschlossen|gesloten|sarò\\s+(?:a|in|fuori)|saremo\\s+(?:a|in|fuori|chiusi)|chius[oie]|(?:our|the|my)\\s+(?:\\p{L}+\\s+){0,2}(?:review|board|offsite|conference|launch|event|presentation|kick-?off|workshop|audit|holiday|vacation|trip|planning|all-hands|retreat|trade\\s+show|go-live|deadline|move|relocation|migration|inventory|stocktake|convention|(?:results|earnings|investors?)\\s+call)\\s+(?:is|are|was|will\\s+be)|(?:i['’]m|i\\s+am|we['’]re|we\\s+are)\\s+not\\s+(?:around|in|available|free)|(?:i|we)\\s+won['’]t\\s+be\\s+(?:around|in|available|free)|i['’]m\\s+afraid|unfortunately|sadly|doesn['’]t\\s+work|won['’]t\\s+work|can['’]t|cannot|unable|not\\s+possible|wouldn['’]t\\s+work|not\\s+ideal|no\\s+longer\\s+works",
  // The prospect's own plans at that time: travel, a presentation, their own meeting moved or starting, a closure.
  // "I fly to Singapore Monday 6am", "we leave for Denver Thursday at 7": travel in the simple present.
  "(?:i|we)\\s+(?:(?:usually|always|then|also)\\s+)?(?:fly|leave|depart|travel|head\\s+off)\\s+(?:to|for|out\\s+to|back\\s+to)\\s+\\p{L}+",
  // An assistant writing for the prospect says it in the third person: "He is attending the trade fair from Monday".
  "(?:i['’]m|i\\s+am|we['’]re|we\\s+are|(?:he|she)(?:['’]s|\\s+is|\\s+will\\s+be)|they(?:['’]re|\\s+are|\\s+will\\s+be))\\s+(?:\\p{L}+\\s+)?(?:presenting|pitching|flying|driving|visiting|attending|hosting|running|leading|interviewing|onboarding|heading|relocating|moving\\s+(?:office|house)|speaking\\s+at|meeting\\s+(?:with\\s+)?(?:our|my|the|a|an|some)|off\\s+to)|(?:my|our)\\s+(?:\\p{L}+\\s+){0,2}(?:flight|train|plane|ferry|meeting|stand-?up|sync|call|board|offsite|off-site|review|session|retreat|all-hands|kick-?off|class|appointment|surgery|holiday|vacation|leave)s?\\s+(?:(?:to|from|back\\s+to|out\\s+of|into)\\s+\\p{L}+\\s+)?(?:lands?|leaves?|departs?|takes\\s+off|starts?|begins?|ends?|runs?|is|are|was|has\\s+been|will\\s+be|(?:got\\s+)?moved)|(?:moved|rescheduled|shifted|changed)\\s+(?:our|my|the)\\s+(?:\\p{L}+\\s+){0,3}(?:meeting|stand-?up|sync|call|review|session)s?|(?:i['’]ll|i\\s+will|we['’]ll|we\\s+will)\\s+be\\s+(?:offline|unreachable|unavailable|out\\s+of\\s+(?:the\\s+)?(?:office|reach))|slow(?:er)?\\s+(?:replies|responses)|expect\\s+delays",
  // A flight or train named with no owner, as on a phone: "flight lands 6pm thurs", "train gets in at 9", "el vuelo aterriza
  // el jueves a las 18", "o voo chega quinta às 18h", "le vol atterrit jeudi à 18h", "der Flug landet Donnerstag um 18 Uhr",
  // "de vlucht landt donderdag om 18u", "il volo atterra giovedì alle 18" (the rep's own flight, "your flight", is not).
  "(?<!(?:your|ur|tu|su|vuestro|seu|sua|o\\s+seu|votre|ton|ihr|dein|uw|jouw|je|tuo|suo|vostro)\\s+)(?:flight|plane|train|ferry|vuelo|avión|tren|voo|avião|trem|vol|avion|flug|flieger|zug|vlucht|trein|volo|aereo|treno)\\s+(?:[\\p{L}\\d-]+\\s+){0,3}(?:lands?|landing|arrives?|arriving|gets\\s+in|departs?|departing|leaves|takes\\s+off|boards|aterriza|llega|sale|despega|pousa|aterrissa|chega|sai|decola|atterrit|arrive|part|décolle|landet|kommt\\s+(?:\\p{L}+\\s+)?an|geht|startet|landt|vertrekt|komt\\s+(?:\\p{L}+\\s+)?aan|atterra|arriva|parte|decolla)",
  // On a plane or train at that time: "on a flight thurs 6am", "en un vuelo", "no avião", "dans l'avion", "im Flieger".
  "(?:on|in)\\s+(?:a|the|my)\\s+(?:\\p{L}+\\s+)?(?:flight|plane|train)|in\\s+the\\s+air|en\\s+(?:un\\s+|el\\s+)?(?:vuelo|avión|avion|tren)|(?:num|no|em|de)\\s+(?:voo|avião|aviao|trem|comboio)|(?:en|dans\\s+l['’])\\s*(?:vol|avion|train)|im\\s+(?:flieger|flugzeug|zug)|in\\s+(?:het\\s+vliegtuig|de\\s+trein)|(?:in|sull['’])\\s*(?:volo|aereo|treno)",
  "salgo\\s+(?:de\\s+viaje|para|hacia|de\\s+vacaciones)|me\\s+voy\\s+de\\s+(?:viaje|vacaciones)|viajo|mi\\s+vuelo|voy\\s+(?:muy\\s+)?just[oa]|ando\\s+(?:muy\\s+)?liad[oa]|estoy\\s+a\\s+tope|presento|embarco|parto\\s+(?:para|de\\s+férias)|saio\\s+de\\s+férias|meu\\s+voo|estou\\s+(?:muito\\s+)?(?:apertad[oa]|sem\\s+tempo|enrolad[oa])|apresento",
  // Presenting at that time, in the near future: "vou apresentar a sua proposta na reunião de quinta às 15h", "voy a
  // presentarlo el jueves", "je vais présenter", "ich werde … vorstellen", "ik ga … presenteren".
  "(?:vou|vamos)\\s+apresentar|apresentarei|apresentaremos|(?:voy|vamos)\\s+a\\s+presentar\\p{L}*|presentaré|presentaremos|(?:je\\s+vais|nous\\s+allons|on\\s+va)\\s+(?:\\p{L}+\\s+)?présenter|je\\s+présenterai|(?:ich\\s+werde|wir\\s+werden|werde\\s+ich|werden\\s+wir)\\s+(?:\\p{L}+\\s+){0,4}(?:präsentieren|vorstellen)|(?:ik\\s+ga|we\\s+gaan|ga\\s+ik|gaan\\s+we)\\s+(?:\\p{L}+\\s+){0,4}presenteren",
  "je\\s+pars|je\\s+m['’]envole|je\\s+prends\\s+l['’]avion|mon\\s+vol|j['’]atterris|je\\s+présente|nous\\s+présentons|(?:je\\s+suis|on\\s+est)\\s+(?:débordée?s?|sous\\s+l['’]eau|charrette)",
  "(?:ich\\s+)?(?:fliege|reise|fahre)\\s+(?:ich\\s+)?(?:(?:am|um|schon|bereits|früh|morgens)\\s+)*(?:ab|nach|in\\s+den\\s+urlaub|weg|los)|mein\\s+flug|lande\\s+ich|präsentiere\\s+ich|ich\\s+präsentiere|(?:bin|sind)\\s+(?:\\p{L}+\\s+)?(?:im\\s+stress|voll\\s+eingespannt|weg)",
  "vertrek\\s+ik|ik\\s+vertrek|vlieg\\s+ik|ik\\s+vlieg|mijn\\s+vlucht|land\\s+ik|presenteer\\s+ik|ik\\s+presenteer",
  "parto|partirò|sono\\s+in\\s+partenza|il\\s+mio\\s+volo|(?<!al\\s)volo\\s+(?:a|per|verso)|atterro|presento|presenterò",
  // The prospect's own body or standing meeting named as the event at that time, with no verb: "board meeting thursday
  // at 10", "all-hands Friday 2pm", "junta directiva el miércoles", "Vorstandssitzung am Donnerstag", "conseil
  // d'administration jeudi", "bestuursvergadering donderdag", "consiglio di amministrazione giovedì", "reunião de diretoria".
  "(?:board|committee|team|staff|exec(?:utive)?|leadership|management|budget|quarterly|annual|partners?|investors?|shareholders?|department|strategy|steering|ops|sales)(?:\\s+|-)(?:meeting|mtg|review|session|offsite|off-site|kick-?off|retreat|prep)s?|all-?hands|town\\s*hall|offsites?|off-sites?|qbrs?|board\\s+prep",
  "junta(?:\\s+(?:directiva|general|de\\s+\\p{L}+|con\\s+(?:el|la|los)\\s+\\p{L}+))|consejo\\s+de\\s+administración|comité\\s+de\\s+(?:dirección|direccion|\\p{L}+)|reunión\\s+(?:de|del|con\\s+el)\\s+(?:consejo|comité|directorio|dirección|direccion|gerencia|equipo|junta|socios)|reunião\\s+(?:de|da|do|com\\s+a|com\\s+o)\\s+(?:diretoria|direção|direcção|direcao|administração|gestão|conselho|equipe|equipa|comitê|comité|sócios|board)|conselho\\s+de\\s+administração",
  "conseil\\s+d['’]administration|comité\\s+de\\s+direction|codir|comex|réunion\\s+(?:d['’]équipe|d['’]associés|de\\s+(?:direction|service|bureau|conseil))|séminaire\\s+d['’](?:équipe|entreprise)",
  "(?:vorstands|aufsichtsrats|gesellschafter|geschäftsführungs|team|abteilungs|bereichs|strategie|budget|quartals)(?:sitzung|besprechung|meeting|klausur|runde|tagung)|klausurtagung|jour\\s+fixe",
  "(?:bestuurs|directie|team|afdelings|aandeelhouders|mt|managementteam|strategie|budget|kwartaal)-?(?:vergadering|overleg|meeting|sessie|heidag)|heidag",
  "consiglio\\s+di\\s+amministrazione|riunione\\s+(?:del|di|della|dello)\\s+(?:cda|consiglio|team|direzione|comitato|soci|reparto)|comitato\\s+(?:di\\s+)?(?:direzione|esecutivo)",
  // The prospect's own meeting, with "we" and without an article: "tenemos comité el jueves", "we have board Thursday",
  // "temos diretoria", "nous avons le comité", "abbiamo il cda", "ik zit morgen bij de directie", "sitze im Vorstand".
  "(?:we\\s+have|we['’]ve\\s+got|we\\s+got|tenemos|temos|nous\\s+avons|on\\s+a|abbiamo|wir\\s+haben|haben\\s+wir|we\\s+hebben|hebben\\s+we|hebben\\s+wij)\\s+(?:\\p{L}+\\s+){0,2}(?:committee|board|exec|leadership|management|comité|comite|comitê|junta|consejo|reunión|reunião|conselho|diretoria|directorio|réunion|conseil|codir|comex|riunione|comitato|consiglio|cda|vorstand|aufsichtsrat|besprechung|sitzung|meeting|overleg|vergadering|directie|bestuur|mt)(?![\\p{L}])|(?:ik|we|wij)\\s+(?:zit|zitten)\\s+(?:\\p{L}+\\s+){0,4}(?:bij|in|op|met)(?![\\p{L}])|(?:zit|zitten)\\s+(?:ik|we|wij)\\s+(?:\\p{L}+\\s+){0,4}(?:bij|in|op|met)(?![\\p{L}])|(?:ich\\s+sitze|sitze\\s+ich|wir\\s+sitzen|sitzen\\s+wir)\\s+(?:\\p{L}+\\s+){0,4}(?:im|in|bei|beim|mit)(?![\\p{L}])",
  "desafortunadamente|lamentablemente|(?:tengo|tiene|tienen)\\s+(?:\\p{L}+\\s+){0,2}(?:(?:una?|otra?|el|la|mi|su)\\s+)?(?:\\p{L}+\\s+)?(?:reunión|cita|llamada|comité|junta|viaje|compromiso|consejo|médico|dentista|evento|formación)|estoy\\s+(?:de\\s+viaje|ocupad[oa]|en\\s+una\\s+reunión|fuera|liad[oa])|no\\s+(?:estoy|estaré|estamos|voy\\s+a\\s+estar)|estaré\\s+fuera|no\\s+puedo|imposible|(?:lo\\s+)?tengo\\s+(?:complicado|lleno|ocupado)|está\\s+(?:complicado|lleno|ocupado)|me\\s+viene\\s+mal|no\\s+me\\s+(?:va|viene)",
  "infelizmente|(?:tenho|tem|têm)\\s+(?:(?:uma?|outra?|o|a)\\s+)?(?:\\p{L}+\\s+)?(?:reunião|compromisso|consulta|viagem|call|conselho|comitê|comité|diretoria|médico|dentista)|estou\\s+(?:ocupad[oa]|viajando|em\\s+reunião|fora)|não\\s+(?:posso|consigo|dá|estou|estarei|estaremos)|(?:está|estou)\\s+(?:cheia?|lotad[oa]|complicad[oa])",
  "malheureusement|j['’]ai\\s+(?:une?|déjà\\s+une?|le|la|l['’])\\s*(?:\\p{L}+\\s+)?(?:réunion|rendez-vous|rdv|comité|conseil|déplacement|call|engagement)|(?:il|elle|ils|elles|(?:m|mme|mr|dr)\\.?\\s+[\\p{L}-]+)\\s+(?:a|ont)\\s+(?:déjà\\s+)?(?:(?:une?|le|la|l['’]|son|sa|leur)\\s*)?(?:\\p{L}+\\s+)?(?:réunion|rendez-vous|rdv|comité|conseil|déplacement|call|engagement|médecin|dentiste)|je\\s+suis\\s+(?:pris|prise|occupée?|en\\s+déplacement|en\\s+réunion|absente?|complet)|je\\s+ne\\s+(?:peux|pourrai|suis|serai)\\s+pas|je\\s+serai\\s+absente?|(?:n['’]est|ne\\s+sera)\\s+pas\\s+possible|pas\\s+possible|impossible|(?:est|suis)\\s+complète?s?|ne\\s+me\\s+convient\\s+pas|ça\\s+ne\\s+(?:va|marche)\\s+pas",
  "(?:habe|hab|haben|hat)\\s+(?:(?:ich|wir|er|sie)\\s+)?(?:\\p{L}+\\s+){0,2}(?:(?:ein(?:e|en)?|unser(?:e|en)?|den|die|das|meine[nm]?)\\s+)?(?:\\p{L}+\\s+)?[\\p{L}-]*(?:termin|meeting|besprechung|sitzung|call|reise|konferenz|workshop|abstimmung|messe|aufsichtsrat|vorstand|beirat|gremium|jour\\s+fixe|schulung)|bin\\s+(?:\\p{L}+\\s+)?(?:unterwegs|verhindert|im\\s+urlaub|belegt|ausgebucht|nicht\\s+da|voll)|(?:kann|können)\\s+(?:ich\\s+|wir\\s+)?(?:\\p{L}+\\s+)?nicht|(?:bin|sind)\\s+(?:ich\\s+|wir\\s+)?(?:\\p{L}+\\s+)?nicht\\s+(?:da|im\\s+büro|erreichbar|verfügbar)|geht\\s+(?:\\p{L}+\\s+){0,3}nicht|passt\\s+(?:mir\\s+)?(?:leider\\s+)?nicht|(?:klappt|funktioniert)\\s+(?:\\p{L}+\\s+){0,3}nicht|ist\\s+(?:\\p{L}+\\s+){0,4}(?:voll|ausgebucht|schlecht|belegt|blockiert|vergeben)|leider",
  "helaas|(?:heb|hebben|heeft)\\s+(?:(?:ik|we|wij|hij|zij|ze)\\s+)?(?:\\p{L}+\\s+){0,2}(?:een|ons|de|het|mijn|zijn|haar|zelf\\s+een)\\s+(?:\\p{L}+\\s+)?[\\p{L}-]*(?:afspraak|vergadering|meeting|overleg|reis|congres|beurs)|ben\\s+(?:\\p{L}+\\s+)?(?:bezet|op\\s+reis|niet\\s+beschikbaar|vol|weg)|kan\\s+(?:ik\\s+|we\\s+)?(?:\\p{L}+\\s+)?niet|(?:ben|zijn)\\s+(?:ik\\s+|we\\s+)?(?:er\\s+)?niet(?:\\s+(?:aanwezig|beschikbaar))?|zit\\s+(?:\\p{L}+\\s+)?vol|lukt\\s+(?:\\p{L}+\\s+)?niet|past\\s+(?:\\p{L}+\\s+)?niet|gaat\\s+(?:\\p{L}+\\s+)?niet",
  // A day said to be hard for the prospect, in any of the languages, with or without accents: "Mardi c'est compliqué pour
  // moi", "el lunes es complicado", "quinta fica difícil", "Dienstag wird schwierig", "woensdag is lastig", "lunedì è difficile".
  "c['’\\s]?est\\s+(?:\\p{L}+\\s+)?(?:compliqu[ée]e?|difficile|chargée?|serré|pas\\s+(?:top|idéal|ideal|pratique|jouable))|(?:ça|ca)\\s+(?:ne\\s+)?m['’]arrange\\s+pas|(?:es|está|se\\s+me\\s+hace|lo\\s+veo)\\s+(?:\\p{L}+\\s+)?(?:complicad[oa]|dif[ií]cil)|(?:é|fica|ficaria|seria)\\s+(?:\\p{L}+\\s+)?(?:complicad[oa]|dif[ií]cil|apertad[oa])|(?:ist|wird|wäre)\\s+(?:\\p{L}+\\s+){0,2}(?:schwierig|knapp|ungünstig|eng)|(?:is|wordt|lijkt)\\s+(?:\\p{L}+\\s+){0,2}(?:lastig|moeilijk|krap|onhandig)|(?:è|sarebbe|risulta)\\s+(?:\\p{L}+\\s+)?(?:difficile|complicat[oa])",
  // Someone close to the prospect at that time: "I pick up my daughter Wednesday at 3", "my husband has the dentist
  // Friday at 9", "mein Sohn hat Mittwoch um 8 Zahnarzt", "mon assistante a rendez-vous jeudi à 8h", "mi hija tiene
  // médico el martes", "meu filho tem consulta", "mijn dochter heeft", "mio figlio ha la visita". (The nearer cue still
  // wins: "my wife and I could do Thursday at 3" proposes it.)
  "(?:my|our)\\s+(?:\\p{L}+\\s+)?(?:wife|husband|partner|spouse|daughters?|sons?|kids?|children|child|baby|mom|mum|mother|dad|father|parents|sister|brother|family|assistant|nanny|in-laws)(?:['’]s)?|(?:mi|mis|nuestr[oa]s?)\\s+(?:hij[oa]s?|esposa|esposo|marido|mujer|pareja|madre|padre|mamá|papá|padres|niñ[oa]s|herman[oa]|familia|asistente|secretaria)|(?:meu|minha|meus|minhas|noss[oa]s?)\\s+(?:filh[oa]s?|esposa|marido|mulher|mãe|pai|pais|irmã|irmão|família|assistente|secretária|crianças)|(?:mon|ma|mes|notre|nos)\\s+(?:fils|filles?|enfants?|femme|mari|conjointe?|compagne?|mère|père|parents|sœur|soeur|frère|famille|assistante?|secrétaire)|(?:mein|meine|meinen|meinem|meiner|unser|unsere|unseren|unserem)\\s+(?:sohn|tochter|kinder|kind|frau|mann|partnerin|partner|mutter|vater|eltern|schwester|bruder|familie|assistentin|assistent|sekretärin)|(?:mijn|onze|ons)\\s+(?:zoon|dochter|kinderen|kind|vrouw|man|partner|moeder|vader|ouders|zus|broer|familie|assistente?|secretaresse)|(?:mio|mia|miei|mie|nostr[oaie])\\s+(?:figli[oa]?|figlie|moglie|marito|compagn[oa]|madre|padre|mamma|papà|genitori|sorella|fratello|famiglia|assistente|segretaria)",
  // Hardly there at that time: "I'm barely around this week", "ich bin diese Woche kaum da", "casi no estoy".
  "(?:barely|hardly|rarely)\\s+(?:around|in|here|reachable|available|at\\s+my\\s+desk|in\\s+the\\s+office)|(?:bin|sind)\\s+(?:\\p{L}+\\s+){0,3}kaum\\s+(?:da|erreichbar|im\\s+büro|verfügbar|zu\\s+erreichen)|casi\\s+no\\s+(?:estoy|estaré|estaremos|paro)|quase\\s+não\\s+(?:estou|estarei|paro)|(?:presque|quasiment)\\s+pas\\s+(?:là|disponible|joignable)|(?:nauwelijks|amper|bijna\\s+niet)\\s+(?:er|aanwezig|bereikbaar|beschikbaar|op\\s+kantoor)|quasi\\s+mai\\s+(?:in\\s+ufficio|disponibile|raggiungibile|presente)",
  "(?:ho|ha|hanno)\\s+(?:\\p{L}+\\s+){0,2}(?:una?|un['’]|il|la|lo|l['’])\\s*(?:\\p{L}+\\s+){0,2}(?:riunione|appuntamento|call|impegno|consiglio|viaggio|cda|comitato|board|visita)|purtroppo|sono\\s+(?:\\p{L}+\\s+)?(?:impegnat[oa]|in\\s+viaggio|pien[oa]|occupat[oa]|fuori)|non\\s+(?:posso|riesco|ci\\s+sono|ci\\s+sarò|sarò)|non\\s+(?:mi\\s+)?va\\s+bene|è\\s+(?:\\p{L}+\\s+)?(?:pien[oa]|impossibile|complicat[oa])",
].join('|'));

/**
 * An event announced, attended or forwarded by its own name ("your webinar on Thursday at 10am", "the expo on Tuesday
 * at 3pm", "um webinar na quinta às 19h", "op donderdag om 15u een webinar"): its time is the event's, not a meeting's,
 * unless the clause asks to meet there (ASK_TO_MEET).
 */
export const EVENT = u("webinars?|webinaire|webinário|webinario|webinar|webcast|livestream|live\\s+stream|expo|(?:trade|air|motor|auto|boat|car|home)\\s+show|trade\\s+fair|exhibitions?|conference|conférence|konferenz|congreso|congresso|congrès|congres|summit|keynote|messe|salon|fiera|(?<!-)feira|feria|beurs|seminar|séminaire|seminario|seminário|masterclass|open\\s+(?:day|house)|conventions?|convenção|convención|convegno|formation|formación|formação|schulung|formazione|(?:results|earnings|investors?)\\s+call|portes\\s+ouvertes|jornada\\s+de\\s+puertas|meetup|hackathon|roadshow|roundtable|table\\s+ronde|mesa\\s+redonda|tavola\\s+rotonda");
/**
 * A time that belongs to something else than a meeting: an office closing or reopening ("Our office closes on 24
 * December at 1pm and reopens on 4 January", "la oficina cierra", "on ferme le 23 à midi", "wir schließen", "chiudiamo"),
 * a committee sitting ("the committee meets on October 14 at 10am", "el comité se reúne", "der Ausschuss tagt"), the
 * clocks changing ("clocks change sunday 2am", "cambio de hora", "Zeitumstellung", "la klok gaat terug"). Unless the
 * clause asks to meet (ASK_TO_MEET).
 */
export const NOT_A_MEETING = u([
  // A service notice: "our system maintenance window is Saturday 2am–6am", "mantenimiento programado el sábado", "janela
  // de manutenção", "maintenance prévue samedi", "Wartungsfenster am Samstag", "onderhoud zaterdag", "manutenzione".
  "maintenance|downtime|outage|scheduled\\s+(?:update|upgrade)|mantenimiento|manutenção|manutencao|interruption\\s+(?:de\\s+|du\\s+)?service|coupure|wartung\\p{L}*|(?:system|server)(?:umstellung|ausfall)|onderhoud\\p{L}*|manutenzione|fuori\\s+servizio|(?:portal|portail|portale|site|sistema|system|systeem|plataforma|plateforme|piattaforma|platform)\\s+(?:\\p{L}+\\s+){0,2}(?:unavailable|down|offline|indisponible|no\\s+disponible|fora\\s+do\\s+ar|indisponível|nicht\\s+erreichbar|niet\\s+beschikbaar|non\\s+disponibile|non\\s+raggiungibile)",
  // "after Q3 closes", "when the books close": a period closing is no shop closing.
  "(?<!(?:q[1-4]|quarter|books|year|month|period)\\s+)closes|close\\s+(?:early|at|on)|closure|closing\\s+(?:at|on|early)|reopens?|reopening|opens\\s+again|shuts?\\s+(?:down|at|on)|cierra|cierran|cerramos|cerrará|reabre|reabrimos|reabren|reapertura|fecham|fechamos|fechará|reabrimos|encerra|encerramos|recesso|ferme|fermons|fermera|ferment|rouvre|rouvrons|rouvrira|réouverture|fermeture|schließen|schließt|schließung|öffnen\\s+wieder|öffnet\\s+wieder|wieder\\s+(?:geöffnet|offen)|betriebsferien|sluiten|gaan\\s+(?:\\p{L}+\\s+){0,3}(?:weer\\s+)?open|gaat\\s+(?:\\p{L}+\\s+){0,3}(?:weer\\s+)?open|heropen\\p{L}*|chiude|chiudiamo|chiudono|riapre|riapriamo|riaprono|riapertura|chiusura(?!\\s+(?:di|del|dei|dell[ae'’])\\s*(?:bilancio|trimestre|conti|anno|mese|esercizio))",
  "(?:committee|board|council|panel|commission|jury|steering\\s+group)\\s+(?:\\p{L}+\\s+)?(?:meets|convenes|sits|gathers|is\\s+meeting|will\\s+meet)|(?:comité|comite|junta|consejo|comisión|directorio|comitê|conselho|diretoria|comissão)\\s+(?:\\p{L}+\\s+)?se\\s+(?:reúne|reune|reunirá|reunirá)|(?:comité|conseil|commission|codir|comex|jury)\\s+(?:\\p{L}+\\s+)?se\\s+réunit|(?:ausschuss|gremium|vorstand|beirat|kommission|komitee|aufsichtsrat)\\s+(?:\\p{L}+\\s+)?(?:tagt|trifft\\s+sich)|(?:commissie|bestuur|comité|raad|directie)\\s+(?:\\p{L}+\\s+)?(?:vergadert|komt\\s+(?:\\p{L}+\\s+)?bijeen)|(?:comitato|consiglio|commissione|cda|giunta)\\s+(?:\\p{L}+\\s+)?si\\s+riunisce",
  // "nach der Zeitumstellung gern: Dienstag, 2.11., 9 Uhr", "after the clocks go back suits me": the change is a point of
  // reference there, the time after it is offered.
  "(?<!(?<![\\p{L}])(?:after|nach|après|depois|después|pasado|na|dopo|once|when|sobald|wenn)\\s+(?:(?:the|der|die|dem|le|la|l['’]|da|do|del|el|de|il)\\s+)?)(?:clocks?\\s+(?:change|changes|go|goes|spring|fall|move|moves|went)|time\\s+change|daylight\\s+saving\\p{L}*|\\bdst\\b|cambio\\s+de\\s+(?:hora|horario)|(?:horario|horário)\\s+de\\s+(?:verano|invierno|verão|inverno|summer|winter)|mudança\\s+de\\s+(?:hora|horário)|changement\\s+d['’]heure|(?:l['’])?heure\\s+d['’](?:été|hiver|summer|winter)|zeitumstellung|uhren\\s+(?:werden\\s+)?(?:\\p{L}+\\s+)?(?:umgestellt|vorgestellt|zurückgestellt)|sommerzeit|winterzeit|klok(?:ken)?\\s+(?:gaat|gaan|wordt|worden)\\s+(?:\\p{L}+\\s+){0,2}(?:terug|vooruit|verzet)|zomertijd|wintertijd|cambio\\s+(?:dell['’])?ora|(?:l['’])?ora\\s+(?:legale|solare))",
].join('|'));

/**
 * A third party's errand with a day and time: an invoice paid, a payment due, a delivery or shipment window, an order
 * arriving, an installer or technician visiting ("The pallets will be delivered Tuesday between 8 and 10 am", "de
 * levering staat gepland voor vrijdag", "la facture sera réglée vendredi"). Its time is the errand's, not a meeting's,
 * unless the clause asks to meet (ASK_TO_MEET): "after the delivery on Monday, call me Tuesday at 3?" stays a proposal.
 */
export const ERRAND = u([
  "invoices?|payments?|paid|pay(?:s|ing)?|remittance|wire\\s+transfer|deliver(?:y|ies|ed|ing)?|shipments?|shipping|ship(?:s|ped)?|dispatch(?:ed)?|pallets?|parcels?|packages?|courier|freight|consignment|(?:your|the|our|my)\\s+order|orders?\\s+(?:will|should|is|are|arrives?)|arriv(?:e|es|ing)|install(?:ation|er|ers|ed)?|technicians?|engineer\\s+(?:visit|will)|fitters?|pick-?up|collection",
  "factura|pago|pagad[oa]|transferencia|envío|enviad[oa]|pedido|paquete|llegará|llega|instalación|instalador|técnico",
  "fatura|pagamento|pag[oa]|transferência|envio|encomenda|pacote|chega(?:rá)?|instalação|instalador|técnico",
  "facture|paiement|réglée?|règlement|virements?|livraison|livrée?s?|expédition|expédiée?|commande|colis|palettes?|arriver[ao]|installation|installateur|technicien",
  "rechnung|zahlung|bezahlt|überwiesen|überweisung|lieferung|geliefert|liefern|zustellung|versand|versendet|bestellung|paket|paletten?|installation|techniker|monteur",
  "factuur|betaling|betaald|overgemaakt|levering|geleverd|bezorging|bezorgd|zending|bestelling|pakket|pallets?|installatie|monteur|technicus|installateur",
  "fattura|pagamento|pagat[ao]|bonifico|spedizione|spedit[oa]|ordine|pacco|bancali|arriverà|installazione|installatore|tecnico",
  // Someone sent to fetch or bring goods: "our driver collects the samples Thursday at 10:15", "el mensajero pasa a
  // recoger", "o motorista vai buscar", "le coursier passe", "unser Fahrer holt … ab", "onze koerier haalt … op", "il
  // nostro corriere passerà a ritirare".
  "drivers?|couriers?|messengers?|chauffeurs?|chofer|chófer|conductor|repartidor|mensajero|transportista|motorista|motoboy|entregador|estafeta|transportadora|coursier|livreur|transporteur|fahrer(?:in)?|kurier|spedition|spediteur|koerier|bezorger|vervoerder|autista|corriere|fattorino|trasportatore",
  // Goods fetched by anyone ("ma collaboratrice passera chercher les échantillons jeudi à quatorze heures"): samples,
  // and French "passer/venir chercher", "récupérer".
  "samples|muestras|amostras|échantillons|muster|warenproben|monsters|stalen|campioni|(?:passer[ao]?|passe|viendra|vient|venir)\\s+(?:les\\s+)?(?:chercher|prendre|récupérer)|récupérer[ao]?",
  // Anyone fetching or dropping off a thing ("my colleague picks up the demo kit Thursday at 9", "mi compañera recoge",
  // "a minha colega vai buscar", "ma collègue dépose", "meine Kollegin holt … ab", "mijn collega haalt … op", "un mio
  // collega passa a ritirare"): the errand's time, not a meeting's ("pick up the conversation" is not a thing fetched).
  "(?:pick(?:s|ing)?\\s+up|drop(?:s|ping)?\\s+off|swing(?:s|ing)?\\s+by\\s+to\\s+(?:collect|grab|get))\\s+(?:the|your|our|my|a|an|some|those|these)\\s+(?!(?:call|conversation|thread|discussion|chat|talk|phone|meeting|topic)(?![\\p{L}]))[\\p{L}-]+",
  "recog(?:e|en|erá|erán|er|emos)|(?:pasa|pasará|pasan|viene|vendrá)\\s+a\\s+(?:buscar|recoger|dejar)|(?:vai|vem|virá|irá|passa|passará)\\s+(?:a\\s+|para\\s+)?(?:buscar|recolher|levantar|deixar)|recolh(?:e|er|erá)",
  "dépos(?:e|era|ent|eront|er)|(?:vient|viendra|passe|passera)\\s+(?:déposer|apporter)",
  "holt\\s+(?:[^\\s,.;!?]+\\s+){0,10}ab|abholen|abgeholt|bringt\\s+(?:[^\\s,.;!?]+\\s+){0,10}vorbei|vorbeibringen",
  "haalt\\s+(?:[^\\s,.;!?]+\\s+){0,10}op|ophalen|opgehaald|pikt\\s+(?:[^\\s,.;!?]+\\s+){0,10}op|oppikken|brengt\\s+(?:[^\\s,.;!?]+\\s+){0,10}langs|komt\\s+(?:[^\\s,.;!?]+\\s+){0,10}(?:brengen|afgeven|ophalen)|afleveren",
  "ritir(?:a|ano|erà|eranno|are)|(?:passa|passerà|viene|verrà)\\s+a\\s+(?:prendere|ritirare|lasciare|portare)",
].join('|'));

/**
 * Reading, reviewing or answering the mail (the prospect's own work, or their team's): "will read this properly next
 * week", "our procurement team will review vendor materials the following week", "respondo com calma semana que vem",
 * "leo tu correo con calma", "je lirai votre message", "ich lese mir das durch", "leggo con calma". Its time is when
 * the mail is dealt with, not a time to talk.
 */
export const READ_LATER = u([
  "read|review(?:s|ing)?|reply|respond|answer|get\\s+back\\s+to\\s+(?:you|u)|evaluate|assess|digest",
  "le(?:o|eré|er)|revis(?:o|aré|ar|amos|aremos)|respond(?:o|eré|er)|contest(?:o|aré|ar)",
  "le(?:io|rei|r)|revis(?:o|arei|ar|amos)|respond(?:o|erei|er)",
  "lir(?:e|ai)|lis|relir(?:e|ai)|relis|répond(?:s|rai|re)|examiner(?:ai)?|étudier(?:ai)?",
  "lese|lesen|durchlesen|prüfe|prüfen|antworte|antworten|durchsehen|durchgehen",
  "lees|lezen|doorlezen|bekijk|bekijken|reageer|reageren|beantwoord|beantwoorden",
  "leggo|leggerò|leggere|rispondo|risponderò|rispondere|esamino|esaminerò|valuto|valuterò",
].join('|'));

/** Talking with the rep: what makes a clause about reading or answering also one about meeting ("review it together"). */
export const WITH_THE_REP = u([
  "talk|speak|chat|call|meet|catch\\s+up|together|with\\s+(?:you|me|us)|demo|we\\s+(?:can|could|should)|happy\\s+to",
  "habl\\p{L}+|llamada|reuni[oó]n|vernos|juntos|fal\\p{L}+|convers\\p{L}+|reunião|ligação|juntos|parl\\p{L}+|appel|échang\\p{L}+|se\\s+voir|ensemble",
  "sprechen|telefon\\p{L}+|treffen|gespräch|termin|gemeinsam|zusammen|spreken|bellen|afspraak|gesprek|samen",
  "parl\\p{L}+|sentiamo\\p{L}*|chiamata|vederci|insieme",
].join('|'));

/**
 * The prospect brought to the rep ("my driver brings me to you Thursday at 10", "mi chófer me lleva a su oficina", "o
 * motorista me leva até vocês", "mon chauffeur me dépose chez vous", "mein Fahrer bringt mich zu Ihnen", "mijn chauffeur
 * brengt me naar jullie", "il mio autista mi porta da voi"): coming to the meeting, not an errand.
 */
export const BROUGHT_TO_YOU = u([
  "(?:brings?|bringing|takes?|taking|drives?|driving|drops?|dropping|gets?)\\s+(?:me|us)\\s+(?:(?:off|over|round|around)\\s+)?(?:to|at)\\s+(?:you|your)(?![\\p{L}])",
  "(?:me|nos)\\s+(?:lleva|llevará|trae|traerá|deja|dejará|acerca|acercará)\\s+(?:\\S+\\s+){0,2}(?:su|sus|tu|tus|vuestra|vuestras|vuestro|ustedes|usted|ti)(?![\\p{L}])",
  "(?:me|nos)\\s+(?:leva|levará|traz|trará|deixa|deixará)\\s+(?:\\S+\\s+){0,2}(?:vocês|você|sua|seu|suas|seus)(?![\\p{L}])",
  "(?:me|nous)\\s+(?:dépose|déposera|conduit|conduira|amène|amènera|emmène|emmènera)\\s+(?:\\S+\\s+){0,2}(?:chez\\s+vous|vos|votre|à\\s+vous)(?![\\p{L}])",
  "(?:bringt|fährt)\\s+(?:\\S+\\s+){0,6}?(?:mich|uns)\\s+(?:\\S+\\s+){0,6}?(?:zu\\s+(?:ihnen|dir|euch|ihrem|ihrer)|in\\s+ihr(?:e|en)?|bei\\s+ihnen\\s+vor)(?![\\p{L}])",
  "(?:brengt|rijdt)\\s+(?:\\S+\\s+){0,6}?(?:me|mij|ons)\\s+(?:\\S+\\s+){0,6}?naar\\s+(?:u|jullie|je|jou|uw|jouw)(?![\\p{L}])|zet\\s+(?:me|mij|ons)\\s+(?:\\S+\\s+){0,6}?(?:bij\\s+(?:u|jullie|je)|af\\s+bij\\s+(?:u|jullie|je))(?![\\p{L}])",
  "(?:mi|ci)\\s+(?:porta|porterà|accompagna|accompagnerà|lascia|lascerà)\\s+(?:\\S+\\s+){0,2}(?:da\\s+(?:voi|lei|te)|(?:nel|nella|al|alla|presso)\\s+(?:vostr|su|tu)\\p{L}*)(?![\\p{L}])",
].join('|'));

/**
 * The prospect coming to the rep's place: "I'll be at your office Thursday at 10", "we can come by your office",
 * "estaré en su oficina el jueves", "je serai à vos bureaux jeudi", "je passerai chez vous". A meeting, not the
 * prospect's travel or an errand.
 */
export const COMES_TO_YOU = u([
  "(?:i|we)(?:['’]ll|\\s+will|\\s+can|\\s+could|['’]d|\\s+would)?\\s+(?:be|come|stop|drop|swing|pop)\\s+(?:(?:by|over|round|in|along)\\s+)?(?:to|at|by)\\s+(?:your|you)(?![\\p{L}])",
  "(?:estaré|estaremos|paso|pasaré|pasamos|pasaremos|voy|iré|vamos|iremos)\\s+(?:por|a|en)\\s+(?:su|sus|tu|tus|vuestra|vuestras|vuestro)\\s+(?:oficina|oficinas|empresa|local|sede|despacho)",
  "(?:je\\s+serai|nous\\s+serons)\\s+(?:à|dans|chez)\\s+(?:vos|votre|vous)(?![\\p{L}])|(?:je\\s+passerai|nous\\s+passerons|je\\s+viendrai|nous\\s+viendrons)\\s+(?:chez\\s+vous|vous\\s+voir|à\\s+vos|à\\s+votre|dans\\s+vos|dans\\s+votre)(?![\\p{L}])",
].join('|'));

/** Asking to meet at or around the event: a question, "can we", "let's", "meet", "catch up". */
export const ASK_TO_MEET = /\?|(?<![\p{L}])(?:can|could|shall)\s+we|(?<![\p{L}])let['’]?s(?![\p{L}])|how\s+about|(?<!to\s)meet\s+(?:up|you|there)|works|suits|free\s+(?:at|on|then)|(?<![\p{L}])available|funciona|me\s+va|me\s+viene|passt|past\s+(?:me|mij|ons)|schikt|va\s+bene|convient|ça\s+marche|grab\s+(?:a\s+)?coffee|catch\s+up|podemos|podríamos|vernos|nos\s+vemos|nos\s+vemos|nos\s+encontrar|on\s+peut|pouvons|pourrions|se\s+voir|können\s+wir|treffen|kunnen\s+we|afspreken|possiamo|vederci|incontrarci(?![\p{L}])/iu;

/**
 * A remark on the zone's clock: one clock all year ("we don't do daylight saving", "no tenemos horario de verano", "keine
 * Sommerzeit"), a change just made ("we've just come off daylight saving") or already in effect ("con l'ora legale già in
 * vigore").
 */
export const NO_CLOCK_CHANGE = /(?<![\p{L}])(?:(?:daylight\s+saving\p{L}*|dst|summer\s+time|(?:l['’])?ora\s+legale|horario\s+de\s+verano|horário\s+de\s+verão|(?:l['’])?heure\s+d['’]été|sommerzeit|zomertijd)\s+(?:\p{L}+\s+)?(?:in\s+vigore|in\s+effect|in\s+force|en\s+vigor|em\s+vigor|en\s+vigueur|in\s+kraft|van\s+kracht|already\s+(?:on|started|in\s+effect))|(?:come|came|gone|went|switched|moved|changed)\s+(?:off|onto|on\s+to|to|back\s+to|over\s+to)\s+(?:daylight\s+saving\p{L}*|dst|summer\s+time|standard\s+time|winter\s+time)|(?:don['’]t|do\s+not|doesn['’]t|does\s+not|never|no|without)\s+(?:\p{L}+\s+)?(?:daylight\s+saving\p{L}*|dst|summer\s+time|clock\s+changes?|time\s+changes?)|no\s+(?:\p{L}+\s+)?(?:horario\s+de\s+(?:verano|summer)|cambio\s+de\s+hora)|não\s+(?:\p{L}+\s+)?(?:horário\s+de\s+(?:verão|summer)|mudança\s+de\s+hora)|(?:pas|jamais)\s+(?:\p{L}+\s+)?(?:d['’]heure\s+d['’]été|de\s+changement\s+d['’]heure)|kein(?:e|en)?\s+(?:sommerzeit|zeitumstellung)|geen\s+(?:zomertijd|wintertijd)|(?:non|niente|senza)\s+(?:\p{L}+\s+)?(?:l['’])?ora\s+legale|(?:sin|sem|sans|ohne|zonder|senza)\s+(?:horario\s+de\s+verano|horário\s+de\s+verão|heure\s+d['’]été|sommerzeit|zomertijd|ora\s+legale))(?![\p{L}])/giu;

/** A title written with a full stop, right before it: "Mr", "Mrs", "Ms", "Dr", "Prof", "M", "Mme", "Sr", "Sra", "Ing", "Dott". */
export const TITLE_BEFORE = /(?<![\p{L}])(?:mr|mrs|ms|dr|prof|m|mme|mlle|sr|sra|srta|ing|lic|dott|sig|sig\.ra|dhr|mevr|hr|fr)$/iu;

/** The noun phrase a day owns, right after it: "Friday's payment run" gives "payment run". */
export const POSSESSED = /^['’]s\s+((?:[\p{L}-]+\s*){1,3})/u;

/** A tag question after a statement: ", ok?", ", right?", ", vale?", ", tá?", ", d'accord ?", ", oké?", ", va bene?". */
export const TAG_QUESTION = /[,\s]\s*(?:ok(?:ay)?|right|alright|vale|tá|ta|certo|d['’]accord|oké|okay|goed|klar|gut|va\s+bene|sì|sí|si|no|non|nein|nee|né)\s*\?/giu;

/** "before", "antes del", "avant le", "vor dem", "vóór", "prima del", "antes do", "bis zum" right before a date. */
// "not before next month", "pas avant le 15", "nicht vor Ende März": a start bound (the earliest time), not a deadline.
export const BEFORE = /(?<![\p{L}])(?<!(?:not|pas|nicht|no|não|nao|niet|non|never|jamais|nunca|mai)\s+)(?:before|antes\s+(?:del?|de\s+la|do|da)|avant(?:\s+(?:le|la|l['’]))?|(?<!(?:schlage|schlagen|schlägt|schlug|stelle|stellen|merke|merken|habe|hab|haben)\s+(?:ich\s+|wir\s+|ihnen\s+|dir\s+)?)vor(?:\s+(?:dem|der))?|vóór|prima\s+(?:del|della|di|dello)|bis\s+(?:zum|zur|spätestens)|d['’]ici|entro)\s+(?:(?:the|el|la|le|o|a|il|lo|den|dem)\s+)?$/iu;

/** ", before that …", ", vorher …", ", avant …", ", antes …", ", daarvoor …", ", prima …": a clause about the time before. */
export const REASON_BEFORE = /(?:^\s*|,)\s*(?:(?:but|aber|mais|pero|mas|maar|ma)\s+)?(?:before\s+(?:that|then)|until\s+then|vorher|davor|bis\s+dahin|avant(?:\s+(?:ça|ca|cela))?(?=\s+(?:c['’]|on|nous|je|j['’]|il|c\s))|d['’]ici\s+là|antes(?:\s+(?:de\s+eso|disso|d(?:isso|e\s+isso)))?(?=\s+\p{L})|hasta\s+entonces|até\s+lá|daarvoor|tot\s+dan|voor\s+die\s+tijd|prima(?:\s+di\s+allora)?(?=\s+(?:c['’]è|ho|abbiamo|siamo|sono|è))|fino\s+ad\s+allora)(?![\p{L}])/iu;

/** Words opening a subordinate clause after the time: "once", "as soon as", "because", "sobald", "dès que", "zodra"… */
export const SUBORDINATE = /(?<![\p{L}])(?:once|as\s+soon\s+as|because|since|cuando|en\s+cuanto|porque|quand|dès\s+que|lorsque|parce\s+que|sobald|weil|wenn|zodra|omdat|wanneer|appena|perché|quando|assim\s+que)(?![\p{L}])/iu;

/** Asking to be written to (not met) right before a day: "ping me", "email me on", "escríbeme el", "relancez-moi". */
export const WRITE_TO_ME = /(?<![\p{L}])(?:(?:ping|nudge|remind|e-?mail|text|message|write\s+to|follow\s+up\s+with|check\s+in\s+with|reach\s+out\s+to)\s+(?:me|us)(?:\s+again)?|drop\s+(?:me|us)\s+a\s+(?:line|note|mail)|escr[ií]be(?:me|nos)|recu[ée]rda(?:me|melo)|m[áa]nda(?:me|nos)\s+un\s+(?:correo|mensaje|mail)|relance[sz]?-(?:moi|nous)|[ée]cri(?:vez|s)-(?:moi|nous)|(?:schreiben\s+sie|schreib|erinnern\s+sie)\s+(?:mir|mich|uns)(?:\s+(?:doch|gern|gerne|einfach|nochmal))*|stuur\s+(?:me|ons)(?:\s+een\s+(?:mail|bericht|berichtje))?|mail\s+(?:me|ons)|scrivi(?:mi|ci)|ricorda(?:mi|melo)|manda(?:mi|ci)\s+un\s+(?:messaggio|mail)|me\s+(?:manda|escreve|lembra)(?:\s+(?:um|uma)\s+(?:e-?mail|mensagem))?)\s*(?:(?:on|el|le|am|op|o|a|il|no|na)\s+)?$/iu;

/** A clock time with no day: "3pm", "15:00", "18h", "10 Uhr". */
export const CLOCK_ONLY = /^(?:at\s+)?\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.?m\.?|h|uhr|o['’]clock)?$/iu;

/** Now, as opposed to the time named: "right now", "ahora", "agora", "là", "maintenant", "jetzt", "gerade", "nu", "ora". */
export const NOW = /(?<![\p{L}])(?:now|right\s+now|at\s+the\s+moment|currently|ahora|ahorita|agora|maintenant|là|en\s+ce\s+moment|jetzt|gerade|momentan|im\s+moment|nu|momenteel|ora|adesso|al\s+momento)(?![\p{L}])/iu;

/** A phrase that names a day or a date ("Tuesday", "the 4th", "Oct 14", "tomorrow"), not just an hour. */
export const NAMES_DAY = /(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|\d(?:st|nd|rd|th)|january|february|march|april|may|june|july|august|september|october|november|december|\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b|\d{1,2}[/.-]\d{1,2}|week|month)/iu;

/**
 * The words before a "but" that means "except": "any day", "anytime next week", "everything" ("busy all week but Friday
 * at 10 works" is not one: the day after it is the one free).
 */
export const ANY_BUT = /(?<![\p{L}])(?:any|anything|everything|anytime|whenever|cualquier|qualquer|n['’]importe|qualsiasi)(?![\p{L}])[^.!?;\n,]*$/iu;

/** A time right after "any day but", "anything but": the one time excepted. */
export const EXCEPTED = /(?<![\p{L}])(?:any|anything|everything|anytime|whenever)(?![\p{L}])[^.!?;\n,]{0,30}\sbut\s+(?:(?:on|at|the)\s+)?$/iu;
