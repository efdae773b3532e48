/**
 * Automatic messages: bounces (delivery status notifications) and auto-replies (out of office).
 * Bounces are decided first, because many bounces also carry `Auto-Submitted: auto-replied`.
 */

export interface AutomaticVerdict {
  kind: 'bounce' | 'ooo' | null;
  explain: string[];
}

const DSN_SUBJECT =
  /\b(?:undeliver(?:able|ed)|undelivered mail|delivery status notification|delivery (?:has )?fail(?:ed|ure)|mail delivery (?:failed|failure|system|subsystem)|returned mail|failure notice|non[- ]?deliver(?:y|able)|could not be delivered|delivery notification|mail system error|message not delivered|rejected|delivery problem|returned to sender|nicht zustellbar|unzustellbar|non remis|no se puede entregar|warning: could not send|delayed mail|delivery delayed|mail could not be delivered|permanent error|bounce|complaint about message|abuse report)\b|メールエラー|配信エラー|エラー通知|送信エラー|不達/i;

const BOUNCE_SENDER = /(?:^|<|\s|")(?:mailer-daemon|post_?master|mail-daemon|mailerdaemon|bounce[s]?|noreply-dsn)@|mail delivery (?:system|subsystem)|mailer[- ]daemon|post_?master@/i;

const DSN_BODY: RegExp[] = [
  /this is the mail system at host/i,
  /(?:delivery to the following recipients? (?:failed|was unsuccessful)|the following addresses? (?:had permanent fatal errors|failed))/i,
  /(?:could not be delivered to one or more recipients|your message (?:wasn'?t|was not|couldn'?t be|could not be) delivered)/i,
  /(?:message could not be delivered|undeliverable message|delivery has failed to these recipients)/i,
  /this message was created automatically by mail delivery software/i,
  /i'?m sorry to have to inform you that your message could not/i,
  /(?:^|\n)\s*(?:final-recipient|original-recipient|diagnostic-code)\s*:/i,
  /(?:^|\n)\s*action\s*:\s*(?:failed|delayed)/i,
  /\b(?:550|551|552|553|554|450|451|452)[ -]\d\.\d{1,3}\.\d{1,3}\b/,
  /\b(?:user unknown|mailbox (?:unavailable|not found|full|is full|does not exist)|no such (?:user|recipient|mailbox)|recipient address rejected|address rejected|unknown user|host not found|quota exceeded)\b/i,
  /(?:^|\n)\s*-{2,}\s*(?:the )?original message (?:follows|headers?)\b/i,
  /(?:^|\n)\s*(?:returned message|transcript of session)/i,
  /"notificationType"\s*:\s*"(?:Bounce|Complaint)"/,
  /\bcould not be delivered to\s*:/i,
];

const OOO_SUBJECT =
  /^(?:\[[^\]]*\]\s*)?(?:automatic reply|auto(?:matic)?[ -]?(?:reply|response|antwort)|auto:|autoreply|out of (?:the )?office|ooo\b|abwesenheitsnotiz|abwesend|automatische antwort|réponse automatique|reponse automatique|absence|absent|respuesta automática|respuesta automatica|fuera de la oficina|ausente|risposta automatica|fuori ufficio|automatisch antwoord|afwezig|resposta automática|resposta automatica|ausência|ausencia|férias|autosvar|frånvaro|away\b|on vacation|vacation|on leave|i am away|i'?m away)/i;

const OOO_BODY: RegExp[] = [
  /\bout of (?:the )?office\b/i,
  /\b(?:i am|i'?m|i will be|i'?ll be)\s+(?:currently\s+)?(?:away|out|on (?:annual |parental |sick |maternity |paternity )?leave|on (?:vacation|holiday|holidays|pto)|travel(?:l)?ing|off|absent|not in the office)\b/i,
  /\blimited (?:access to|ability to check) (?:my )?e-?mail/i,
  /\b(?:returning|return|be back|back in the office)\b.{0,40}\b(?:on|until|by)\b/i,
  /\bthis is an automatic(?:ally generated)? (?:reply|response|message)/i,
  /\b(?:nicht im büro|abwesend|im urlaub|nicht erreichbar|außer haus|ausser haus)\b/i,
  /\b(?:je suis (?:actuellement )?absent|absente? du bureau|en congés?|en vacances)\b/i,
  /\b(?:fuera de la oficina|de vacaciones|estoy ausente|ausente hasta)\b/i,
  /\b(?:fuori ufficio|in ferie|sono assente|fuori sede|rientrerò|rientro in ufficio)\b/i,
  /(?<![\p{L}])(?:estou\s+(?:de\s+férias|ausente|fora\s+do\s+escritório|em\s+licença)|fora\s+do\s+escritório|de\s+férias\s+até)(?![\p{L}])/iu,
  // The future forms an auto-reply written ahead uses: "estarei ausente", "estaré fuera", "je serai absent", "sarò assente"…
  /(?<![\p{L}])(?:estarei\s+(?:ausente|fora|de\s+férias|em\s+férias)|ausente\s+do\s+escritório|estaré\s+(?:fuera|ausente|de\s+vacaciones)|je\s+serai\s+(?:absente?|en\s+congés?|en\s+vacances)|ich\s+(?:werde|bin)\s+(?:\p{L}+\s+){0,4}(?:abwesend|nicht\s+im\s+büro|im\s+urlaub)|ik\s+(?:zal|ben)\s+(?:\p{L}+\s+){0,3}(?:afwezig|met\s+vakantie|niet\s+op\s+kantoor)|sarò\s+(?:assente|fuori\s+(?:ufficio|sede)|in\s+ferie))(?![\p{L}])/iu,
  /(?<![\p{L}])(?:ik\s+ben\s+(?:afwezig|met\s+vakantie|niet\s+op\s+kantoor|op\s+vakantie|vrij)|afwezig\s+(?:tot|van)|met\s+vakantie\s+tot)(?![\p{L}])/iu,
];

export function classifyAutomatic(headers: Record<string, string>, subject: string, body: string): AutomaticVerdict {
  const h = (k: string) => (headers[k] ?? '').toLowerCase();
  const explain: string[] = [];
  const contentType = h('content-type');
  if (/multipart\/report/.test(contentType) && /report-type\s*=\s*"?(?:delivery-status|feedback-report)/.test(contentType)) {
    return { kind: 'bounce', explain: [`Content-Type ${contentType.match(/report-type\s*=\s*"?[\w-]+/)?.[0] ?? 'multipart/report'} (delivery status report)`] };
  }
  if (/^content-type:\s*message\/(?:delivery-status|feedback-report)/im.test(body)) {
    return { kind: 'bounce', explain: ['a message/delivery-status part'] };
  }
  // Amazon SES notifications, raw or as escaped JSON inside an SNS message; a delivery notice is machine mail too.
  if (/\\?"notificationType\\?"\s*:\s*\\?"(?:Bounce|Complaint|Delivery)\\?"/.test(body.slice(0, 20_000))) return { kind: 'bounce', explain: ['an Amazon SES bounce/complaint/delivery notification'] };
  if (h('x-failed-recipients')) return { kind: 'bounce', explain: ['X-Failed-Recipients header'] };
  const from = h('from') || h('return-path');
  const senderIsDaemon = BOUNCE_SENDER.test(from);
  const subjectIsDsn = DSN_SUBJECT.test(subject) && !OOO_SUBJECT.test(subject);
  const bodyDsn = DSN_BODY.filter((re) => re.test(body.slice(0, 20_000))).length;
  if (senderIsDaemon && (subjectIsDsn || bodyDsn > 0)) return { kind: 'bounce', explain: [`sender ${from} with a delivery-failure ${subjectIsDsn ? 'subject' : 'body'}`] };
  if (senderIsDaemon) return { kind: 'bounce', explain: [`mailer-daemon/postmaster sender ${from}`] };
  // A mailing-list manager's notice ("you are not a member", "loop alert") from the list's admin address: machine mail.
  const listManager = headers['x-mlserver'] !== undefined || headers['x-ml-name'] !== undefined;
  if (listManager && /(?:^|[<\s"])(?:owner-[^@\s]+|[^@\s<"]+-(?:admin|owner|request|bounces?))@/.test(from)) {
    return { kind: 'bounce', explain: [`mailing-list manager notice from ${from}`] };
  }
  const nullSender = /^<>$|^<\s*>$/.test(h('return-path').trim());
  if (subjectIsDsn && nullSender) return { kind: 'bounce', explain: [`delivery-failure subject "${subject}" from the null sender (Return-Path: <>)`] };
  if (subjectIsDsn && bodyDsn > 0) return { kind: 'bounce', explain: [`delivery-failure subject "${subject}"`] };
  if (subjectIsDsn && /^content-type:\s*message\/rfc822/im.test(body)) {
    return { kind: 'bounce', explain: [`delivery-failure or complaint subject "${subject}" with the original message attached`] };
  }

  const autoSubmitted = h('auto-submitted');
  const autoHeader =
    /auto-replied/.test(autoSubmitted) ? 'Auto-Submitted: auto-replied (RFC 3834)'
      : /^yes/.test(h('x-autoreply')) ? 'X-Autoreply: yes'
        : headers['x-autorespond'] !== undefined ? 'X-Autorespond header'
          : /auto_reply/.test(h('precedence')) ? 'Precedence: auto_reply'
            : h('x-ms-exchange-inbox-rules-loop') || /oof/i.test(h('x-ms-exchange-generated-message-source')) ? 'Exchange OOF header' : null;
  const subjectOoo = OOO_SUBJECT.test(subject.trim());
  const bodyOoo = OOO_BODY.some((re) => re.test(body.slice(0, 5_000)));
  if (autoHeader && !(bodyDsn >= 2 && !bodyOoo)) return { kind: 'ooo', explain: [autoHeader, ...(subjectOoo ? [`subject "${subject}"`] : [])] };
  if (bodyDsn >= 2 && (subjectIsDsn || /auto-(?:generated|replied)/.test(autoSubmitted) || from === '' || /<>/.test(h('return-path')))) {
    return { kind: 'bounce', explain: ['delivery-failure wording in the body'] };
  }
  if (subjectOoo && (bodyOoo || /auto|automat/i.test(subject))) return { kind: 'ooo', explain: [`auto-reply subject "${subject}"`] };
  const weakAuto = /auto-generated/.test(autoSubmitted) || headers['x-auto-response-suppress'] !== undefined;
  if (bodyOoo && (subjectOoo || weakAuto)) {
    explain.push(subjectOoo ? `subject "${subject}"` : 'Auto-Submitted: auto-generated / X-Auto-Response-Suppress', 'out-of-office wording in the body');
    return { kind: 'ooo', explain };
  }
  return { kind: null, explain: [] };
}

/** Body-only out-of-office wording strong enough without headers ("I am out of the office until ..."). */
export function looksLikeOooBody(text: string): boolean {
  const t = text.slice(0, 3_000);
  const strong = /\b(?:i am|i'?m)\s+(?:currently\s+)?out of (?:the )?office\b|\bthis is an automatic(?:ally generated)? (?:reply|response)|\bi (?:will|shall) (?:respond|reply|get back to you) (?:to your (?:e-?mail|message) )?(?:when|upon|after) (?:i|my) return|\bwith limited access to e-?mail|\bich bin (?:bis|vom|derzeit|zurzeit|ab)\b.{0,80}\b(?:nicht im büro|abwesend|im urlaub|nicht erreichbar)|\bje suis (?:actuellement )?absente?\b|\bestoy fuera de la oficina\b|\bfuera de la oficina hasta\b|\bestoy de vacaciones\b|\bsono (?:in ferie|fuori ufficio|assente)\b|\bik ben (?:afwezig|met vakantie|niet op kantoor)\b|\bestou (?:de férias|ausente|fora do escritório)\b|\bestarei ausente do escritório\b|\bestaré fuera de la oficina\b|\bje serai absente? du bureau\b|\bsarò fuori ufficio\b/i;
  if (strong.test(t) || /\b(?:me\s+encuentro\s+de\s+vacaciones|me\s+reincorporo|me\s+reincorporaré|estoy\s+de\s+baja)\b/i.test(t)) return true;
  // "I'm on annual leave, back on the 14th. I'll reply when I return.": away on leave, with the way back or the answer
  // promised on return, is an auto-reply even without its header ("I'm on holiday next week, can we do Thursday?" is not).
  const onLeave = /\b(?:i am|i'?m|i['’]m)\s+(?:currently\s+|now\s+)?(?:on\s+(?:annual\s+|parental\s+|maternity\s+|paternity\s+|sick\s+|medical\s+|study\s+)?leave|on\s+(?:vacation|holiday|holidays|pto|sabbatical))\b/i.test(t);
  const backOrReply = /\b(?:back\s+(?:on|in\s+the\s+office|at\s+my\s+desk|from)|return(?:ing)?\s+(?:on|to\s+the\s+office)|i(?:['’]ll|\s+will|\s+shall)\s+(?:respond|reply|get\s+back\s+to\s+you|answer)\b[^.]{0,40}\b(?:when|upon|after|once)\s+i\s+(?:return|am\s+back|get\s+back)|limited\s+access)\b/i.test(t);
  if (onLeave && backOrReply) return true;
  // "I'm hiking until mid-June with no signal. Back at my desk Monday June 22.": out of reach (no signal, off the grid,
  // "sin cobertura", "sans réseau", "ohne Empfang", "zonder bereik", "senza campo", "sem sinal") with the day back.
  const unreachable = /(?<![\p{L}])(?:(?:with\s+)?(?:no|without|zero)\s+(?:phone\s+|cell\s+|mobile\s+)?(?:signal|reception|coverage|wi-?fi|internet|connectivity|e-?mail\s+access)|off\s+the\s+grid|sin\s+(?:cobertura|señal|conexión|internet)|sem\s+(?:sinal|rede|internet|conexão)|sans\s+(?:réseau|connexion|internet|couverture)|ohne\s+(?:netz|empfang|internet)|kein(?:en)?\s+(?:empfang|netz)|zonder\s+(?:bereik|internet|verbinding)|geen\s+(?:bereik|internet)|senza\s+(?:campo|connessione|internet|rete))(?![\p{L}])/iu.test(t);
  if (unreachable && (backOrReply || /(?<![\p{L}])back\s+(?:at\s+my\s+desk|online|in\s+touch)(?![\p{L}])/iu.test(t) || /(?<![\p{L}])(?:de\s+retour|je\s+reviens|zurück\s+(?:am|ab)|wieder\s+(?:da|im\s+büro|erreichbar)|weer\s+(?:terug|bereikbaar|op\s+kantoor)|terug\s+op|rientr\p{L}+|torno|vuelvo|regreso|de\s+vuelta|volto|de\s+volta|retorno)(?![\p{L}])/iu.test(t))) return true;
  // The same in the other six languages: away ("en congé", "im Urlaub", "de vacaciones", "in ferie", "met verlof"),
  // and the way back ("de retour le", "wieder da", "weer op kantoor", "di nuovo in ufficio", "regresso a").
  const awayOther = /(?<![\p{L}])(?:je\s+suis\s+(?:actuellement\s+)?(?:en\s+congés?|en\s+vacances|absente?)|(?:ich\s+)?bin\s+(?:[\p{L}\d.]+\s+){0,3}(?:im\s+urlaub|in\s+(?:elternzeit|mutterschutz|karenz)|abwesend|außer\s+haus|nicht\s+im\s+(?:büro|haus|hause))|estoy\s+(?:de\s+vacaciones|de\s+baja|de\s+permiso|fuera\s+de\s+la\s+oficina|ausente)|estou\s+(?:de\s+férias|em\s+férias|de\s+licença|em\s+licença|de\s+folga|fora\s+do\s+escritório|ausente)|sono\s+(?:in\s+ferie|in\s+vacanza|in\s+maternità|fuori\s+(?:ufficio|sede)|assente|in\s+congedo)|(?:ik\s+)?ben\s+(?:met|op)\s+(?:vakantie|(?:zwangerschaps|ouderschaps)?verlof)|ik\s+ben\s+(?:[\p{L}\d]+\s+){0,5}afwezig)(?![\p{L}])/iu.test(t);
  const backOther = /(?<![\p{L}])(?:de\s+retour|je\s+reviens|je\s+serai\s+(?:de\s+retour|là)|reprise\s+le|terug\s+(?:op|vanaf|per|na)|torno|tornerò|sarò\s+di\s+ritorno|wieder\s+(?:da|im\s+büro|erreichbar)|zurück\s+(?:am|ab)|weer\s+(?:op\s+kantoor|aanwezig|bereikbaar|terug)|di\s+nuovo\s+in\s+ufficio|rientr\p{L}+|regress\p{L}+|regreso|vuelvo|de\s+volta|volto)(?![\p{L}])/iu.test(t);
  if (awayOther && backOther) return true;
  // A closure notice with the day the writer is back ("Unser Betrieb ist über die Feiertage geschlossen. Ab Mittwoch…
  // bin ich wieder im Büro", "l'azienda è chiusa… Sarò di nuovo in ufficio"): an auto-reply, even without its header.
  // A closure alone ("our offices are closed Monday for Memorial Day") is news, not an auto-reply.
  const closed = /(?:geschlossen|betriebsferien|chius[aoi]|fermée?s?|fermeture|gesloten|fechad[oa]s?|férias\s+coletivas|cerrad[oa]s?|closed)(?![\p{L}])/iu.test(t);
  const back = /(?:wieder\s+im\s+büro|wieder\s+erreichbar|di\s+nuovo\s+in\s+ufficio|rientrerò|de\s+retour|weer\s+(?:op\s+kantoor|aanwezig|bereikbaar)|de\s+volta|de\s+vuelta|me\s+reincorporo|back\s+in\s+the\s+office|back\s+on|return(?:ing)?\s+to\s+the\s+office|reopen(?:s|ing)?\s+on)(?![\p{L}])/iu.test(t);
  return closed && back;
}
