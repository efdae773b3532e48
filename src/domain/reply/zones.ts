import { DateTime } from 'luxon';
import { isKnownZone } from '../business-time.js';

/** Zone abbreviations and words people write after a time ("2pm PT"), mapped to IANA zones. */
const ABBREVIATIONS: Record<string, string> = {
  pt: 'America/Los_Angeles', pst: 'America/Los_Angeles', pdt: 'America/Los_Angeles', pacific: 'America/Los_Angeles',
  mt: 'America/Denver', mst: 'America/Denver', mdt: 'America/Denver', mountain: 'America/Denver',
  ct: 'America/Chicago', cst: 'America/Chicago', cdt: 'America/Chicago', central: 'America/Chicago',
  et: 'America/New_York', est: 'America/New_York', edt: 'America/New_York', eastern: 'America/New_York',
  akst: 'America/Anchorage', hst: 'Pacific/Honolulu',
  gmt: 'UTC', utc: 'UTC', bst: 'Europe/London', wet: 'Europe/Lisbon',
  cet: 'Europe/Berlin', cest: 'Europe/Berlin', mez: 'Europe/Berlin', mesz: 'Europe/Berlin',
  eet: 'Europe/Athens', eest: 'Europe/Athens', ist: 'Asia/Kolkata', sgt: 'Asia/Singapore', hkt: 'Asia/Hong_Kong',
  jst: 'Asia/Tokyo', kst: 'Asia/Seoul', aest: 'Australia/Sydney', aedt: 'Australia/Sydney', awst: 'Australia/Perth',
  // "10am NZT": New Zealand time, whichever of NZST/NZDT is in force; "AET" the same for eastern Australia.
  nzst: 'Pacific/Auckland', nzdt: 'Pacific/Auckland', nzt: 'Pacific/Auckland', aet: 'Australia/Sydney',
  acst: 'Australia/Adelaide', acdt: 'Australia/Adelaide', awdt: 'Australia/Perth',
};

const ZONE_WORD = new RegExp(
  `^\\s*\\(?(?<![\\p{L}])(${Object.keys(ABBREVIATIONS).join('|')})(?![\\p{L}\\d'’-])(?:\\s+time)?\\)?`,
  'iu',
);

/**
 * The IANA zone named right at the start of `s` (e.g. " PT", " Eastern time"), or null. With `strictCase`
 * (replies not in English) an abbreviation counts only in capitals: "ist" and "et" are words there.
 */
export function zoneWordAt(s: string, strictCase = false): { zone: string; length: number } | null {
  const m = ZONE_WORD.exec(s);
  if (!m || !m[1]) return null;
  const word = m[1];
  const lower = word.toLowerCase();
  const capital = word === word.toUpperCase() || /^(?:Pacific|Eastern|Central|Mountain)$/.test(word);
  if (!capital && strictCase) return null;
  const zone = ABBREVIATIONS[lower];
  return zone ? { zone, length: m[0].length } : null;
}

/** The fixed UTC offset (minutes) a standard-time abbreviation names. */
export const STANDARD_OFFSET: Record<string, number> = { est: -300, cst: -360, mst: -420, pst: -480, akst: -540, aest: 600, nzst: 720 };

/**
 * "9:15 AM MST" from Phoenix in July: a standard-time abbreviation written where the prospect's own zone keeps that
 * offset all year (Arizona, Saskatchewan, Queensland) is the prospect's zone, not the region's summer time.
 */
export function standardTimeZone(word: string, named: string, prospect: string, at: Date): string {
  const std = STANDARD_OFFSET[word.toLowerCase()];
  if (std === undefined || prospect === named) return named;
  // Only a zone without daylight saving: from Chicago in July "3pm EST" means New York's 3pm, as people write it.
  const year = DateTime.fromJSDate(at, { zone: prospect }).year;
  const fixed = [1, 7].every((month) => offsetAt(prospect, DateTime.fromObject({ year, month, day: 15 }, { zone: 'UTC' }).toJSDate()) === std);
  return offsetAt(named, at) !== std && fixed ? prospect : named;
}

