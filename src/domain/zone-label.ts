import { DateTime } from 'luxon';

/**
 * How a time zone is named next to a time people read: the abbreviation people use where one
 * exists ("EST", "PDT", "CET", "BST", "GMT"), otherwise the zone's city ("Tokyo time"), never a
 * bare "GMT+9" that leaves the reader doing arithmetic. US abbreviations come from en-US, European
 * ones from en-GB; both are what ICU knows, so no table of our own to keep up to date.
 */
export function zoneLabel(at: Date, zone: string): string {
  const dt = DateTime.fromJSDate(at, { zone });
  for (const locale of ['en-US', 'en-GB']) {
    const name = dt.setLocale(locale).toFormat('ZZZZ');
    if (!/^(GMT|UTC)[+\-\u2212]/.test(name)) return name;
  }
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  const city = zone.split('/').at(-1)?.replace(/_/g, ' ');
  return city && !/^(GMT|UTC)/i.test(city) ? `${city} time` : dt.toFormat('ZZZZ');
}

/** Formats `at` in `zone` with a Luxon pattern (en-US words), then the zone's label. */
export function formatWithZone(at: Date, zone: string, pattern: string): string {
  return `${DateTime.fromJSDate(at, { zone }).setLocale('en-US').toFormat(pattern)} ${zoneLabel(at, zone)}`;
}
