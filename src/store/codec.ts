/**
 * Conversions between domain values and column values (see the conventions in
 * migrations/0001-init.ts). Dates inside JSON are revived explicitly, field by field, by the row
 * mappers: no reviver guesses that a string "looks like a date".
 */

const MIN_STORABLE_MS = Date.parse('0000-01-01T00:00:00.000Z');
const MAX_STORABLE_MS = Date.parse('9999-12-31T23:59:59.999Z');

/** Date → "YYYY-MM-DDTHH:mm:ss.sssZ". Rejects invalid dates and years outside 0000-9999, whose
 *  ISO form would not be fixed-width (and would break ordering by text). */
export function toIso(date: Date): string {
  if (!(date instanceof Date)) {
    throw new TypeError(`store: expected a Date, got ${typeof date}`);
  }
  const ms = date.getTime();
  if (Number.isNaN(ms)) {
    throw new RangeError('store: invalid Date');
  }
  if (ms < MIN_STORABLE_MS || ms > MAX_STORABLE_MS) {
    throw new RangeError(`store: date ${date.toISOString()} is outside the storable range (years 0000-9999)`);
  }
  return date.toISOString();
}

export function toIsoOrNull(date: Date | null | undefined): string | null {
  return date == null ? null : toIso(date);
}

export function fromIso(text: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new Error(`store: unreadable timestamp "${text}"`);
  }
  return date;
}

export function fromIsoOrNull(text: string | null | undefined): Date | null {
  return text == null ? null : fromIso(text);
}

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function toJsonOrNull(value: unknown): string | null {
  return value == null ? null : JSON.stringify(value);
}

/** Parses a JSON column; `where` names the column for the error ("drafts.thread_json"). */
export function fromJson<T>(text: string, where: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new Error(`store: unreadable JSON in ${where}`, { cause: error });
  }
}

export function fromJsonOrNull<T>(text: string | null | undefined, where: string): T | null {
  return text == null ? null : fromJson<T>(text, where);
}

/** Revives a Date that went through JSON (an ISO string). */
export function reviveDate(value: unknown, where: string): Date {
  if (typeof value !== 'string') {
    throw new Error(`store: expected an ISO timestamp in ${where}`);
  }
  return fromIso(value);
}

export function reviveDateOrNull(value: unknown, where: string): Date | null {
  return value == null ? null : reviveDate(value, where);
}

export function toFlag(value: boolean | null | undefined): number {
  return value ? 1 : 0;
}

export function fromFlag(value: number | string | boolean | null): boolean {
  return value === true || Number(value) === 1;
}

/** The lookup form of an email address: trimmed and lower-cased. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