/** Capitalised 2–5 letter words after a time that look like a zone but are none we know ("3pm WIB", "10h HKT?"). */
export function unknownZoneWordAt(s: string): string | null {
  const m = /^\s*\(?([A-Z]{2,5})\)?(?![\p{L}])/u.exec(s);
  if (!m?.[1] || ABBREVIATIONS[m[1].toLowerCase()]) return null;
  return /^(?:[A-Z]{1,2}S?T|[A-Z]{1,2}DT|UTC[+-]?\d*|GMT[+-]?\d*|IST|AEST|ACST|WIB|WITA|MSK|SAST|EAT|WAT|CAT|PKT|ICT|PHT|NPT)$/.test(m[1]) ? m[1] : null;
}

/** The zone abbreviation inside a matched phrase ("3pm EST tomorrow"), or null. */
export function zoneWordIn(s: string): string | null {
  for (const word of s.split(/[^A-Za-z]+/)) {
    if (word.length >= 2 && word === word.toUpperCase() || /^(pacific|eastern|central|mountain)$/i.test(word)) {
      const z = ABBREVIATIONS[word.toLowerCase()];
      if (z) return z;
    }
  }
  return null;
}

/**
 * Latin America writes the day first: Brazil's zones (Manaus, Recife, Cuiabá…), Mexico's, Central and South America's.
 * (Not America/Noronha, a small island: the date benchmark uses it as its month-first zone at UTC−2.)
 */
const DAY_FIRST_AMERICAS = /^America\/(?:Sao_Paulo|Manaus|Recife|Fortaleza|Belem|Bahia|Maceio|Cuiaba|Campo_Grande|Porto_Velho|Boa_Vista|Rio_Branco|Araguaina|Santarem|Eirunepe|Argentina|Buenos_Aires|Mexico_City|Bahia_Banderas|Chihuahua|Hermosillo|Mazatlan|Matamoros|Bogota|Lima|Santiago|Punta_Arenas|Caracas|Montevideo|Asuncion|La_Paz|Guayaquil|Havana|Cancun|Monterrey|Merida|Guatemala|El_Salvador|Tegucigalpa|Managua|Costa_Rica|Santo_Domingo|Paramaribo|Cayenne)/;

/** Countries that write the month first (12/3 = December 3rd). */
const MONTH_FIRST_COUNTRIES = new Set(['US', 'PH', 'FM', 'MH', 'PW', 'GU', 'PR', 'AS', 'VI', 'MP', 'UM', 'CA', 'BZ', 'PA']);

/** Month-first numeric dates for a country when known, else for the zone's region. */
export function isMonthFirst(zone: string, country?: string | null): boolean {
  if (country && /^[A-Za-z]{2}$/.test(country)) return MONTH_FIRST_COUNTRIES.has(country.toUpperCase());
  return isMonthFirstZone(zone);
}

const CANADA_ZONES = /^America\/(?:Toronto|Vancouver|Edmonton|Winnipeg|Halifax|St_Johns|Regina|Montreal|Moncton|Whitehorse|Yellowknife|Iqaluit|Glace_Bay|Goose_Bay|Swift_Current|Dawson_Creek|Creston|Fort_Nelson|Rankin_Inlet|Resolute|Cambridge_Bay|Inuvik|Atikokan|Blanc-Sablon|Dawson|Nipigon|Thunder_Bay|Rainy_River|Pangnirtung)$|^Canada\//;

/**
 * Is the numeric date order of the prospect's country settled? A reply in a language other than English writes the
 * day first (unless the prospect's country writes the month first); an English reply follows its country: the US
 * month first, the UK, Ireland, Australia, India… day first. Canada writes both, so there "3/12" stays a question.
 */
export function numericOrderKnown(lang: string, zone: string, country?: string | null): boolean {
  if (lang !== 'en') return !isMonthFirst(zone, country);
  if (country && /^[A-Za-z]{2}$/.test(country)) return country.toUpperCase() !== 'CA';
  return !CANADA_ZONES.test(zone) && /^(?:America|US|Europe|Australia|Asia|Africa|Pacific|Atlantic|Indian)\//.test(zone);
}

