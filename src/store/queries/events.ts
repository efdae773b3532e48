import type { Attendee, CalendarEvent, Conference, TimeInterval } from '../../domain/types.js';
import type { EventStore } from '../../ports/store.js';
import { fromFlag, fromIso, fromIsoOrNull, fromJson, fromJsonOrNull, toFlag, toIso, toIsoOrNull, toJson, toJsonOrNull } from '../codec.js';
import type { EventsTable } from '../schema.js';
import { chunks, IN_LIST_CHUNK, type QueryContext } from './query-context.js';

/** 17 columns x 200 rows stays far below SQLite's 32766 and PostgreSQL's 65535 parameters. */
const EVENT_UPSERT_BATCH = 200;

export function eventToRow(accountId: string, e: CalendarEvent): EventsTable {
  return {
    calendar_id: e.calendarId,
    id: e.id,
    account_id: accountId,
    uid: e.uid ?? null,
    title: e.title,
    description: e.description ?? null,
    start_at: toIso(e.start),
    end_at: toIso(e.end),
    all_day: toFlag(e.allDay),
    status: e.status,
    organizer_email: e.organizerEmail ?? null,
    attendees_json: toJson(e.attendees),
    categories_json: toJson(e.categories),
    conference_json: toJsonOrNull(e.conference),
    recurring_event_id: e.recurringEventId ?? null,
    original_start: toIsoOrNull(e.originalStart),
    updated_at: toIsoOrNull(e.updatedAt),
  };
}

export function rowToEvent(r: EventsTable): CalendarEvent {
  return {
    id: r.id,
    calendarId: r.calendar_id,
    uid: r.uid,
    title: r.title,
    description: r.description,
    start: fromIso(r.start_at),
    end: fromIso(r.end_at),
    allDay: fromFlag(r.all_day),
    status: r.status as CalendarEvent['status'],
    organizerEmail: r.organizer_email,
    attendees: fromJson<Attendee[]>(r.attendees_json, 'events.attendees_json'),
    categories: fromJson<string[]>(r.categories_json, 'events.categories_json'),
    conference: fromJsonOrNull<Conference>(r.conference_json, 'events.conference_json'),
    recurringEventId: r.recurring_event_id,
    originalStart: fromIsoOrNull(r.original_start),
    updatedAt: fromIsoOrNull(r.updated_at),
  };
}

/** The rows to upsert for a batch of events: the last version of a repeated event wins (PostgreSQL
 *  refuses to upsert one row twice in a statement). */
export function eventRows(accountId: string, events: CalendarEvent[]): EventsTable[] {
  const byKey = new Map(events.map((e) => [`${e.calendarId}\u0000${e.id}`, e]));
  return [...byKey.values()].map((e) => eventToRow(accountId, e));
}

export function eventQueries({ db, atomically }: QueryContext): EventStore {
  /** Events of a calendar whose start is in the half-open window (start <= event start < end), by start. */
  const inWindow = (calendarId: string, window: TimeInterval) =>
    db
      .selectFrom('events')
      .where('calendar_id', '=', calendarId)
      .where('start_at', '>=', toIso(window.start))
      .where('start_at', '<', toIso(window.end))
      .orderBy('start_at')
      .orderBy('id');
  return {
    async upsertEvents(accountId, events) {
      if (events.length === 0) return;
      const rows = eventRows(accountId, events);
      await atomically(async (trx) => {
        // Multi-row upserts (a full sync brings thousands of events), each within both engines'
        // bound-parameter limits.
        for (const batch of chunks(rows, EVENT_UPSERT_BATCH)) {
          await trx
            .insertInto('events')
            .values(batch)
            .onConflict((oc) =>
              oc.columns(['calendar_id', 'id']).doUpdateSet((eb) => ({
                account_id: eb.ref('excluded.account_id'),
                uid: eb.ref('excluded.uid'),
                title: eb.ref('excluded.title'),
                description: eb.ref('excluded.description'),
                start_at: eb.ref('excluded.start_at'),
                end_at: eb.ref('excluded.end_at'),
                all_day: eb.ref('excluded.all_day'),
                status: eb.ref('excluded.status'),
                organizer_email: eb.ref('excluded.organizer_email'),
                attendees_json: eb.ref('excluded.attendees_json'),
                categories_json: eb.ref('excluded.categories_json'),
                conference_json: eb.ref('excluded.conference_json'),
                recurring_event_id: eb.ref('excluded.recurring_event_id'),
                original_start: eb.ref('excluded.original_start'),
                updated_at: eb.ref('excluded.updated_at'),
              })),
            )
            .execute();
        }
      });
    },

    async deleteEvents(calendarId, ids) {
      for (const chunk of chunks(ids, IN_LIST_CHUNK)) {
        await db.deleteFrom('events').where('calendar_id', '=', calendarId).where('id', 'in', chunk).execute();
      }
    },

    async listEventIds(calendarId, window) {
      const rows = await inWindow(calendarId, window).select('id').execute();
      return rows.map((r) => r.id);
    },

    async listEvents(calendarId, window) {
      const rows = await inWindow(calendarId, window).selectAll().execute();
      return rows.map(rowToEvent);
    },

    async getEvent(calendarId, id) {
      const row = await db
        .selectFrom('events')
        .selectAll()
        .where('calendar_id', '=', calendarId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? rowToEvent(row) : null;
    },
  };
}
