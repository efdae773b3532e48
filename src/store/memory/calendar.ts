import type { EventStore, MeetingStore } from '../../ports/store.js';
import { toIso } from '../codec.js';
import { eventRows, rowToEvent } from '../queries/events.js';
import { meetingOutcomePatch, meetingToRow, rowToMeeting } from '../queries/meetings.js';
import { asList } from '../queries/query-context.js';
import { ConstraintError, key, sortRows, type MemoryTables } from './tables.js';

/** Calendar events and the meetings matched from them, in memory. */
export function memoryCalendar(t: MemoryTables): EventStore & MeetingStore {
  /** Events of a calendar whose start is in the half-open window, by start then id. */
  const inWindow = (calendarId: string, window: { start: Date; end: Date }) => {
    const start = toIso(window.start);
    const end = toIso(window.end);
    const rows = [...t.events.values()].filter((r) => r.calendar_id === calendarId && r.start_at >= start && r.start_at < end);
    return sortRows(rows, [(r) => r.start_at], [(r) => r.id]);
  };
  return {
    async upsertEvents(accountId, events) {
      for (const row of eventRows(accountId, events)) t.events.set(key(row.calendar_id, row.id), row);
    },
    async deleteEvents(calendarId, ids) {
      for (const id of ids) t.events.delete(key(calendarId, id));
    },
    async listEventIds(calendarId, window) {
      return inWindow(calendarId, window).map((r) => r.id);
    },
    async listEvents(calendarId, window) {
      return inWindow(calendarId, window).map(rowToEvent);
    },
    async getEvent(calendarId, id) {
      const row = t.events.get(key(calendarId, id));
      return row ? rowToEvent(row) : null;
    },

    /** Keyed on (eventId, prospectId): a meeting for a pair already stored keeps its first id. */
    async upsertMeeting(meeting) {
      const row = meetingToRow(meeting);
      const existing = [...t.meetings.values()].find((r) => r.event_id === row.event_id && r.prospect_id === row.prospect_id);
      if (existing) {
        t.meetings.set(existing.id, { ...row, id: existing.id });
        return;
      }
      if (t.meetings.has(row.id)) throw new ConstraintError('meetings', `primary key (a meeting ${row.id} exists for another event or prospect)`);
      t.meetings.set(row.id, row);
    },
    async getMeeting(id) {
      const row = t.meetings.get(id);
      return row ? rowToMeeting(row) : null;
    },
    async listMeetings(filter) {
      const endedBefore = filter.endedBefore !== undefined ? toIso(filter.endedBefore) : undefined;
      const outcomes = filter.outcome !== undefined ? asList(filter.outcome) : undefined;
      const rows = [...t.meetings.values()].filter(
        (r) =>
          (filter.accountId === undefined || r.account_id === filter.accountId) &&
          (filter.prospectId === undefined || r.prospect_id === filter.prospectId) &&
          (endedBefore === undefined || r.end_at <= endedBefore) &&
          (outcomes === undefined || (outcomes as string[]).includes(r.outcome)),
      );
      return sortRows(rows, [(r) => r.start_at], [(r) => r.id]).map(rowToMeeting);
    },
    async setMeetingOutcome(id, patch) {
      const row = t.meetings.get(id);
      if (row) t.meetings.set(id, { ...row, ...meetingOutcomePatch(patch) });
    },
  };
}
