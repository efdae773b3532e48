/**
 * What a clause means, read from the roles of its words rather than from whole phrases: "Bitte schreiben Sie mir
 * nicht mehr", "Vi prego di non contattarmi più" and "I don't want any more emails from you" are one meaning (a
 * negated contact verb aimed at the writer, with "any more"), in any word order and any of the seven languages.
 * Each concept is a small closed class of words (verbs of contacting, removing, erasing, proceeding; negation;
 * "any more"; lists; data; competitors…); a frame is a combination of concepts inside one clause, in a window of
 * words. Frames generalise over paraphrases the cue lists in stop-cues.ts cannot enumerate.
 */

const u = (src: string) => new RegExp(`(?<![\\p{L}])(?:${src})(?![\\p{L}])`, 'giu');
/** A concept that may be glued to a clitic ("contattarmi", "escribirme", "toglietemi", "m'écrire"). */
const stem = (src: string) => new RegExp(`(?<![\\p{L}])(?:[mnlt]['’])?(?:${src})\\p{L}*`, 'giu');

const C = {
  // "antes de nada" (first of all) and "de nada" (you're welcome) negate nothing.
  neg: u("not|\\p{L}*n['’]t|cannot|no|never|nicht|nichts|kein\\p{L}*|nie|pas|plus|ne|n['’]|non|niet|geen|nooit|não|nao|nunca|nem|neanche|(?<!(?:antes|ante|de)\\s+(?:de\\s+)?)nada|jamais"),
  anymore: u("any\\s*more|any\\s+longer|no\\s+longer|again|ever|further|weitere[nrs]?|verdere|ulterior\\p{L}*|más|mais|plus|mehr|meer|più|langer|nunca\\s+más|de\\s+nuevo|vuelva[ns]?\\s+a|volver\\s+a|novamente|de\\s+novo|outra\\s+vez|à\\s+nouveau|encore|wieder|nochmal|opnieuw|weer|di\\s+nuovo|ancora"),
  contact: stem("e-?mail|mail|contact|write|writing|message|messaging|call|calling|reach(?:ing)?\\s+out|spam|ping|follow(?:ing)?[\\s-]?ups?|insist|nachhak|nachfass|aandring|bother|escrib|molest|llam|escrev|contat|lig[au]|procur|écri|ecri|relanc|sollicit|appel|schreib|anschreib|kontaktier|anruf|kontakt|benader|bell|schrijf|schrijv|scriv|contatt|disturb|chiam|gemaild|gemailt|gebeld|angeschrieben|angerufen|gecontacteerd"),
  send: stem("send|sending|env[ií][aeo]|mand|envoy|zusend|schick|stur|invi"),
  nothing: u("nothing|anything(?:\\s+else)?|nada|nichts|niks|niets|rien|niente|altro|mais\\s+nada|nada\\s+más"),
  me: u("me|us|mir|mich|uns|moi|nous|mij|ons|mi|ci"),
  messages: stem("e-?mails?|mails?|messages?|follow-?ups?|kontaktversuch|contactpoging|relances?|newsletters?|correos?|mensajes?|mensagens?|courriels?|nachrichten|berichten|messaggi|comunicazion|werbung|publicidad|publicité|pubblicità|propaganda|spam|outreach|sequences?|campa\\p{L}+"),
  want: u("want|wish|like|quiero|queremos|deseo|deseamos|quero|queremos|desejo|veux|voulons|souhaite|souhaitons|möchte|möchten|will|wollen|wünsche|wil|willen|wens|voglio|vogliamo|desidero"),
  receive: stem("receiv|get|recib|receb|recevoir|reçoi|erhalt|bekomm|ontvang|krijg|ricev"),
  stop: u("stop|stopp?en|cease|quit|dejen?\\s+de|deja\\s+de|dejad\\s+de|paren?\\s+de|parem\\s+de|pare\\s+de|deixem?\\s+de|arrêtez|arretez|arrête|arrêter|arreter|cessez|cesser|parar\\s+de|dejar\\s+de|deixar\\s+de|ophouden\\s+met|smettere\\s+di|hören\\s+sie\\s+(?:bitte\\s+)?auf|aufhören|ophouden|smettete|smetta|smettila|basta"
    // Voseo and tú/tu imperatives: "dejá de escribirme", "pará de mandarme", "para de me mandar", "smetti di scrivermi",
    // "hou op met mailen", "hör auf, mir zu schreiben".
    + "|dejá\\s+de|dejás\\s+de|pará\\s+de|parad\\s+de|pára\\s+de|para\\s+de(?=\\s+(?:me|nos)\\s)|smetti\\s+di|smettila\\s+di|hou(?:d)?\\s+(?:nu\\s+)?op(?:\\s+met)?|hör\\s+auf"),
  remove: stem("remov|effac|take\\s+(?:me|us)\\s+off|delet|eras|unsubscrib|opt(?:\\s|-)?out|quit|quít|borr|bórr|elimin|elimín|sac|sác|saqu|sáqu|suprim|suprím|supresi|remov|retir|tir|exclu|apag|descadastr|retir|supprim|enlev|ray|désinscri|desinscri|entfern|streich|lösch|austrag|verwijder|haal|halen|uitschrijv|schrap|rimuov|togli|cancell|nehmen\\s+sie\\s+mich|haal\\s+mij"),
  list: stem("list|mailing|database|distribution|crm|records|system|lista|listado|base|bases|cadastro|liste|fichier|verteiler|bestand|lijst|adressenbestand|elenco|rubrica|newsletter|contacts"),
  mine: u("my|our|mi|mis|meu|meus|minha|o\\s+meu|a\\s+minha|mon|ma|mes|meine?[nrms]?|mijn|il\\s+mio|i\\s+miei|la\\s+mia|mio|mia|miei"),
  address: stem("e-?mail|address|name|details|contact|correo|dirección|direccion|endereço|endereco|contato|contacto|adresse|coordonnées|e-?mail-?adresse|adres|gegevens|indirizzo|nominativo|contatto|recapito"),
  data: stem("data|datos|dados|données|daten|gegevens|persoonsgegevens|dati|personal\\s+information|informations\\s+personnelles|información\\s+personal|informações\\s+pessoais|informazioni\\s+personali"),
  erase: stem("eras|delet|forget|forgotten|supresi|suprim|borr|elimin|apag|exclu|effac|supprim|lösch|verwijder|wiss|gewist|cancell|vergessen|vergetelheid|oblio|olvido|esquecimento|oubli"),
  erasureLaw: u("art(?:icle|ículo|igo|ikel|icolo|\\.)?\\s*17|art(?:\\.|ikel)?\\s*17|gdpr|dsgvo|rgpd|avg|lgpd|uk\\s+gdpr"),
  proceed: stem("dar(?:emos|mos)?\\s+seguimento|seguimento|seguimiento|dar\\s+continuidade|proceed|pursu|move\\s+(?:forward|ahead|on)|moving\\s+(?:forward|ahead|on)|go(?:ing)?\\s+(?:ahead|forward)|take\\s+(?:this|it|things|the\\s+matter)\\s+(?:further|forward)|take\\s+(?:this|it)\\s+on|taking\\s+(?:this|it|things|the\\s+matter)\\s+(?:further|forward)|continu|seguir\\s+adelante|avanz|proced|prosegu|prossegu|avanç|avanc|seguir\\s+em\\s+frente|donner\\s+suite|aller\\s+plus\\s+loin|poursuiv|weiterverfolg|verfolg|weitermach|fortfahr|weitergeh|verder\\s+gaan|verder\\s+met|mee\\s+verder|verder\\s+mee|doorgaan|door\\s+te\\s+gaan|andare\\s+avanti|portare\\s+avanti|dar\\s+seguimento|dar\\s+continuidade"
    // Taking the offer up: "geen aanleiding om hierop in te gaan", "keinen Anlass, darauf einzugehen".
    + "|in\\s+te\\s+gaan|(?:hier|daar)?op\\s+in(?:gaan|\\s+gaan)|ingaan\\s+op|einzugehen|darauf\\s+eingehen"),
  need: stem("need(?=\\s+(?:it|this|that|such|any\\s+of))|needed|necessar|necesar|necesit|necessár|necessit|precis|nécessaire|besoin|brauch|nötig|notwendig|bedarf|nodig|behoefte|bisogn|priori(?:t|d)|fit\\b|encaj|sentido|sense|sens\\b|sinn|zin\\b|senso|relevan|relevant|d['’]actualité|actueel|attuale|interess|interes|intéress"
    // Not worth it, not suited, of no use: "lohnt sich nicht", "not worth it", "não se adequa", "no nos sirve", "non ci serve".
    + "|lohn|worth|adequ|adecu|suitab|suited|geeignet|geschikt|serve\\b|servono\\b|servirebbe|sirve\\b|sirven\\b|serviría"
    // Not enough to justify it: "we don't have the volume to justify this", "no justifica", "rechtfertigt nicht".
    + "|justif|rechtfertig|rechtvaardig|giustific"),
  competitor: stem("competitor|competencia|competidor|concorrente|concorrência|concurrent|concurrence|wettbewerber|konkurren|mitbewerber|concurrent|concorren"),
  chose: stem("sign|chose|chosen|went|gone|going|decid|select|partner|contract|deal|firm|eleg|contrat|optam|optado|escolh|assin|fech|sign|choisi|retenu|opté|entschied|unterschrieb|gewählt|beauftragt|gekozen|getekend|ondertekend|scelt|firmat|optato|affidat"),
  other: u("another|other|different|someone\\s+else|otr[oa]s?|outr[oa]s?|autre|autres|anderen?|andere[rn]?|altr[oia]|un['’]altr[oa]"),
  stay: stem("continu|door\\s+te\\s+gaan|doorgaan|stay|stick|keep|remain|seguir|qued|continuar|mant|fic|garder|gardons|rester|restons|conserv|bleib|behalt|blijv|houd|houden|rest|riman|manten|tenere|teniamo"),
  tool: stem("tool|provider|vendor|solution|syste|setup|platform|software|partner|crm|spreadsheet|excel|planilh|hojas?\\s+de\\s+cálculo|tableur|tabellen|fogli\\s+(?:di\\s+calcolo|excel)|herramient|proveedor|soluci|sistema|plataforma|ferrament|fornecedor|soluç|outil|prestataire|fournisseur|logiciel|werkzeug|anbieter|lösung|dienstleister|leverancier|oplossing|partij|pakket|strument|fornitor|soluzion|piattaform|gestionale"),
  current: stem("current|existing|actual|actuales|atual|atuais|actuel|aktuell|bestehend|bisherig|huidig|bestaand|attual|esistent|present"),
  build: stem("build|develop|handle|make|do\\b|doing|desarroll|constru|hac|desenvolv|faz|fazer|développ|fair|faisons|construir|entwickel|umsetz|umzusetz|bau|lös|mach|ontwikkel|bouw|doen|sviluppa|realizz|fare|faremo|gestir|gestiam"),
  enough: u("enough|chega|basta|genug|assez|genoeg|ya\\s+basta|suffit"),
  already: u("already|ya|já|déjà|bereits|schon|già|tenemos|temos|avons|haben|hebben|abbiamo"),
  content: stem("satisfied|happy\\s+with|content\\s+with|satisfech|contentos|satisfeit|satisfait|zufrieden|tevreden|soddisfatt"),
  pass: u("pass|paso|passo|passe|passons|passen|pas\\s+ik|ik\\s+pas"),
  fornow: u("for\\s+now|for\\s+the\\s+time\\s+being|this\\s+time|por\\s+ahora|por\\s+ahorita|esta\\s+vez|por\\s+agora|por\\s+enquanto|desta\\s+vez|pour\\s+l['’]instant|pour\\s+le\\s+moment|cette\\s+fois|mon\\s+tour|vorerst|fürs\\s+erste|diesmal|voorlopig|deze\\s+keer|per\\s+ora|per\\s+adesso|per\\s+il\\s+momento|questa\\s+volta"),
  // Considering, envisaging: "la empresa no contempla incorporar nuevas herramientas", "we're not considering new tools".
  consider: stem("consider|contempl|plante[oa]|envisag|erwäg|erwog|overweg|valut|prevedi|preved"),
  // Saying no, declining, renewing with the current vendor: "going to say no on this one", "vamos a decir que no".
  sayNo: u("say(?:ing)?\\s+no|decir(?:te|le|les)?\\s+que\\s+no|dizer\\s+(?:que\\s+)?não|dire\\s+non|nein\\s+sagen|nee\\s+(?:zeggen|verkopen)|dire\\s+(?:di\\s+)?no|declin(?:e|ing)|rechazar|rechazamos|recusar|recusamos|décliner|déclinons|ablehnen|lehnen\\s+(?:\\p{L}+\\s+){0,3}ab|afwijzen|slaan\\s+(?:\\p{L}+\\s+){0,3}af|rifiutare|rifiutiamo|declinare|declinamos"),
  // Renewed, done: "we just renewed", "acabamos de renovar", "nous avons reconduit", "verlängert", "rinnovato" (not a
  // renewal still to come: "our renewal is on September 1").
  renew: u("renewed|re-?signed|(?:acabamos|acabámos|acabo)\\s+de\\s+renovar|renovamos|renovado|renovó|renovámos|renouvelé|reconduit|verlängert|verlengd|rinnovato|rinnovata|abbiamo\\s+rinnovato"),
  deal: stem("contract|licen[cs]|subscription|contrato|licencia|assinatura|licença|abonnement|contrat|licence|vertrag|lizenz|abo|contratto|licenza|abbonamento"),
  // Deciding: "we decided not to go ahead", "decidimos não seguir", "nous avons décidé de ne pas", "haben beschlossen,
  // nicht", "besloten om niet", "abbiamo deciso di non".
  decide: u("decided|decidimos|decidí|decidido|decidiu|décidé|décidons|entschieden|beschlossen|besloten|deciso|decidiamo"),
  // Budget: "this isn't in the budget", "no está en el presupuesto", "não está no orçamento", "n'est pas au budget".
  budget: u("budget\\p{L}*|presupuesto|presupuestos|orçamento|verba|bilancio|haushalt|begroting|begroot|etat"),
  // Sending goods: "Não precisa enviar" (the samples will be collected), "no need to send them", "Sie müssen nichts schicken".
  sendVerb: u("send|ship|post|mail\\s+(?:it|them)|enviar|envíe|envie|mandar|mandes|mande|expédier|envoyer|schicken|senden|versenden|zusenden|sturen|opsturen|versturen|opsturen|spedir\\p{L}*|inviar\\p{L}*|mandar\\p{L}*"),
  // (and the verbs: "bellen heeft geen zin", "no need to call", "pas besoin d'appeler")
  callNoun: u("call|calls|calling|bellen|llamar|ligar|appeler|anrufen|telefonieren|chiamare|telefonare|meeting|demo|llamada|reunión|demostración|chamada|ligação|reunião|appel|rendez-vous|réunion|démo|anruf|telefonat|termin|gespräch|gesprek|afspraak|belletje|chiamata|riunione|incontro"),
  inhouse: u("own|own\\s+solution|própri[ao]s?|propi[ao]s?|propre|propres|nostr[ao]|in-?house|internally|ourselves|on\\s+our\\s+own|internamente|nosotros\\s+mismos|por\\s+nuestra\\s+cuenta|nós\\s+mesmos|por\\s+conta\\s+própria|en\\s+interne|nous-mêmes|par\\s+nous-mêmes|intern|selbst|selber|inhouse|in-house|zelf|intern|in\\s+casa|da\\s+soli|internamente|interna|interne|internal|eigene[nr]?|eigen"),
};

