/**
 * Cues for the two ways a prospect ends the conversation, in the seven languages: opt-out ("stop writing to me",
 * an erasure request) and decline ("not interested", "we went with someone else", "we'll build it in-house").
 * Each cue has a weight; `negatable` cues lose their meaning after a negation in the same clause ("please don't
 * remove me"). A cue that already carries its own negation ("don't email me") is not negatable.
 */
export interface Cue { re: RegExp; weight: number; negatable?: boolean }

const c = (src: string, weight = 1, negatable = false): Cue => ({ re: new RegExp(`(?<![\\p{L}])(?:${src})(?![\\p{L}])`, 'iu'), weight, negatable });

export const OPTOUT_CUES: Cue[] = [
  // English
  c("remove\\s+(?:me|us|my\\s+(?:e-?mail|address|name|details|contact(?:\\s+details)?|info(?:rmation)?|data))", 1, true),
  c("take\\s+(?:me|us|my\\s+(?:e-?mail|address|name))\\s+off", 1, true),
  c('unsubscribe|unsub|opt(?:\\s|-)?(?:me\\s+)?out|opting\\s+out', 1, true),
  c("stop\\s+(?:e-?mailing|contacting|sending|messaging|writing|calling|reaching\\s+out|spamming|pinging|following\\s+up|bothering|harassing)"),
  c("please\\s+stop|stop\\s+(?:it|this|now)|^\\W*stop\\W*$|just\\s+stop|stop,?\\s+please"),
  c("(?:do\\s+not|don['’]t|never|pls\\s+don['’]t)\\s+(?:ever\\s+)?(?:e-?mail|contact|message|write\\s+to|reach\\s+out\\s+to|call|spam)\\s+(?:me|us)"),
  c("no\\s+(?:more|further)\\s+(?:e-?mails|emails|messages|contact|follow-?ups|outreach)"),
  c("(?:delete|erase|remove|purge|wipe)\\s+(?:all\\s+)?(?:of\\s+)?(?:my|our)\\s+(?:personal\\s+)?(?:data|information|details|contact\\s+details|info|records)", 1, true),
  c("right\\s+(?:to\\s+)?(?:erasure|be\\s+forgotten)|erasure\\s+(?:request|of\\s+my)|art(?:icle|\\.)?\\s*17"),
  c('gdpr|ccpa|data\\s+protection\\s+(?:law|request|act)', 0.6),
  // Erasure of personal data, in any of the seven languages and either word order.
  c("(?:supresión|eliminación|borrado|suprimir|eliminar|borrar|supriman|eliminen|borren|erasure|erase|delete|deletion|removal|purge|effacement|suppression|effacer|supprimer|supprimiez|löschung|verwijdering|wissen|cancellazione|cancellare|rimozione|exclusão|excluir|apagar|apagamento|eliminação|remoção)\\s+(?:\\p{L}+\\s+){0,4}(?:datos|data|données|daten|gegevens|persoonsgegevens|dati|dados|personal\\s+information|informations\\s+personnelles)", 1, true),
  c("(?:datos|data|données|daten|gegevens|persoonsgegevens|dati|dados)\\s+(?:\\p{L}+\\s+){0,4}(?:zu\\s+|te\\s+)?(?:löschen|gelöscht|verwijderen|verwijderd|wissen|gewist|cancellare|cancellati|eliminare|eliminati|apagados|excluídos|eliminados|borrados|suprimidos|supprimées|effacées|deleted|erased|removed)", 1, true),
  c("(?:no\\s+longer|don['’]t|do\\s+not)\\s+(?:wish|want)\\s+to\\s+(?:be\\s+contacted|receive|hear|get)"),
  c("leave\\s+(?:me|us)\\s+out\\s+of\\s+(?:any|all|your|future|further)|leave\\s+(?:me|us)\\s+alone|cease\\s+(?:and\\s+desist|all\\s+contact|contacting)"),
  c("never\\s+(?:signed\\s+up|subscribed|opted\\s+in|gave\\s+you)|didn['’]t\\s+sign\\s+up|did\\s+not\\s+(?:sign\\s+up|consent)|how\\s+did\\s+you\\s+get\\s+my", 0.6),
  c('das\\s+ist\\s+spam|esto\\s+es\\s+spam|isto\\s+é\\s+spam|isso\\s+é\\s+spam|c[\'’]est\\s+du\\s+spam|dit\\s+is\\s+spam|questo\\s+è\\s+spam|this\\s+is\\s+spam|spam(?:ming)?\\s+(?:me|us)|report(?:ing)?\\s+(?:you|this)\\s+(?:as|to)'),
  c('mailing\\s+list|spam', 0.5),
  // Confirmation of an erasure asked for, in the seven languages: "please confirm the deletion in writing", "bitte
  // bestätigen Sie die Löschung", "merci de confirmer la suppression", "confirme la supresión", "confirmem a exclusão",
  // "bevestig de verwijdering", "confermate la cancellazione".
  c("(?:confirm|bestätig|confirme|confirmer|confirmez|confirmar|confirmen|confirmem|bevestig|conferm)\\p{L}*\\s+(?:\\p{L}+\\s+){0,3}(?:deletion|erasure|removal|unsubscription|löschung|austragung|suppression|effacement|désinscription|supresión|eliminación|borrado|baja|exclusão|eliminação|remoção|descadastramento|verwijdering|uitschrijving|cancellazione|rimozione|disiscrizione)"),
  c('lose\\s+my\\s+(?:e-?mail|address|number)'),
  // A clause that is nothing but the request, in any of the seven languages: "baja", "BAJA por favor", "Unsubscribe.",
  // "descadastrar", "désinscription", "Abmelden bitte", "afmelden", "cancellami".
  c("^\\W*(?:baja|de\\s+baja|unsubscribe|unsub|remove(?:\\s+me)?|stopp?|descadastr(?:ar|e|o)|remover|désinscription|désinscrire|désabonnement|abmelden|austragen|afmelden|uitschrijven|disiscrivimi|disiscrizione|cancellami|cancellatemi|rimuovimi)\\W*(?:(?:please|pls|por\\s+favor|porfa|bitte|svp|s['’]il\\s+vous\\s+pla[iî]t|alstublieft|aub|a\\.u\\.b\\.|graag|per\\s+favore|grazie|gracias|obrigad[oa]|danke|merci|thanks|thx|ya)\\W*)?$"),
  // Spanish
  // "te agradecería que me dieras de baja", "que nos den de baja": the verb "dar" in any form, the clitic before it.
  c("(?:me|nos)\\s+(?:d[ieéa]\\p{L}*)\\s+de\\s+baja", 1, true),
  c("(?:báj|baj)(?:a|e|en|ad)(?:me|nos)\\s+de\\s+(?:su|la|vuestra|esta|tu|sus|vuestras|esa)|da(?:r|d)?(?:me|nos)?\\s+de\\s+baja|de(?:n|me)\\s+de\\s+baja|baja\\s+de\\s+(?:la|su|vuestra|esta)\\s+lista|darme\\s+de\\s+baja", 1, true),
  // Usted/ustedes and tú/vosotros forms, with or without the accent ("no me escribáis más", "no me escribais mas").
  c("(?:no|nunca)\\s+(?:me|nos)\\s+(?:vuelva[ns]?\\s+a\\s+|volvá[ií]s\\s+a\\s+|volvais\\s+a\\s+)?(?:escrib(?:a[ns]?|[aá]is)|contact(?:e[ns]?|[eé]is)|env[ií](?:e[ns]?|[eé]is)|llam(?:e[ns]?|[eé]is)|mand(?:e[ns]?|[eé]is)|molest(?:e[ns]?|[eé]is))"),
  c("dej(?:e|en|a|ad|ar)\\s+de\\s+(?:escribir|enviar|contactar|mandar|llamar|molestar)(?:me|nos)?"),
  c("(?:elimín|elimin|borr|bórr|quít|quit|sác|sac|saqu|sáqu|suprím|suprim)(?:a|e|en|ad|ar|enme|eme|adme|ame|ale)?(?:me|nos)?\\s+de\\s+(?:su|la|vuestra|esta|sus|tu|tus|vuestras|esa|esas)", 1, true),
  c("(?:eliminar|borrar|suprimir|eliminen|borren|supriman)\\s+(?:todos\\s+)?mis\\s+datos|supresión\\s+de\\s+(?:mis|los)\\s+datos|derecho\\s+(?:de\\s+supresión|al\\s+olvido)"),
  c("no\\s+(?:quiero|deseo)\\s+recibir|cancelar\\s+(?:la\\s+|mi\\s+)?suscripción|desuscribir(?:me)?"),
  c('rgpd|lopd', 0.6),
  // Portuguese
  c('descadastr\\p{L}*|cancelar\\s+(?:a\\s+|minha\\s+)?inscrição', 1, true),
  c("(?:remova|retire|exclua|tire|removam|retirem|excluam|tirem)[-\\s](?:me|nos)|(?:me|nos)\\s+(?:remova|retire|exclua|tire|removam|retirem|excluam|tirem)|remover\\s+(?:o\\s+)?meu\\s+(?:e-?mail|contato|nome|endereço)", 1, true),
  c("(?:não|nunca)\\s+(?:me|nos)\\s+(?:contate|contatem|contacte|contactem|escreva|escrevam|envie|enviem|mande|mandem|ligue|liguem|procure|procurem)"),
  c("par(?:e|em|a|ar)\\s+de\\s+(?:me\\s+|nos\\s+)?(?:enviar|mandar|escrever|contatar|contactar|ligar|procurar)"),
  c("(?:apagar|excluir|eliminar|deletar|apaguem|excluam|eliminem)\\s+(?:todos\\s+)?(?:os\\s+)?meus\\s+dados|exclusão\\s+(?:de\\s+todos\\s+)?dos\\s+meus\\s+dados|eliminação\\s+dos\\s+(?:meus\\s+)?dados|direito\\s+(?:ao|de)\\s+(?:apagamento|esquecimento|eliminação)"),
  c("(?:não|nao)\\s+(?:quero|desejo)\\s+(?:mais\\s+)?receber"),
  c('lgpd', 0.6),
  // French
  c("désabonn\\p{L}*|desabonn\\p{L}*|désinscri\\p{L}*|desinscri\\p{L}*", 1, true),
  c("(?:retirez|supprimez|enlevez|rayez|effacez)[-\\s]moi|(?:retirer|supprimer|enlever|effacer)\\s+(?:mon\\s+adresse|mon\\s+e-?mail|mes\\s+coordonnées|mon\\s+nom)", 1, true),
  c("ne\\s+(?:plus\\s+)?(?:me|nous)\\s+(?:plus\\s+)?(?:contacter|écrire|envoyer|solliciter|relancer|appeler)|ne\\s+(?:me|nous)\\s+(?:contactez|écrivez|relancez|sollicitez|envoyez)\\s+plus"),
  c("(?:arrêtez|arretez|cessez|merci\\s+d['’]arrêter)\\s+de\\s+(?:m['’]|me\\s+|nous\\s+)(?:contacter|écrire|envoyer|solliciter|relancer|spammer|appeler)"),
  c("(?:me|nous)\\s+(?:retirer|supprimer|désinscrire|desinscrire|enlever|rayer)\\s+(?:de|des|du)", 1, true),
  c("(?:effacement|suppression)\\s+(?:de\\s+|des\\s+)?(?:toutes\\s+)?(?:mes\\s+)?données|droit\\s+à\\s+l['’](?:effacement|oubli)|(?:supprimer|effacer|supprimez|effacez)\\s+(?:toutes\\s+)?mes\\s+données"),
  c("je\\s+ne\\s+(?:veux|souhaite)\\s+plus\\s+(?:recevoir|être\\s+contacté)"),
  // German
  // The separable verb split: "bitte tragen Sie mich aus", "mich auszutragen", "melden Sie uns ab".
  c("auszutragen|abzumelden|(?:tragen|melden)\\s+sie\\s+(?:mich|uns)\\s+(?:\\p{L}+\\s+){0,3}(?:aus|ab)(?![\\p{L}])", 1, true),
  c("abmelden|abbestellen|austragen|(?:aus|von)\\s+(?:ihrem|dem|eurem|deinem|ihrer|der|diesem)\\s+(?:verteiler|newsletter|liste|e-?mail-?liste|mailingliste|mailverteiler)", 1, true),
  c("keine\\s+(?:weiteren\\s+|weitere\\s+)?(?:e-?mails|nachrichten|mails|kontaktaufnahmen?|werbung|anfragen)"),
  c("(?:nicht|nie)\\s+mehr\\s+(?:zu\\s+)?(?:kontaktieren|anschreiben|schreiben|anrufen|kontaktiert|anzuschreiben)|kontaktieren\\s+sie\\s+mich\\s+nicht"),
  c("hören\\s+sie\\s+(?:\\p{L}+\\s+){0,2}auf|hör\\s+(?:\\p{L}+\\s+){0,2}auf,?\\s+(?:mir|mich|uns)|aufhören,?\\s+(?:mir|mich|uns)\\s+(?:zu\\s+)?(?:\\p{L}+\\s+){0,2}(?:schreiben|kontaktieren|anzuschreiben|mailen)|unterlassen\\s+sie|(?:ich\\s+)?widerspreche"),
  c("löschung\\s+(?:meiner|aller|meine)|löschen\\s+sie\\s+(?:meine|alle)|recht\\s+auf\\s+(?:löschung|vergessenwerden)|meine\\s+daten\\s+(?:zu\\s+)?löschen"),
  c('dsgvo|datenschutz-?grundverordnung', 0.6),
  // Dutch
  c("afmelden|uitschrijven|uitgeschreven|van\\s+(?:uw|jullie|de|deze)\\s+(?:mailing)?lijst", 1, true),
  // The separable verb split: "gelieve mij uit te schrijven", "schrijf me maar uit", "meld ons af".
  c("uit\\s+te\\s+schrijven|af\\s+te\\s+melden|(?:schrijf|schrijft|meld|meldt)\\s+(?:u\\s+|je\\s+)?(?:mij|me|ons)\\s+(?:\\p{L}+\\s+){0,2}(?:uit|af)", 1, true),
  c("(?:haal|verwijder)\\s+(?:mij|me|ons|mijn\\s+(?:e-?mail|adres|gegevens|naam))", 1, true),
  c("geen\\s+(?:e-?mails|mails|berichten|contact)\\s+meer|neem\\s+geen\\s+contact\\s+meer"),
  c("(?:niet|nooit)\\s+meer\\s+(?:te\\s+)?(?:contacteren|mailen|benaderen|bellen|e-?mailen)|stop\\s+(?:met|nu\\s+met)\\s+(?:mailen|e-?mailen|benaderen|contacteren|sturen|bellen)"),
  c("(?:verwijdering|wissen|verwijderen)\\s+(?:van\\s+)?(?:al\\s+)?mijn\\s+(?:persoons)?gegevens|recht\\s+op\\s+(?:vergetelheid|gegevenswissing)"),
  c('avg', 0.6),
  // Italian
  c("disiscriv\\p{L}*|disiscrizione|cancellatemi|rimuovetemi|toglietemi|rimuovermi|togliermi|cancellarmi", 1, true),
  c("(?:rimuovere|togliere|cancellare)\\s+il\\s+mio\\s+(?:indirizzo|nominativo|contatto)", 1, true),
  c("non\\s+(?:mi|ci)\\s+(?:contattate|scrivete|contattare|scrivere|inviate|mandate)(?:\\s+più)?|non\\s+(?:contattatemi|scrivetemi)"),
  c("(?:smettete|smetta|smettila|smettetela)\\s+di\\s+(?:scriver|contattar|inviar|mandar)\\p{L}*"),
  c("non\\s+(?:voglio|desidero)\\s+(?:più\\s+)?ricevere|cancellazione\\s+(?:di\\s+tutti\\s+)?dei\\s+(?:miei\\s+)?dati|diritto\\s+(?:all['’]oblio|alla\\s+cancellazione)|(?:cancellate|eliminate)\\s+(?:tutti\\s+)?i\\s+miei\\s+dati"),
];

