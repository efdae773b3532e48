/**
 * New moons and the Diwali date they give, so "after Diwali" needs no year table. The new moon follows Meeus,
 * "Astronomical Algorithms" (2nd ed.), ch. 49: the mean phase and its main periodic terms, good to a few minutes,
 * far finer than the day this is used for.
 */
const RAD = Math.PI / 180;
const DAY_MS = 86_400_000;
/** Julian day 0 as a Unix time in ms. */
const JD_UNIX_MS = -210866760000000;

/** The instant of new moon number k (k = 0 is 6 January 2000), as a Date (Terrestrial Time read as UTC: ~1 min off). */
export function newMoon(k: number): Date {
  const T = k / 1236.85;
  const jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * T ** 2 - 0.00000015 * T ** 3 + 0.00000000073 * T ** 4;
  const E = 1 - 0.002516 * T - 0.0000074 * T ** 2;
  const M = (2.5534 + 29.1053567 * k - 0.0000014 * T ** 2 - 0.00000011 * T ** 3) * RAD;
  const Mp = (201.5643 + 385.81693528 * k + 0.0107582 * T ** 2 + 0.00001238 * T ** 3 - 0.000000058 * T ** 4) * RAD;
  const F = (160.7108 + 390.67050284 * k - 0.0016118 * T ** 2 - 0.00000227 * T ** 3 + 0.000000011 * T ** 4) * RAD;
  const O = (124.7746 - 1.56375588 * k + 0.0020672 * T ** 2 + 0.00000215 * T ** 3) * RAD;
  const corr =
    -0.4072 * Math.sin(Mp) + 0.17241 * E * Math.sin(M) + 0.01608 * Math.sin(2 * Mp) + 0.01039 * Math.sin(2 * F)
    + 0.00739 * E * Math.sin(Mp - M) - 0.00514 * E * Math.sin(Mp + M) + 0.00208 * E * E * Math.sin(2 * M)
    - 0.00111 * Math.sin(Mp - 2 * F) - 0.00057 * Math.sin(Mp + 2 * F) + 0.00056 * E * Math.sin(2 * Mp + M)
    - 0.00042 * Math.sin(3 * Mp) + 0.00042 * E * Math.sin(M + 2 * F) + 0.00038 * E * Math.sin(M - 2 * F)
    - 0.00024 * E * Math.sin(2 * Mp - M) - 0.00017 * Math.sin(O);
  return new Date(JD_UNIX_MS + (jde + corr) * DAY_MS);
}

/** The new moons whose instant falls in [from, to). */
export function newMoonsBetween(from: Date, to: Date): Date[] {
  const years = (from.getTime() - Date.UTC(2000, 0, 6)) / (365.25 * DAY_MS);
  const out: Date[] = [];
  for (let k = Math.floor(years * 12.3685) - 1; ; k++) {
    const d = newMoon(k);
    if (d >= to) return out;
    if (d >= from) out.push(d);
  }
}

/**
 * Diwali (Lakshmi Puja) of a year, as [month, day]: the evening of the Amavasya (the new moon's lunar day) that ends
 * the lunar month Ashvin, i.e. of the first new moon once the sun is in sidereal Libra (Tula, from about 17 October),
 * taken as the Indian sunset (about 18:00 IST, 12:30 UTC) in the 24 hours before that new moon.
 */
export function diwali(year: number): [number, number] {
  const [nm] = newMoonsBetween(new Date(Date.UTC(year, 9, 17, 12)), new Date(Date.UTC(year, 10, 16, 12)));
  if (!nm) throw new Error(`no new moon found between 17 October and 16 November ${year}`);
  for (let d = new Date(Date.UTC(nm.getUTCFullYear(), nm.getUTCMonth(), nm.getUTCDate(), 12, 30)); ; d = new Date(d.getTime() - DAY_MS)) {
    if (d <= nm && d.getTime() > nm.getTime() - DAY_MS) return [d.getUTCMonth() + 1, d.getUTCDate()];
  }
}
