import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { ProviderError } from '../../ports/errors.js';

/**
 * The local calendar's sync cursor: what the last sync saw, so the next one re-reads only
 * changed files. Opaque to the worker: "c1." + base64url(deflate(JSON)).
 *
 * - `cal`/`dir`: the calendar id and the folder's identity (device:inode); a folder that was
 *   replaced (restored from backup, re-created by vdirsyncer) invalidates the cursor.
 * - `w`: the sync window [start, end) in ms.
 * - `f`: per file, its version (mtime ns, size, inode), the event ids it produced that the
 *   worker was told about, and the span of its events (end null: a never-ending series), so a
 *   moving window re-reads only files that may have events newly inside it.
 */
const PREFIX = 'c1.';

export interface FileState {
  /** VdirFile.version when read. */
  k: string;
  /** Ids reported to the worker (in the window, or moved out of it since). */
  ids: string[];
  /** [earliest start, latest end] in ms; end null = open-ended; null = no events. */
  sp: [number, number | null] | null;
}

export interface CalendarCursor {
  cal: string;
  dir: string;
  w: [number, number];
  f: Record<string, FileState>;
}

export function encodeCalendarCursor(cursor: CalendarCursor): string {
  return PREFIX + deflateRawSync(Buffer.from(JSON.stringify(cursor), 'utf8')).toString('base64url');
}

/** Decodes and checks a cursor; anything unusable is CURSOR_EXPIRED (the worker then runs a
 *  full sync and reconciles). */
export function decodeCalendarCursor(text: string, expected: { cal: string; dir: string }): CalendarCursor {
  const where = `local calendar ${expected.cal}`;
  const expired = (why: string) => new ProviderError({ code: 'CURSOR_EXPIRED', where, message: `sync cursor ${why}; a full sync is needed` });
  if (!text.startsWith(PREFIX)) throw expired('is not a local-calendar cursor of this version');
  let value: unknown;
  try {
    value = JSON.parse(inflateRawSync(Buffer.from(text.slice(PREFIX.length), 'base64url')).toString('utf8'));
  } catch {
    throw expired('is damaged');
  }
  if (!isCursor(value)) throw expired('is damaged');
  if (value.cal !== expected.cal) throw expired(`belongs to another calendar (${value.cal})`);
  if (value.dir !== expected.dir) throw expired('was made for a folder that has since been replaced');
  return value;
}

function isCursor(value: unknown): value is CalendarCursor {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<CalendarCursor>;
  return (
    typeof v.cal === 'string' &&
    typeof v.dir === 'string' &&
    Array.isArray(v.w) &&
    v.w.length === 2 &&
    v.w.every((n) => typeof n === 'number') &&
    !!v.f &&
    typeof v.f === 'object' &&
    Object.values(v.f).every((s) => s && typeof s.k === 'string' && Array.isArray(s.ids))
  );
}
