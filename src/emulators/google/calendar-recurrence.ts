import type { CalendarEntry, EmulatedCalendar, GEvent, GEventDateTime } from './state.js';

/**
 * Recurring events in the Calendar emulator: a series master's RRULE (DAILY/WEEKLY with INTERVAL,
 * COUNT, UNTIL) and EXDATEs expanded into instance resources, overrides applied, and the
 * resources as Calendar returns them (deleted ones as tombstones).
 */

const MAX_INSTANCES = 500;

export function eventTimeMs(t: GEventDateTime | undefined): number | null {
  const value = t?.dateTime ?? t?.date;
  if (!value) return null;
  const ms = Date.parse(t?.date && !t.dateTime ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? null : ms;
}

function stamp(ms: number, allDay: boolean): string {
  const iso = new Date(ms).toISOString();
  const day = iso.slice(0, 10).replace(/-/g, '');
  return allDay ? day : `${day}T${iso.slice(11, 19).replace(/:/g, '')}Z`;
}

function shifted(t: GEventDateTime | undefined, ms: number): GEventDateTime {
  if (t?.date && !t.dateTime) return { date: new Date(ms).toISOString().slice(0, 10) };
  return { dateTime: new Date(ms).toISOString(), ...(t?.timeZone ? { timeZone: t.timeZone } : {}) };
}

interface Rule {
  freq: 'DAILY' | 'WEEKLY';
  interval: number;
  count: number | null;
  until: number | null;
}

function parseRule(recurrence: string[] | undefined): { rule: Rule | null; exdates: Set<number> } {
  let rule: Rule | null = null;
  const exdates = new Set<number>();
  for (const line of recurrence ?? []) {
    if (line.startsWith('RRULE:')) {
      const parts = Object.fromEntries(line.slice(6).split(';').map((p) => p.split('=') as [string, string]));
      const freq = parts.FREQ === 'WEEKLY' ? 'WEEKLY' : parts.FREQ === 'DAILY' ? 'DAILY' : null;
      if (!freq) continue;
      rule = {
        freq,
        interval: Number(parts.INTERVAL ?? 1) || 1,
        count: parts.COUNT ? Number(parts.COUNT) : null,
        until: parts.UNTIL ? parseIcalDate(parts.UNTIL) : null,
      };
    } else if (line.startsWith('EXDATE')) {
      const values = line.slice(line.indexOf(':') + 1).split(',');
      for (const v of values) {
        const ms = parseIcalDate(v);
        if (ms !== null) exdates.add(ms);
      }
    }
  }
  return { rule, exdates };
}

function parseIcalDate(v: string): number | null {
  const m = v.trim().match(/^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
}

/** Expands a series master into instance resources (overrides applied). Supports DAILY/WEEKLY
 *  with INTERVAL, COUNT, UNTIL and EXDATE; steps are fixed UTC durations. */
export function expandSeries(cal: EmulatedCalendar, master: CalendarEntry): GEvent[] {
  const ev = master.event;
  const start = eventTimeMs(ev.start);
  const end = eventTimeMs(ev.end);
  if (start === null || end === null) return [];
  const allDay = Boolean(ev.start?.date && !ev.start.dateTime);
  const { rule, exdates } = parseRule(ev.recurrence);
  const stepMs = (rule?.freq === 'WEEKLY' ? 7 : 1) * 86_400_000 * (rule?.interval ?? 1);
  const out: GEvent[] = [];
  for (let k = 0; k < MAX_INSTANCES; k++) {
    if (!rule && k > 0) break;
    if (rule?.count !== null && rule?.count !== undefined && k >= rule.count) break;
    const s = start + k * stepMs;
    if (rule?.until !== null && rule?.until !== undefined && s > rule.until) break;
    if (exdates.has(s)) continue;
    const id = `${ev.id}_${stamp(s, allDay)}`;
    const override = cal.entries.get(id);
    if (override) {
      out.push(toOutput(override));
      continue;
    }
    const { recurrence: _r, ...rest } = ev;
    const instance: GEvent = {
      ...rest,
      id,
      recurringEventId: ev.id,
      originalStartTime: shifted(ev.start, s),
      start: shifted(ev.start, s),
      end: shifted(ev.end, s + (end - start)),
    };
    out.push(master.deleted ? tombstone(instance) : instance);
  }
  return out;
}

function tombstone(ev: GEvent): GEvent {
  return {
    kind: 'calendar#event',
    id: ev.id,
    etag: ev.etag,
    status: 'cancelled',
    ...(ev.updated ? { updated: ev.updated } : {}),
    ...(ev.recurringEventId ? { recurringEventId: ev.recurringEventId, originalStartTime: ev.originalStartTime } : {}),
  };
}

export function toOutput(entry: CalendarEntry): GEvent {
  const ev = { kind: 'calendar#event' as const, ...entry.event, etag: `"${entry.seq}"` };
  return entry.deleted ? tombstone(ev) : ev;
}