type Concept = keyof typeof C;

interface Span { a: number; b: number; w: number }

/** Word index of each character offset, for windows measured in words. */
function wordIndex(s: string): (at: number) => number {
  const starts = [...s.matchAll(/[\p{L}\p{N}'’-]+/gu)].map((m) => m.index ?? 0);
  return (at: number) => {
    let lo = 0;
    while (lo < starts.length && (starts[lo] ?? 0) <= at) lo++;
    return lo;
  };
}

function find(clause: string, c: Concept, word: (at: number) => number): Span[] {
  return [...clause.matchAll(C[c])].map((m) => ({ a: m.index ?? 0, b: (m.index ?? 0) + m[0].length, w: word(m.index ?? 0) }));
}

export interface Frame { name: string; kind: 'optout' | 'decline'; weight: number; text: string }

/** Both concepts in the clause, the second within `window` words of the first (either order unless `ordered`). */
function near(x: Span[], y: Span[], window: number, ordered = false): [Span, Span] | null {
  for (const p of x) {
    for (const q of y) {
      if (p.a === q.a) continue;
      const d = q.w - p.w;
      if ((ordered ? d > 0 : d !== 0) && Math.abs(d) <= window) return [p, q];
    }
  }
  return null;
}

/** The frames one clause holds. */
export function clauseFrames(clause: string): Frame[] {
  const word = wordIndex(clause);
  const s = Object.fromEntries((Object.keys(C) as Concept[]).map((k) => [k, find(clause, k, word)])) as Record<Concept, Span[]>;
  const out: Frame[] = [];
  const add = (name: string, kind: Frame['kind'], weight: number, hit: [Span, Span] | null) => {
    if (hit) out.push({ name, kind, weight, text: clause.slice(Math.min(hit[0].a, hit[1].a), Math.max(hit[0].b, hit[1].b)) });
  };
  const negated = (at: Span) => s.neg.some((n) => n.w < at.w && at.w - n.w <= 4);

  // Opt-out: a negated contact verb with "any more" ("schreiben Sie mir nicht mehr", "non contattarmi più"); a verb of
  // sending counts with messages as its object ("don't send me any more emails"), not with "nothing more".
  const aboutThings = s.nothing.length > 0;
  const negContact = aboutThings ? null : near(s.neg, s.contact, 5);
  const negSend = near(s.neg, s.send, 5);
  if (!aboutThings && negSend && near(s.send, s.messages, 5)) add('negated sending of messages', 'optout', 1, negSend);
  if (negContact && near(s.contact, s.anymore, 6)) add('negated contact, any more', 'optout', 1, negContact);
  else if (negContact && near(s.contact, s.me, 3)) add('negated contact aimed at the writer', 'optout', 0.6, negContact);
  // "stop emailing me", "dejen de escribirme", "smettete di scrivermi", "basta email".
  add('stop + contact', 'optout', 1, near(s.stop, s.contact, 5, true) ?? near(s.stop, s.send, 3, true) ?? near(s.stop, s.messages, 3, true));
  // "I don't want any more emails", "no quiero recibir más correos", "ik wil geen mails meer", "keine Mails mehr".
  const unwanted = near(s.want, s.messages, 6, true) ?? near(s.receive, s.messages, 4, true);
  if (unwanted && s.neg.some((n) => n.w <= unwanted[0].w + 2 && unwanted[0].w - n.w <= 4)) add('messages not wanted', 'optout', 1, unwanted);
  // "Enough with the follow-ups", "Chega de e-mails", "Basta con le email".
  const enough = near(s.enough, s.messages, 3, true) ?? near(s.enough, s.contact, 3, true);
  if (enough) add('enough of the messages', 'optout', 1, enough);
  // "no quiero que me vuelvan a escribir", "I don't want you to email me": contact aimed at the writer, not wanted.
  const wantNot = near(s.neg, s.want, 2, true);
  const wantContact = wantNot ? near(s.want, s.contact, 6, true) : null;
  if (wantNot && wantContact && near(s.me, s.contact, 3)) add('contact not wanted', 'optout', 1, wantContact);
  const noMore = near(s.neg, s.messages, 3, true);
  if (noMore && near(s.messages, s.anymore, 3)) add('no more messages', 'optout', 1, noMore);
  else if (noMore && near(s.anymore, s.messages, 3, true)) add('no more messages', 'optout', 1, noMore);
  // "take me off your list", "retirem o meu endereço da vossa lista", "wilt u mij uit uw bestand halen".
  const removeList = near(s.remove, s.list, 7);
  const clitic = (x: Span) => /^[mn]['’]|(?:me|mi|nos|ci|mich)$/i.test(clause.slice(x.a, x.b));
  if (removeList && !negated(removeList[0]) && (near(s.remove, s.me, 5) || near(s.remove, s.address, 5) || clitic(removeList[0]))) add('removal from a list', 'optout', 1, removeList);
  else if (removeList && !negated(removeList[0])) add('removal from a list', 'optout', 0.6, removeList);
  const removeMine = near(s.remove, s.address, 4, true);
  if (removeMine && near(s.mine, s.address, 2, true) && !negated(removeMine[0])) add('removal of my address', 'optout', 1, removeMine);
  // Erasure of personal data, any order, and the law's article named.
  const erase = near(s.erase, s.data, 6);
  if (erase && !negated(erase[0] ?? erase[1])) add('erasure of data', 'optout', 1, erase);
  if (s.erasureLaw.length && (s.erase.length || s.data.length)) add('erasure law', 'optout', 1, [s.erasureLaw[0]!, (s.erase[0] ?? s.data[0])!]);

  // Decline: not proceeding ("we won't be taking this further", "preferiamo non procedere").
  const negProceed = near(s.neg, s.proceed, 6, true);
  if (negProceed) add('not proceeding', 'decline', 0.8, negProceed);
  // Another vendor, a competitor, a current tool kept, built in-house.
  add('went with a competitor', 'decline', 1, near(s.chose, s.competitor, 8));
  const otherVendor = near(s.chose, s.other, 4, true);
  if (otherVendor && !negated(otherVendor[0])) add('chose another', 'decline', 0.8, otherVendor);
  // Either order: "continue with our current vendor", "met ons huidige systeem door te gaan".
  const keep = near(s.stay, s.current, 5, true) ?? near(s.current, s.stay, 5, true);
  if (keep && !negated(keep[0]) && (near(s.current, s.tool, 4) || near(s.mine, s.tool, 3))) add('keeping the current tool', 'decline', 1, keep);
  // "We'll stick with our spreadsheets for now", "seguimos con nuestras hojas de cálculo": their own tool kept, weak (a time
  // named wins).
  const keepOwn = keep ? null : near(s.stay, s.mine, 2, true);
  if (keepOwn && !negated(keepOwn[0]) && near(s.mine, s.tool, 2, true)) add('keeping their own tool', 'decline', 0.8, keepOwn);
  // Built in-house: a decline, but weak (a time named in the same reply wins: "we'll set it up internally, Tuesday at 3?").
  const inhouse = near(s.build, s.inhouse, 6);
  // "Vou ver internamente se ainda faz sentido", "I'll check internally whether it still makes sense": checking with the
  // team is no building of their own.
  if (inhouse && !negated(inhouse[0]) && !CHECK_INTERNALLY.test(clause)) add('doing it in-house', 'decline', 0.8, inhouse);
  // A supplier already in place ("Já temos fornecedor para isso", "we already have a vendor"): weak alone (a time named
  // wins), firm with being satisfied with it.
  const already = near(s.already, s.tool, 4, true);
  // "your colleague already showed me the tool", "ya me enseñaron la herramienta": the rep's own tool shown, no supplier.
  if (already && !negated(already[1]) && !SHOWN_ALREADY.test(clause)) add('a supplier already in place', 'decline', 0.8, already);
  if (already && s.content.length && !negated(s.content[0]!)) add('satisfied with it', 'decline', 0.5, [already[1], s.content[0]!]);
  // Not considering a tool at all ("no contempla incorporar nuevas herramientas", "we are not considering any new tools
  // this year", "non valutiamo nuovi strumenti"): a no to the offer.
  const negConsider = near(s.neg, s.consider, 3, true);
  if (negConsider && near(s.consider, s.tool, 5, true)) add('not considering a tool', 'decline', 0.8, negConsider);
  // Passing for now: "per ora passo", "paso por ahora", "je passe mon tour", "ik pas voorlopig", "I'll pass this time".
  const pass = near(s.pass, s.fornow, 3);
  if (pass) add('passing for now', 'decline', 0.8, pass);
  // Not needed, not a priority, no sense, not interested.
  // Either order: "das brauchen wir nicht", "we don't need it".
  const noNeed = near(s.neg, s.need, 5);
  // "de momento no necesito llamada, mándame precios", "No call needed": no call needed is a way of talking, not a no to
  // the offer.
  // "Não precisa enviar": no need to send something is about the goods, not the offer.
  if (noNeed && !near(s.need, s.callNoun, 3) && !near(s.need, s.sendVerb, 2, true)) add('not needed', 'decline', 0.7, noNeed);
  // "We decided not to pursue it this year", "decidimos não seguir com isso neste ano", "besloten om er niet mee door te
  // gaan": a decision followed by its negation is a no; weak, so a time named in the same reply still wins.
  const decidedNot = near(s.decide, s.neg, 4, true);
  if (decidedNot && !s.anymore.some((a) => a.w > decidedNot[1].w && a.w - decidedNot[1].w <= 1)) add('decided not to', 'decline', 0.8, decidedNot);
  // "Budget for next year has been allocated and this isn't in it", "no entra en el presupuesto", "ist nicht im Budget":
  // the offer left out of the budget ("the budget isn't the issue", "won't know about budget until March", "ahora no hay
  // presupuesto" are not: a no for now, which a range named beside it lifts).
  const noBudget = near(s.neg, s.budget, 5) ?? near(s.budget, s.neg, 10, true);
  if (noBudget && !/(?<![\p{L}])(?:issue|problem|concern|problema|problème|probleem|questione|know|until|yet|hasta|todavía|aún|até|ainda|jusqu['’]?|encore|bis|noch|tot|nog|fino|ancora|sapere|saber|savoir|wissen|weten|now|currently|ahora|agora|maintenant|actuellement|jetzt|momentan|derzeit|nu|momenteel|adesso|attualmente|moment\p{L}*)(?![\p{L}])/iu.test(clause)) add('left out of the budget', 'decline', 0.8, noBudget);
  // "Going to say no on this one", "on va dire non cette fois", "wir lehnen dankend ab".
  const sayNo = s.sayNo[0];
  if (sayNo && !negated(sayNo)) add('saying no', 'decline', 1, [sayNo, sayNo]);
  // "We just renewed our current tool for two years", "acabamos de renovar el contrato": the vendor kept.
  const renewed = near(s.renew, s.tool, 5) ?? near(s.renew, s.deal, 5) ?? near(s.renew, s.current, 5);
  if (renewed && !negated(renewed[0])) add('renewed the current vendor', 'decline', 0.8, renewed);
  return out;
}

/** Checking with the team, not building: "ver internamente", "check internally", "voir en interne", "intern prüfen". */
const CHECK_INTERNALLY = /(?<![\p{L}])(?:ver|verificar|checar|consultar|discutir|alinhar|avaliar|revisar|hablar|check|discuss|see|voir|vérifier|discuter|prüfen|besprechen|klären|abstimmen|bekijken|overleggen|bespreken|vedere|verificare|valutare|sentire|parlarne)\s+(?:\p{L}+\s+)?(?:internamente|internally|in-?house|en\s+interne|intern|in\s+casa)(?![\p{L}])/iu;

/** The rep's tool shown already: "already showed me the tool", "ya me mostraron", "m'a déjà montré", "hat mir schon gezeigt". */
const SHOWN_ALREADY = /(?<![\p{L}])(?:already|ya|já|déjà|bereits|schon|al|già)\s+(?:\p{L}+\s+){0,2}(?:showed|shown|demoed|demonstrated|presented|walked\s+me\s+through|mostr\p{L}+|enseñ\p{L}+|apresent\p{L}+|montré|présenté|gezeigt|vorgestellt|vorgeführt|laten\s+zien|gedemonstreerd|mostrato|presentato)(?![\p{L}])/iu;

/**
 * A sentence a mail client wrapped ("… We gaan er niet mee\nverder."): a line of 60 characters or more that ends without
 * punctuation, followed by one starting in lower case (or any letter after a lower-case word), continues on it. Short lines stay apart ("not now\nunsubscribe").
 * Used for the cues only: the frames read a legal footer's wrapped lines apart ("Regolamento UE 2016/679\n(GDPR) i Suoi
 * dati" is no erasure request).
 */
export function unwrapLines(text: string): string {
  // A German noun keeps its capital on the next line ("kein\nInteresse"): after a lower-case word, any letter continues.
  return text.replace(/^([^\n]{59,}(?:\p{Ll}|[\p{L}\p{N},](?=[ \t]*\n[ \t]*\p{Ll})))[ \t]*\n(?=[ \t]*\p{L})/gmu, '$1 ');
}

/** Clauses: sentences and their parts around ";", ":", a comma and a dash; a line break ends one. */
export function meaningClauses(text: string): string[] {
  // A comma ends a clause too: "Ik werk hier niet meer, mail gerust mijn collega" is two meanings, not "niet meer … mail".
  return text.split(/(?<=[.!?¡¿;:\n])\s+|\s+[-–—]\s+|\n|,\s+/iu).map((s) => s.trim()).filter(Boolean);
}

/** "If not", "si no", "se não", "sinon", "sonst", "zo niet", "altrimenti": what follows is a condition's outcome. */
const IF_NOT = /^(?:if\s+not|otherwise|si\s+no|de\s+lo\s+contrario|se\s+n[ãa]o|caso\s+contr[áa]rio|sinon|wenn\s+nicht|falls\s+nicht|sonst|zo\s+niet|anders|se\s+no|altrimenti)$/iu;

export function readFrames(text: string): Frame[] {
  const clauses = meaningClauses(text.slice(0, 5_000));
  // "¿Tienen integración con Holded? Si no, no nos sirve.": a no that depends on an answer still to come is a question,
  // not a decline (an opt-out stays one whatever comes before it).
  return clauses.flatMap((c, i) => clauseFrames(c).filter((f) => f.kind === 'optout' || !IF_NOT.test((clauses[i - 1] ?? '').replace(/[,;:]$/u, '').trim())));
}