export const DECLINE_CUES: Cue[] = [
  // "We signed with HubSpot last month", "we just went with Outreach", "we've chosen Salesloft": a named vendor chosen.
  { re: /(?<![\p{L}])(?:[Ww]e|[Ww]e['’]ve|[Ww]e\s+have|[Ww]e\s+just|[Ww]e['’]ve\s+just|[Ww]e\s+already|[Ww]e['’]ve\s+already|[Jj]ust|[Aa]lready)\s+(?:just\s+|already\s+|recently\s+)?(?:signed(?:\s+(?:a\s+)?(?:contract|deal|an?\s+agreement))?\s+with|went\s+with|gone\s+with|chosen|chose|selected|picked|decided\s+on)\s+(?!you\b|your\b|yours\b)\p{Lu}[\p{L}\d.-]*/u, weight: 1, negatable: true },
  // English
  c("not\\s+(?:really\\s+|currently\\s+|at\\s+all\\s+|that\\s+)?interested|no\\s+interest|uninterested"),
  c("no\\s+(?:thanks|thank\\s+you)|thanks,?\\s+but\\s+no|no,?\\s+thank\\s+you"),
  c("(?:went|gone|going|decided\\s+to\\s+go|chose|chosen|picked|signed|selected|partnered|moving\\s+forward)\\s+(?:with|on|for)\\s+(?:another|a\\s+different|other|a\\s+competitor|someone\\s+else|a\\s+different)"),
  c("(?:another|a\\s+different)\\s+(?:vendor|provider|solution|tool|partner|direction)"),
  c("(?:isn['’]t|is\\s+not|aren['’]t|are\\s+not)\\s+(?:really\\s+)?(?:a\\s+(?:top\\s+|high\\s+)?priority|a\\s+(?:good\\s+)?fit|for\\s+us|the\\s+right\\s+(?:time|fit))|not\\s+(?:a\\s+(?:good\\s+)?fit|the\\s+right\\s+fit|a\\s+priority|something\\s+we\\s+need|for\\s+us|the\\s+right\\s+time)"),
  // "it's a no from us", "la respuesta es un no", "c'est non pour nous", "das ist ein Nein", "het is een nee".
  c("(?:it['’]s|it\\s+is|that['’]s|that\\s+is|the\\s+answer\\s+is|our\\s+answer\\s+is)\\s+(?:going\\s+to\\s+be\\s+)?(?:a\\s+)?(?:firm\\s+|hard\\s+|polite\\s+|definite\\s+)?no(?:\\s+(?:from|for)\\s+(?:us|me|our\\s+side))?(?=\\s*[.,;!]|\\s+(?:from|for|on)\\s)|a\\s+no\\s+from\\s+(?:us|me)|(?:es|será)\\s+un\\s+no|(?:é|será)\\s+um\\s+não|c['’]est\\s+(?:un\\s+)?non(?:\\s+pour\\s+(?:nous|moi))?(?=\\s*[.,;!])|(?:ist|lautet)\\s+(?:leider\\s+)?(?:ein\\s+)?nein|het\\s+(?:antwoord\\s+)?is\\s+(?:helaas\\s+)?(?:een\\s+)?nee|(?:è|sarà)\\s+un\\s+no"),
  c("(?:we|i)['’]?(?:ll|\\s+will)\\s+pass(?!\\s+(?:it|this|that|these|those|your|the|them|him|her|along|over|through|by|word|a|an|my|our)(?![\\p{L}])|\\s+on\\s+(?:to|your|the|my|our|his|her)(?![\\p{L}]))|(?:have|going)\\s+to\\s+pass|no\\s+budget|don['’]t\\s+have\\s+(?:the|a|any)\\s+budget"),
  c("not\\s+(?:be\\s+)?(?:moving|going)\\s+forward|won['’]t\\s+be\\s+(?:moving\\s+forward|pursuing|proceeding|needing|going\\s+ahead)|(?:won['’]t|will\\s+not|aren['’]t|are\\s+not|not)\\s+(?:be\\s+)?pursu(?:e|ing)"),
  c("decided\\s+(?:not\\s+to|against)|chose\\s+not\\s+to|(?:build|do|handle|develop|keep)\\s+(?:it|this|that)?\\s*(?:in-?house|internally|ourselves)"),
  c("(?:happy\\s+with|sticking\\s+with|staying\\s+with)\\s+(?:a|an|our|the)\\s+(?:current\\s+|existing\\s+)?(?:solution|vendor|provider|tool|partner|system|setup)"),
  c("please\\s+close\\s+(?:out\\s+)?(?:this|the|my|our)|no\\s+longer\\s+(?:need|require|looking|interested)"),
  // The matter closed, as a secretary writes it: "asks that you consider the matter closed", "regard this matter as closed",
  // "considere el asunto cerrado", "considere o assunto encerrado", "considérez le dossier comme clos", "betrachten Sie die
  // Angelegenheit als erledigt", "beschouw de zaak als gesloten", "consideri la questione chiusa".
  c("(?:consider|regard|treat)\\s+(?:the|this)\\s+(?:matter|file|case|topic|subject)\\s+(?:as\\s+)?(?:closed|concluded)|(?:the|this)\\s+matter\\s+is\\s+(?:now\\s+)?closed|(?:el|este)\\s+(?:asunto|tema)\\s+(?:por\\s+)?(?:cerrado|zanjado)|(?:o|este)\\s+assunto\\s+(?:por\\s+)?encerrado|(?:le|ce)\\s+(?:dossier|sujet)\\s+(?:comme\\s+)?(?:clos|clôturé)|(?:die|diese)\\s+(?:angelegenheit|sache)\\s+(?:als\\s+)?(?:erledigt|abgeschlossen)|(?:de|deze)\\s+(?:zaak|kwestie)\\s+(?:als\\s+)?(?:gesloten|afgesloten)|(?:la|questa)\\s+(?:questione|pratica)\\s+(?:come\\s+)?chius[ao]"),
  c("not\\s+(?:for\\s+now|at\\s+this\\s+time|right\\s+now)|we['’]ll\\s+reach\\s+out\\s+if|(?:we['’]re|we\\s+are)\\s+all\\s+set(?!\\s+for)", 0.7),
  // Keeping what they have, in the seven languages: "nah we're good", "preferimos seguir con la herramienta que ya
  // usamos", "vamos seguir com a solução que já temos", "we hebben hier al iets voor", "on reste avec notre outil actuel".
  // Weak: a time named in the same reply wins ("seguimos con lo que ya usamos, pero hablemos el jueves a las 15h").
  c("(?:nah|nope|no)[,\\s]+(?:(?:thanks|thx|ty)[,\\s]+)?(?:we['’]re|we\\s+are|i['’]m|i\\s+am)\\s+(?:good|fine|ok(?:ay)?|covered|sorted)(?![\\p{L}\\s]*(?:for|on|with)\\s)", 0.7),
  c("(?:seguir|quedarnos|continuar|seguimos|continuamos|ficar|ficamos)\\s+(?:con|com)\\s+(?:\\p{L}+\\s+){0,3}que\\s+(?:ya|já)\\s+(?:usamos|tenemos|utilizamos|temos|usamos)", 0.7),
  c("(?:hebben|heb)\\s+(?:hier\\s+|daar\\s+)?al\\s+iets\\s+(?:voor|anders)|(?:zijn|ben)\\s+(?:daar|er|hier)\\s+(?:heel\\s+|erg\\s+|zeer\\s+)?tevreden\\s+(?:over|mee)", 0.7),
  c("(?:restons|rester|continuons|garder|gardons)\\s+(?:avec\\s+|sur\\s+)?(?:\\p{L}+\\s+){0,3}(?:actuel(?:le)?|que\\s+nous\\s+avons(?:\\s+déjà)?)", 0.7),
  c("(?:bleiben|bleibe)\\s+(?:\\p{L}+\\s+){0,2}(?:bei|mit)\\s+(?:\\p{L}+\\s+){0,2}(?:aktuellen|bisherigen|jetzigen|bestehenden)|(?:sind|bin)\\s+(?:\\p{L}+\\s+){0,2}zufrieden\\s+mit\\s+(?:unserer|unserem|der|dem)\\s+(?:aktuellen|bisherigen|jetzigen|bestehenden)", 0.7),
  c("(?:restiamo|rimaniamo|continuiamo|teniamo)\\s+(?:con\\s+)?(?:\\p{L}+\\s+){0,3}(?:attuale|che\\s+(?:già\\s+)?(?:usiamo|abbiamo|utilizziamo))", 0.7),
  // More than the prospect needs, too big for them: "this is way more than we need", "overkill for a team of four", "es
  // más de lo que necesitamos", "é mais do que precisamos", "c'est trop pour nous", "viel mehr als wir brauchen", "veel
  // meer dan we nodig hebben", "è più di quanto ci serve". Weak: a time named beside it still wins.
  c("more\\s+than\\s+(?:we|i)\\s+(?:really\\s+)?(?:need|require)|overkill|too\\s+(?:big|much|complex|advanced|heavy)\\s+for\\s+(?:us|me|a\\s+(?:team|company|business|shop|firm|practice))|más\\s+de\\s+lo\\s+que\\s+(?:necesitamos|necesito)|demasiado\\s+(?:grande|complej[oa])\\s+para\\s+(?:nosotros|mí)|mais\\s+do\\s+que\\s+(?:precisamos|preciso|necessitamos)|grande\\s+demais\\s+para\\s+(?:nós|mim)|trop\\s+(?:gros|grand|complexe|lourd)\\s+pour\\s+(?:nous|moi)|plus\\s+que\\s+ce\\s+dont\\s+(?:nous\\s+avons|j['’]ai)\\s+besoin|mehr\\s+als\\s+(?:wir|ich)\\s+(?:\\p{L}+\\s+)?brauch\\p{L}*|(?:viel\\s+)?zu\\s+(?:groß|gross|umfangreich|komplex)\\s+für\\s+(?:uns|mich)|überdimensioniert|meer\\s+dan\\s+(?:we|wij|ik)\\s+nodig\\s+(?:hebben|heb)|te\\s+(?:groot|zwaar|uitgebreid)\\s+voor\\s+(?:ons|mij)|più\\s+di\\s+quanto\\s+(?:ci|mi)\\s+serv\\p{L}*|troppo\\s+(?:grande|complesso|complessa)\\s+per\\s+(?:noi|me)", 0.7),
  // Paraphrased declines, in the seven languages (round 7): thanks given "anyway" for an offer not taken, being
  // "all sorted" already, having to decline, "not something we'd look at", tied hands; "good luck with it" only adds.
  c("(?:thanks|thank\\s+you|cheers|thx)\\s+(?:anyway|anyhow|all\\s+the\\s+same|though)|gracias\\s+(?:de\\s+todos\\s+modos|de\\s+todas\\s+formas|igualmente|igual)|obrigad[oa]\\s+(?:mesmo\\s+assim|de\\s+qualquer\\s+(?:forma|jeito|maneira))|merci\\s+(?:quand\\s+même|tout\\s+de\\s+même)|(?:trotzdem|dennoch)\\s+(?:vielen\\s+)?dank(?:e)?|danke\\s+trotzdem|(?:toch|evengoed|alsnog)\\s+bedankt|bedankt\\s+(?:toch|evengoed)|grazie\\s+(?:comunque|lo\\s+stesso|ugualmente)", 0.7),
  c("(?:we['’]re|we\\s+are|i['’]m|i\\s+am)\\s+(?:already\\s+)?all\\s+(?:sorted|covered)|(?:sorted|covered)\\s+on\\s+(?:this|that)\\s+front|ya\\s+(?:estamos|estoy)\\s+(?:cubiertos?|servidos?)|já\\s+(?:estamos|estou)\\s+(?:cobert[oa]s?|servid[oa]s?)|(?:nous\\s+sommes|je\\s+suis)\\s+déjà\\s+(?:équipée?s?|couverte?s?)|(?:sind|bin)\\s+(?:bereits|schon)\\s+(?:gut\\s+)?(?:versorgt|abgedeckt|ausgestattet)|(?:zijn|ben)\\s+(?:al\\s+)?(?:helemaal\\s+|goed\\s+)?voorzien|(?:siamo|sono)\\s+già\\s+(?:coperti|copert[oa]|servit[oi])"),
  // Taken care of for now ("cheers but we're sorted for now", "de momento estamos servidos", "pour l'instant on est
  // équipés", "wir sind derzeit gut versorgt", "we zijn voorlopig voorzien", "per ora siamo a posto"): weak, a time wins.
  c("(?:we['’]re|we\\s+are|i['’]m|i\\s+am)\\s+(?:(?:all|pretty|well|fully)\\s+)?(?:sorted|covered|set|good)\\s+(?:for\\s+now|at\\s+the\\s+moment|for\\s+the\\s+time\\s+being|right\\s+now|already)|(?:de\\s+momento|por\\s+ahora|por\\s+el\\s+momento)\\s*,?\\s+(?:ya\\s+)?(?:estamos|estoy)\\s+(?:bien\\s+)?(?:cubiertos?|servidos?|cubierta|servida)|(?:estamos|estoy)\\s+(?:bien\\s+)?(?:cubiertos?|servidos?)\\s+(?:de\\s+momento|por\\s+ahora)|(?:por\\s+agora|por\\s+enquanto|de\\s+momento)\\s*,?\\s+(?:já\\s+)?(?:estamos|estou)\\s+(?:bem\\s+)?(?:servid[oa]s?|cobert[oa]s?)|(?:estamos|estou)\\s+(?:bem\\s+)?(?:servid[oa]s?|cobert[oa]s?)\\s+(?:por\\s+agora|por\\s+enquanto)|(?:pour\\s+l['’]instant|pour\\s+le\\s+moment|actuellement)\\s*,?\\s+(?:on\\s+est|nous\\s+sommes|je\\s+suis)\\s+(?:bien\\s+|déjà\\s+)?(?:équipée?s?|couverte?s?)|(?:on\\s+est|nous\\s+sommes|je\\s+suis)\\s+(?:bien\\s+)?(?:équipée?s?|couverte?s?)\\s+pour\\s+(?:l['’]instant|le\\s+moment)|(?:sind|bin)\\s+(?:derzeit|aktuell|momentan|im\\s+moment|vorerst)\\s+(?:gut\\s+|bestens\\s+)?(?:versorgt|abgedeckt|ausgestattet|aufgestellt)|(?:zijn|ben)\\s+(?:voorlopig|momenteel|op\\s+dit\\s+moment|nu)\\s+(?:goed\\s+|prima\\s+)?(?:voorzien|geholpen)|(?:per\\s+ora|per\\s+il\\s+momento|al\\s+momento)\\s*,?\\s+(?:siamo|sono)\\s+(?:a\\s+posto|coperti|copert[oa]|sistemati|servit[oi])|(?:siamo|sono)\\s+(?:a\\s+posto|coperti|sistemati)\\s+(?:per\\s+ora|per\\s+il\\s+momento)", 0.7),
  c("(?:have|going|need)\\s+to\\s+(?:respectfully\\s+|politely\\s+)?decline|(?:i|we)(?:['’]ll|\\s+will|\\s+must)?\\s+(?:respectfully\\s+|politely\\s+)?decline|(?:my|our)\\s+hands\\s+are\\s+tied|(?:tengo|tenemos|debo|debemos)\\s+que\\s+(?:declinar|rechazar)|(?:debo|debemos)\\s+(?:declinar|rechazar)|(?:declino|rechazo)\\s+(?:la|su|tu|vuestra)|manos\\s+atadas|(?:tenho|temos|vou\\s+ter|vamos\\s+ter|preciso|precisamos)\\s+(?:que\\s+|de\\s+)?(?:recusar|declinar)|mãos\\s+atadas|(?:je\\s+dois|nous\\s+devons|je\\s+vais\\s+devoir|nous\\s+allons\\s+devoir)\\s+(?:\\p{L}+\\s+)?(?:décliner|refuser)|(?:je|nous)\\s+(?:déclin\\p{L}*|refus\\p{L}*)\\s+(?:votre|la|cette)|(?:les\\s+)?mains\\s+liées|pieds\\s+et\\s+poings\\s+liés|(?:muss|müssen)\\s+(?:ich|wir)?\\s*(?:\\p{L}+\\s+){0,3}ablehnen|(?:lehne|lehnen)\\s+(?:ich\\s+|wir\\s+)?(?:\\p{L}+\\s+){0,3}ab(?=\\s*[.,;!]|$)|hände\\s+gebunden|(?:moet|moeten)\\s+(?:ik|we|wij)?\\s*(?:\\p{L}+\\s+){0,3}(?:afslaan|bedanken)|(?:ik|we)\\s+bedanken?\\s+(?:ervoor|er\\s+voor)|handen\\s+(?:zijn\\s+)?gebonden|(?:devo|dobbiamo)\\s+(?:\\p{L}+\\s+)?(?:declinare|rifiutare)|mani\\s+legate"),
  c("not\\s+something\\s+(?:(?:we|i)(?:['’]d|\\s+would|['’]re|\\s+are|\\s+can)?\\s+)?(?:\\p{L}+\\s+)?(?:look\\s+(?:at|into)|consider|need|want|pursue|interested|do)|no\\s+es\\s+algo\\s+que\\s+(?:nos|me|vayamos|estemos|necesitemos|busquemos)|não\\s+é\\s+algo\\s+que\\s+(?:nos|me|vamos|estejamos|precisemos)|(?:ce\\s+n['’]est\\s+)?pas\\s+quelque\\s+chose\\s+(?:que|qui|dont)\\s+(?:nous|on|je|nous\\s+int)|nichts,?\\s+was\\s+(?:wir|ich)|niet\\s+iets\\s+(?:wat|waar|dat|voor)\\s+(?:we|wij|ik|ons)|non\\s+è\\s+qualcosa\\s+(?:che|di\\s+cui|per)"),
  c("(?:good|best\\s+of)\\s+luck\\s+with\\s+(?:it|that|this|everything|your|the)|(?:mucha\\s+)?suerte\\s+con|boa\\s+sorte\\s+com|bonne\\s+(?:chance|continuation)|viel\\s+erfolg\\s+(?:damit|weiterhin|noch)|succes\\s+(?:ermee|verder)|in\\s+bocca\\s+al\\s+lupo|buona\\s+fortuna", 0.5),
  // Spanish
  c("no\\s+es\\s+para\\s+nosotros|no\\s+(?:estamos|estoy)\\s+interesad[oa]s?|no\\s+(?:nos|me)\\s+interesa|no,?\\s+gracias|sin\\s+interés"),
  c("(?:decidido|elegido|optado|seguir|quedarnos)\\s+(?:por|con|ir\\s+con)\\s+otr[oa]|otro\\s+proveedor|otra\\s+(?:solución|empresa|herramienta)"),
  c("no\\s+es\\s+(?:una\\s+)?(?:prioridad|el\\s+momento)|(?:hacerlo|desarrollarlo|lo\\s+haremos|lo\\s+desarrollaremos|desarrollar|construir)\\s+(?:lo\\s+)?(?:internamente|nosotros\\s+mismos)"),
  c("no\\s+(?:vamos\\s+a|seguiremos|avanzaremos|continuaremos)\\s*(?:seguir|avanzar|continuar)?|ya\\s+(?:tenemos|contamos\\s+con)\\s+(?:una\\s+solución|un\\s+proveedor|proveedor)|(?:no\\s+tenemos|sin)\\s+presupuesto|descartamos|declinamos"),
  // Portuguese
  c("não\\s+é\\s+para\\s+nós|não\\s+(?:temos|tenho)\\s+interesse|não\\s+(?:estamos|estou)\\s+interessad[oa]s?|não,?\\s+obrigad[oa]|sem\\s+interesse"),
  c("(?:fechamos|seguimos|optamos|escolhemos|decidimos|seguir)\\s+(?:com|por|seguir\\s+com)\\s+outr[oa]|outro\\s+fornecedor|outra\\s+(?:solução|empresa|ferramenta)"),
  c("não\\s+é\\s+(?:uma\\s+)?(?:prioridade|o\\s+momento)|(?:desenvolver|fazer|resolver)\\s+(?:isso\\s+)?internamente|não\\s+vamos\\s+(?:seguir|avançar|prosseguir|continuar)|já\\s+(?:temos|contamos\\s+com)\\s+(?:uma\\s+solução|um\\s+fornecedor)|(?:sem|não\\s+temos)\\s+orçamento|declinamos"),
  // French
  c("(?:n['’]est\\s+)?pas\\s+pour\\s+nous|solution\\s+(?:maison|interne)|pas\\s+(?:vraiment\\s+)?intéress\\p{L}*|pas\\s+interess\\p{L}*|non,?\\s+merci|aucun\\s+intérêt"),
  c("(?:choisi|opté\\s+pour|retenu|signé\\s+avec|partons\\s+sur)\\s+(?:un\\s+|une\\s+)?autre|autre\\s+(?:prestataire|fournisseur|solution|éditeur)"),
  c("pas\\s+(?:une\\s+)?priorité|pas\\s+le\\s+(?:bon\\s+)?moment|(?:développer|faire|gérer)\\s+(?:ça\\s+|cela\\s+|le\\s+|la\\s+)?en\\s+interne|internaliser"),
  c("ne\\s+(?:pas\\s+)?(?:donnerons|donnerai|donner)\\s+pas\\s+suite|ne\\s+pas\\s+donner\\s+suite|pas\\s+de\\s+suite|pas\\s+de\\s+budget|nous\\s+déclinons|ne\\s+souhaitons\\s+pas\\s+(?:poursuivre|aller\\s+plus\\s+loin|donner\\s+suite)"),
  // German
  c("kein(?:e|en)?\\s+interesse|nicht\\s+interessiert|kein(?:en)?\\s+bedarf|nichts\\s+für\\s+uns|nein,?\\s+danke"),
  c("(?:für|mit)\\s+einen?\\s+anderen\\s+anbieter|anderen?\\s+(?:anbieter|lösung|dienstleister)\\s+(?:entschieden|gewählt)|dagegen\\s+entschieden|nicht\\s+(?:weiter\\s+)?(?:zu\\s+)?(?:weiter(?:zu)?)?verfolgen"),
  c("(?:intern|selbst|inhouse)\\s+(?:lösen|entwickeln|umsetzen|bauen)|keine\\s+priorität|kein\\s+budget|nicht\\s+der\\s+richtige\\s+zeitpunkt"),
  // Dutch
  c("niets\\s+voor\\s+ons|geen\\s+behoefte|geen\\s+interesse|niet\\s+geïnteresseerd|niet\\s+geinteresseerd|nee,?\\s+(?:bedankt|dank\\s+je)"),
  c("(?:gekozen|gaan)\\s+voor\\s+een\\s+andere|andere\\s+(?:leverancier|partij|oplossing)|geen\\s+prioriteit|niet\\s+het\\s+juiste\\s+moment"),
  c("(?:zelf|intern)\\s+(?:ontwikkelen|bouwen|oplossen|doen)|geen\\s+budget|(?:gaan|gaat)\\s+(?:er\\s+)?niet\\s+mee\\s+verder|niet\\s+verder\\s+(?:gaan|mee)"),
  // Italian
  c("non\\s+fa\\s+per\\s+noi|non\\s+(?:siamo|sono)\\s+interessat[oi]|non\\s+(?:ci|mi)\\s+interessa|no,?\\s+grazie"),
  c("(?:scelto|optato\\s+per|deciso\\s+di\\s+(?:andare|procedere)\\s+con)\\s+(?:un\\s+|un['’])?altr[oa]|altro\\s+fornitore|altra\\s+soluzione"),
  c("non\\s+è\\s+(?:una\\s+)?priorità|non\\s+è\\s+il\\s+momento|(?:svilupp|realizz|gestir|far)\\p{L}*\\s+(?:internamente|in\\s+casa)|non\\s+(?:procederemo|andremo\\s+avanti|proseguiremo)|(?:nessun|non\\s+abbiamo)\\s+budget"),
  // "Not for us" in its casual and idiomatic forms (round 16): "nao é pra gente", "das ist für uns derzeit kein Thema",
  // "passt nicht zu uns", "past niet bij ons", "voor ons geen thema", "no es lo nuestro", "ça ne nous correspond pas",
  // "non è per noi". A bare "kein Thema" is "no problem"; a day refused "for us" ("Donnerstag passt nicht für uns") is
  // timing, so "passt nicht für uns" is weak and a time named wins.
  c("(?:não|nao)\\s+(?:é|e)\\s+(?:pra|para|pa)\\s+(?:a\\s+)?(?:gente|nós|nos)|(?:não|nao)\\s+(?:é|e)\\s+(?:a\\s+)?nossa\\s+praia"),
  c("für\\s+uns\\s+(?:\\p{L}+\\s+){0,2}kein\\s+thema|kein\\s+thema\\s+(?:für|bei)\\s+uns|voor\\s+ons\\s+(?:\\p{L}+\\s+){0,4}geen\\s+(?:thema|onderwerp|issue)|geen\\s+(?:thema|onderwerp)\\s+voor\\s+ons"),
  c("(?:derzeit|aktuell|momentan|zurzeit|gerade)\\s+kein\\s+thema|passt\\s+(?:\\p{L}+\\s+){0,2}nicht\\s+(?:für|zu)\\s+uns|past\\s+(?:\\p{L}+\\s+){0,2}niet\\s+bij\\s+ons", 0.7),
  // Round 20: a decision not to change, no going further, a contract that still binds, a freeze on new purchases, in the
  // seven languages ("hemos decidido no cambiar de herramienta", "nous n'irons pas plus loin", "locked in with our current
  // provider for another 2 years", "we are pausing all new tooling until 2029").
  c("decidido\\s+no\\s+(?:cambiar|seguir|avanzar|continuar|contratar|comprar|invertir)|decidimos\\s+n[ãa]o\\s+(?:mudar|trocar|seguir|avançar|contratar|continuar)|décidé\\s+de\\s+ne\\s+pas|(?:beschlossen|entschieden),?\\s+(?:\\p{L}+\\s+){0,3}nicht\\s+(?:zu\\s+)?(?:wechseln|weiter|umzusteigen)|besloten\\s+(?:om\\s+)?(?:\\p{L}+\\s+){0,3}niet\\s+(?:te\\s+)?(?:overstappen|wisselen|verder)|deciso\\s+di\\s+non"),
  c("n['’]irons\\s+pas\\s+plus\\s+loin|(?:won['’]t|will\\s+not|not)\\s+(?:be\\s+)?(?:go(?:ing)?|tak(?:e|ing)\\s+(?:this|it|things))\\s+(?:any\\s+)?further|no\\s+(?:vamos\\s+a\\s+ir|iremos)\\s+más\\s+(?:lejos|allá)|não\\s+vamos\\s+(?:mais\\s+longe|avançar\\s+mais)|non\\s+andremo\\s+(?:oltre|più\\s+avanti)"),
  c("(?:locked|tied)\\s+in(?:to)?\\s+(?:with\\s+|to\\s+)?(?:our|an?|the)\\s+(?:\\p{L}+\\s+){0,3}for\\s+(?:another|the\\s+next|\\d)|under\\s+contract\\s+(?:with|until|for)\\s+(?:\\p{L}+\\s+){0,3}(?:another|\\d)|vertraglich\\s+(?:noch\\s+)?gebunden|contractueel\\s+(?:nog\\s+)?(?:vast|gebonden)|vincolati\\s+(?:da|con)\\s+(?:un\\s+)?contratto|engagés\\s+(?:avec|pour)\\s+(?:\\p{L}+\\s+){0,3}(?:encore|pour)"),
  c("(?:pausing|freezing|halting|suspending|stopping)\\s+(?:all\\s+)?(?:new\\s+)?(?:tooling|tools|purchases|purchasing|spend(?:ing)?|software|vendors|investments?)|(?:congelado|congelamos|pausamos|suspendido)\\s+(?:todas\\s+las\\s+)?(?:nuevas\\s+)?(?:compras|inversiones|herramientas)|(?:congelamos|suspendemos|pausamos)\\s+(?:todas\\s+as\\s+)?(?:novas\\s+)?(?:compras|ferramentas|contratações)|(?:gelons|suspendons)\\s+(?:tous\\s+les\\s+)?(?:nouveaux\\s+)?(?:achats|outils|investissements)|(?:alle\\s+)?neuen\\s+(?:anschaffungen|tools|investitionen)\\s+(?:\\p{L}+\\s+){0,2}(?:auf\\s+eis|gestoppt)|(?:alle\\s+)?nieuwe\\s+(?:aankopen|tools|investeringen)\\s+(?:\\p{L}+\\s+){0,2}(?:on\\s+hold|stilgezet|bevroren)|(?:congelato|sospeso|bloccato)\\s+(?:tutti\\s+gli\\s+)?(?:nuovi\\s+)?(?:acquisti|strumenti|investimenti)"),
  // No point in talking, and a meeting cancelled: weak (a time or range named in the same reply wins: "no point in a call
  // before the audit, after it sure"; "cancelling Tuesday, can we do Thursday at 3?").
  c("no\\s+point\\s+(?:in\\s+)?(?:having\\s+)?(?:a\\s+)?(?:chat|call|meeting|demo|talking|speaking|meeting)|no\\s+tiene\\s+sentido\\s+(?:una\\s+)?(?:llamada|reunión|hablar)|não\\s+faz\\s+sentido\\s+(?:uma\\s+)?(?:call|ligação|reunião|conversar)|inutile\\s+de\\s+(?:faire\\s+un\\s+point|se\\s+voir|nous\\s+appeler|s['’]appeler)|(?:hat|macht)\\s+keinen\\s+sinn,?\\s+(?:\\p{L}+\\s+){0,2}(?:zu\\s+)?(?:telefonieren|sprechen|treffen)|heeft\\s+geen\\s+zin\\s+om\\s+(?:te\\s+)?(?:bellen|spreken|af\\s+te\\s+spreken)|non\\s+ha\\s+senso\\s+(?:fare\\s+una\\s+call|sentirci|vederci)", 0.7),
  c("(?:cancel(?:l?ing)?|cancel(?:l)?ed)\\s+(?:our|the|my)\\s+(?:\\p{L}+\\s+)?(?:session|meeting|call|demo|appointment)|cancelar\\s+(?:la|nuestra|a|nossa)\\s+(?:reunión|llamada|demo|reunião|chamada|call)|annuler\\s+(?:notre|la|le)\\s+(?:rendez-vous|rdv|réunion|appel|démo)|vous\\s+pouvez\\s+annuler|(?:absagen|stornieren)|afzeggen|annullare\\s+(?:la|il)\\s+(?:riunione|call|demo)", 0.7),
  c("no\\s+es\\s+lo\\s+nuestro|no\\s+(?:va|encaja)\\s+con\\s+nosotros|ne\\s+nous\\s+correspond\\s+pas|non\\s+(?:è|e)\\s+per\\s+noi|non\\s+fa\\s+al\\s+caso\\s+nostro"),
];

/** A negation just before a cue, in the same clause. */
export const NEGATION_BEFORE = /(?:^|[^\p{L}])(?:not|don['’]t|do\s+not|doesn['’]t|no\s+need\s+to|never|nicht|kein|no|não|nao|ne|pas|niet|geen|non)(?:\s+\p{L}+){0,3}\s*$/iu;