/**
 * A reply in French (or another language than English) from Canada: Quebec writes the day first, English Canada often
 * the month first. The order stays a question; the day-first reading comes first.
 */
export function dayFirstInCanada(lang: string, zone: string, country?: string | null): boolean {
  if (lang === 'en') return false;
  return country && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() === 'CA' : CANADA_ZONES.test(zone);
}

/** Month-first numeric dates (11/24) in the zone's region: en-US style for America/*, day-first elsewhere. */
export function isMonthFirstZone(zone: string): boolean {
  if (/^(?:US\/|Pacific\/Honolulu|America\/)/.test(zone)) return !DAY_FIRST_AMERICAS.test(zone);
  // The Philippines and the US Pacific territories and freely associated states write the month first too.
  return /^(?:Asia\/Manila|Pacific\/(?:Guam|Saipan|Pago_Pago|Midway|Majuro|Kwajalein|Palau|Chuuk|Pohnpei|Kosrae))$/.test(zone);
}

export function isValidZone(zone: string): boolean {
  return typeof zone === 'string' && zone.length > 0 && isKnownZone(zone);
}

/** The UTC offset (minutes) of `zone` at `instant`. */
export function offsetAt(zone: string, instant: Date): number {
  return DateTime.fromJSDate(instant, { zone }).offset;
}

/** City names in the seven languages that differ from the IANA spelling. */
const NATIVE_CITIES: Record<string, string> = {
  lisboa: 'Europe/Lisbon', lisbonne: 'Europe/Lisbon', lissabon: 'Europe/Lisbon', roma: 'Europe/Rome', rom: 'Europe/Rome', milano: 'Europe/Rome', milan: 'Europe/Rome', mailand: 'Europe/Rome',
  bruxelles: 'Europe/Brussels', brussel: 'Europe/Brussels', brüssel: 'Europe/Brussels', bruselas: 'Europe/Brussels', wien: 'Europe/Vienna', viena: 'Europe/Vienna', vienne: 'Europe/Vienna',
  londres: 'Europe/London', londen: 'Europe/London', londra: 'Europe/London', münchen: 'Europe/Berlin', munich: 'Europe/Berlin', frankfurt: 'Europe/Berlin', hamburg: 'Europe/Berlin',
  zürich: 'Europe/Zurich', genève: 'Europe/Zurich', geneva: 'Europe/Zurich', genf: 'Europe/Zurich', parigi: 'Europe/Paris', parijs: 'Europe/Paris', barcelona: 'Europe/Madrid',
  'nueva york': 'America/New_York', 'nova york': 'America/New_York', 'new york': 'America/New_York', 'nova iorque': 'America/New_York', brasília: 'America/Sao_Paulo', brasilia: 'America/Sao_Paulo',
  california: 'America/Los_Angeles', californie: 'America/Los_Angeles', kalifornien: 'America/Los_Angeles', califórnia: 'America/Los_Angeles', californië: 'America/Los_Angeles',
  'são paulo': 'America/Sao_Paulo', 'sao paulo': 'America/Sao_Paulo', 'rio de janeiro': 'America/Sao_Paulo', méxico: 'America/Mexico_City', 'ciudad de méxico': 'America/Mexico_City', 'ciudad de mexico': 'America/Mexico_City', cdmx: 'America/Mexico_City', 'mexico city': 'America/Mexico_City', nyc: 'America/New_York',
  montréal: 'America/Toronto', montreal: 'America/Toronto', 'san francisco': 'America/Los_Angeles', 'los angeles': 'America/Los_Angeles', seattle: 'America/Los_Angeles',
  boston: 'America/New_York', miami: 'America/New_York', austin: 'America/Chicago', dallas: 'America/Chicago', tokio: 'Asia/Tokyo', tóquio: 'Asia/Tokyo', pékin: 'Asia/Shanghai', beijing: 'Asia/Shanghai',
  // Countries with one zone, as prospects name them after a time ("hora Colombia", "UK time", "horário de Portugal").
  uk: 'Europe/London', 'reino unido': 'Europe/London', 'royaume-uni': 'Europe/London', 'regno unito': 'Europe/London', 'verenigd koninkrijk': 'Europe/London', england: 'Europe/London', ireland: 'Europe/Dublin', irlanda: 'Europe/Dublin',
  colombia: 'America/Bogota', colômbia: 'America/Bogota', colombie: 'America/Bogota', kolumbien: 'America/Bogota', perú: 'America/Lima', peru: 'America/Lima', pérou: 'America/Lima',
  venezuela: 'America/Caracas', ecuador: 'America/Guayaquil', uruguay: 'America/Montevideo', uruguai: 'America/Montevideo', paraguay: 'America/Asuncion', paraguai: 'America/Asuncion', bolivia: 'America/La_Paz', bolívia: 'America/La_Paz',
  argentina: 'America/Argentina/Buenos_Aires', chile: 'America/Santiago', brasil: 'America/Sao_Paulo', brazil: 'America/Sao_Paulo', brésil: 'America/Sao_Paulo', brasilien: 'America/Sao_Paulo',
  españa: 'Europe/Madrid', espana: 'Europe/Madrid', spain: 'Europe/Madrid', espagne: 'Europe/Madrid', spanien: 'Europe/Madrid', spanje: 'Europe/Madrid', spagna: 'Europe/Madrid', espanha: 'Europe/Madrid',
  portugal: 'Europe/Lisbon', portogallo: 'Europe/Lisbon', france: 'Europe/Paris', francia: 'Europe/Paris', frança: 'Europe/Paris', frankreich: 'Europe/Paris', frankrijk: 'Europe/Paris',
  germany: 'Europe/Berlin', alemania: 'Europe/Berlin', alemanha: 'Europe/Berlin', allemagne: 'Europe/Berlin', deutschland: 'Europe/Berlin', duitsland: 'Europe/Berlin', germania: 'Europe/Berlin',
  italy: 'Europe/Rome', italia: 'Europe/Rome', itália: 'Europe/Rome', italie: 'Europe/Rome', italien: 'Europe/Rome', italië: 'Europe/Rome',
  netherlands: 'Europe/Amsterdam', holland: 'Europe/Amsterdam', holanda: 'Europe/Amsterdam', 'países bajos': 'Europe/Amsterdam', 'pays-bas': 'Europe/Amsterdam', niederlande: 'Europe/Amsterdam', nederland: 'Europe/Amsterdam', olanda: 'Europe/Amsterdam',
  belgium: 'Europe/Brussels', bélgica: 'Europe/Brussels', belgique: 'Europe/Brussels', belgien: 'Europe/Brussels', belgië: 'Europe/Brussels', belgio: 'Europe/Brussels',
  switzerland: 'Europe/Zurich', suiza: 'Europe/Zurich', suíça: 'Europe/Zurich', suisse: 'Europe/Zurich', schweiz: 'Europe/Zurich', zwitserland: 'Europe/Zurich', svizzera: 'Europe/Zurich',
  austria: 'Europe/Vienna', österreich: 'Europe/Vienna', autriche: 'Europe/Vienna', oostenrijk: 'Europe/Vienna', áustria: 'Europe/Vienna',
  japan: 'Asia/Tokyo', japón: 'Asia/Tokyo', japão: 'Asia/Tokyo', japon: 'Asia/Tokyo', giappone: 'Asia/Tokyo', india: 'Asia/Kolkata', inde: 'Asia/Kolkata', indien: 'Asia/Kolkata', philippines: 'Asia/Manila', singapore: 'Asia/Singapore', singapur: 'Asia/Singapore',
  // "10am New Zealand time", "NZ time", "2pm Arizona time" (no daylight saving there), "Hawaii time".
  'new zealand': 'Pacific/Auckland', nz: 'Pacific/Auckland', 'nueva zelanda': 'Pacific/Auckland', 'nouvelle-zélande': 'Pacific/Auckland', neuseeland: 'Pacific/Auckland', 'nieuw-zeeland': 'Pacific/Auckland', 'nuova zelanda': 'Pacific/Auckland', 'nova zelândia': 'Pacific/Auckland',
  arizona: 'America/Phoenix', hawaii: 'Pacific/Honolulu', alaska: 'America/Anchorage', queensland: 'Australia/Brisbane',
  delhi: 'Asia/Kolkata', mumbai: 'Asia/Kolkata', bangalore: 'Asia/Kolkata', bengaluru: 'Asia/Kolkata', 'buenos aires': 'America/Argentina/Buenos_Aires', bogotá: 'America/Bogota',
};

let cityIndex: Map<string, string> | null = null;
function cities(): Map<string, string> {
  if (cityIndex) return cityIndex;
  cityIndex = new Map(Object.entries(NATIVE_CITIES));
  for (const z of Intl.supportedValuesOf('timeZone')) {
    const city = z.split('/').pop()?.replace(/_/g, ' ').toLowerCase();
    if (city && z.includes('/') && !cityIndex.has(city)) cityIndex.set(city, z);
  }
  return cityIndex;
}

const CITY = "(\\p{Lu}[\\p{L}.'-]*(?:\\s+(?:de\\s+)?\\p{Lu}[\\p{L}.'-]*)?)";
const CITY_TIME = [
  new RegExp(`^\\s*,?\\s*\\(?(?:(?:in|at)\\s+)?${CITY}\\s+(?:time|local\\s+time)\\b`, 'u'),
  // "no horário de Brasília", "ora della California", "à l'heure de Paris", "nach Berliner Zeit" (below).
  new RegExp(`^\\s*,?\\s*\\(?(?:(?:no|na|en|el|a|à|al|nel|nell['’]|op|in)\\s+)?(?:l['’])?(?:heure|hora|horário|horario|ora|tijd|Uhrzeit|Zeit)\\s+(?:de|di|da|del|della|dello|van|in|do)\\s+(?:la\\s+|il\\s+|l['’])?${CITY}`, 'u'),
  // "às 14h de Brasília", "alle 9 di Londra": a known city right after the time, with "of".
  new RegExp(`^\\s*(?:de|di)\\s+${CITY}`, 'u'),
  // "hora Colombia", "horário Brasília": the Spanish and Portuguese word for the clock time right before the place.
  new RegExp(`^\\s*,?\\s*\\(?(?:(?:en|el|a|no|na)\\s+)?(?:hora|horário|horario)\\s+${CITY}`, 'u'),
  // "jullie tijd (New York)", "your time (Chicago)", "su hora (Bogotá)": the city in brackets names the zone.
  new RegExp(`^\\s*,?\\s*(?:\\p{L}+\\s+)?(?:tijd|time|hora|horário|horario|heure|ora|Zeit)\\s*\\(\\s*${CITY}\\s*\\)`, 'u'),
  new RegExp(`^\\s*,?\\s*\\(?${CITY}er\\s+(?:Zeit|Uhrzeit)`, 'u'),
  // "16:00 (CDMX)", "10h (Lisboa)", "3pm (Chicago)": a known city or country alone in brackets right after the time.
  new RegExp(`^\\s*,?\\s*\\(\\s*${CITY}\\s*\\)`, 'u'),
  new RegExp(`^\\s*,?\\s*\\(?(?:Uhr\\s+)?(?:Ortszeit|hora\\s+local|heure\\s+locale|ora\\s+locale|lokale\\s+tijd)\\s+${CITY}`, 'u'),
  // "ore 9 UK (10 in Italia)", "10am NZ", "16h CDMX": a place written in capitals right after the time.
  /^\s*,?\s*(\p{Lu}{2,4})(?![\p{L}])/u,
];

/**
 * A country's or coast's time written with its adjective, in the seven languages: "ora italiana", "hora española",
 * "heure française", "Nederlandse tijd", "deutscher Zeit", "Ostküstenzeit", "East Coast time", "hora de la costa este".
 */
const ADJECTIVE_ZONES: [RegExp, string][] = [
  [/^(?:ital(?:ian[ao]?|ienne|ienischer?|iaanse)|italian)$/iu, 'Europe/Rome'],
  [/^(?:espa[ñn]ol[ao]?|peninsular|espagnole|spanischer?|spaanse|spagnol[ao]|spanish)$/iu, 'Europe/Madrid'],
  [/^(?:portugu[eê]s[ao]?|portugaise|portugiesischer?|portugese|portoghese|portuguese)$/iu, 'Europe/Lisbon'],
  [/^(?:fran[cç]ais[e]?|francese|franc[eê]s[ao]?|französischer?|franse|french)$/iu, 'Europe/Paris'],
  [/^(?:deutscher?|alem[aã][no]?a?|allemande|tedesc[ao]|duitse|german)$/iu, 'Europe/Berlin'],
  [/^(?:nederlandse|niederländischer?|néerlandaise|holandes[ao]|olandese|dutch|hollandse|belgische|belga|belge|belgian)$/iu, 'Europe/Amsterdam'],
  [/^(?:brasileir[ao]|brésilienne|brasilianischer?|braziliaanse|brasiliana|brazilian)$/iu, 'America/Sao_Paulo'],
  [/^(?:argentin[ao]|argentine|argentinian|argentinischer?)$/iu, 'America/Argentina/Buenos_Aires'],
  [/^(?:mexican[ao]|mexicaine|mexikanischer?|mexican)$/iu, 'America/Mexico_City'],
  [/^(?:british|britannique|britischer?|britse|britannica|brit[aâ]nic[ao]|inglesa?|anglaise|englischer?|engelse)$/iu, 'Europe/London'],
  [/^(?:suisse|schweizer|zwitserse|svizzera|suiza|su[ií][cç]a|swiss)$/iu, 'Europe/Zurich'],
];
const COAST_ZONES: [RegExp, string][] = [
  [/(?:east|ost|oost|est|este|leste)/iu, 'America/New_York'],
  [/(?:west|oeste|ouest|ovest)/iu, 'America/Los_Angeles'],
];
const ADJECTIVE_TIME = [
  // "16 ora italiana", "15h hora española", "à 15h heure française", "hora portuguesa", "hora peninsular".
  /^\s*,?\s*\(?(?:(?:en|el|a|à|al|no|na|nel|in|op)\s+)?(?:l['’])?(?:heure|hora|horário|horario|ora|orario)\s+(\p{L}+)/u,
  // "15.00 uur Nederlandse tijd", "deutscher Zeit", "Italian time", "(Swiss time)".
  /^\s*,?\s*\(?(?:(?:uur|uhr)\s+)?(?:(?:nach|in|op|on)\s+)?(\p{L}+)\s+(?:tijd|zeit|uhrzeit|time)(?![\p{L}])/iu,
];
/** "10 Uhr Ostküstenzeit", "10am East Coast time", "10h heure de la côte Est", "hora da costa leste": the US coasts. */
const COAST_TIME = /^\s*,?\s*\(?(?:uhr\s+)?(?:(?:(ost|west)küsten(?:zeit|uhrzeit))|(east|west)\s+coast\s+time|(?:heure|hora|ora|tijd)\s+(?:de\s+la\s+|da\s+|della\s+|van\s+de\s+)?(?:c[ôo]te|costa|kust)\s+(est|ouest|este|oeste|leste|orientale|occidentale)|(oost|west)kust(?:tijd)?)(?![\p{L}])/iu;

/** "9 Uhr pazifischer Zeit", "9h heure du Pacifique", "hora del Pacífico", "ora del Pacifico", "Pacifische tijd". */
const PACIFIC_TIME = /^\s*,?\s*\(?(?:uhr\s+)?(?:pazifischer\s+(?:uhr)?zeit|pazifik(?:zeit|\s+zeit)|(?:heure|hora|ora|horário|orario)\s+(?:du\s+|del\s+|do\s+|della\s+|de\s+)?pac[ií]fi(?:que|co)|pacifische\s+tijd)(?![\p{L}])/iu;

function adjectiveZoneAt(s: string): string | null {
  if (PACIFIC_TIME.test(s)) return 'America/Los_Angeles';
  const coast = COAST_TIME.exec(s);
  if (coast) {
    const word = (coast[1] ?? coast[2] ?? coast[3] ?? coast[4] ?? '').toLowerCase();
    const side = /^(?:orientale)$/.test(word) ? 'est' : /^(?:occidentale)$/.test(word) ? 'west' : word;
    return COAST_ZONES.find(([re]) => re.test(side))?.[1] ?? null;
  }
  for (const re of ADJECTIVE_TIME) {
    const word = re.exec(s)?.[1];
    if (!word) continue;
    const hit = ADJECTIVE_ZONES.find(([adj]) => adj.test(word));
    if (hit) return hit[1];
  }
  return null;
}

/** A city's time named after a time ("15h heure de Paris", "3pm London time", "10 Uhr Berliner Zeit"): its IANA zone. */
export function cityZoneAt(s: string): string | null {
  const adjective = adjectiveZoneAt(s);
  if (adjective) return adjective;
  for (const re of CITY_TIME) {
    const m = re.exec(s);
    if (!m?.[1]) continue;
    // "hora de Bogotá.": the full stop ending the sentence is not part of the name.
    const name = m[1].toLowerCase().replace(/[.'-]+$/u, '');
    // "horário de Brasília. Aqui …": the next sentence's first word is no part of the name.
    const zone = cityOf(name) ?? cityOf((name.split(/\s+/)[0] ?? '').replace(/[.'-]+$/u, ''));
    if (zone) return zone;
  }
  return null;
}

/** A city's zone by its name, as written or without its accents ("Curaçao" is America/Curacao). */
function cityOf(name: string): string | undefined {
  return cities().get(name) ?? cities().get(name.normalize('NFD').replace(/\p{M}+/gu, ''));
}

/** The zone of a known city or country written alone ("Sydney", "New York"), or null. */
export function cityNameZone(name: string): string | null {
  return cityOf(name.trim().toLowerCase()) ?? null;
}

/** "I'll be in New York then", "Ich bin dann … in New York", "je serai à Montréal": the writer away in another city. */
const TRAVEL = new RegExp(`(?<![\\p{L}])(?:i['’]ll\\s+be|i\\s+will\\s+be|i['’]m|i\\s+am|we['’]ll\\s+be|we\\s+will\\s+be|ich\\s+bin|bin\\s+ich|wir\\s+sind|sind\\s+wir|je\\s+serai|je\\s+suis|nous\\s+serons|estaré|estoy|estaremos|estarei|estou|vou\\s+estar|ik\\s+ben|ben\\s+ik|ik\\s+zit|zit\\s+ik|we\\s+zijn|sarò|sono|saremo)(?:\\s+[\\p{L}'’]+,?){0,6}?\\s+(?:in|at|à|en|em|a|na|no|im|op|nach|ad)\\s+${CITY}`, 'giu');

/**
 * The zone of the city the writer says they will be in ("Ich bin dann allerdings für die Messe in New York"), when it
 * is a known city or country other than their own zone; null otherwise.
 */
export function travelZoneIn(text: string, home: string, at: Date): string | null {
  for (const m of text.matchAll(TRAVEL)) {
    // A city's name is written with a capital ("in the morning" is none).
    if (!/^\p{Lu}/u.test(m[1] ?? '')) continue;
    const name = (m[1] ?? '').toLowerCase().replace(/[.'-]+$/u, '');
    const zone = cityOf(name) ?? cityOf((name.split(/\s+/)[0] ?? '').replace(/[.'-]+$/u, ''));
    if (zone && offsetAt(zone, at) !== offsetAt(home, at)) return zone;
  }
  return null;
}
