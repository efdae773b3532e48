import type { Conference, Meeting, NoShowEvidence } from '../../domain/types.js';
import type { MeetingStore } from '../../ports/store.js';
import { fromIso, fromJson, fromJsonOrNull, toIso, toJson, toJsonOrNull } from '../codec.js';
import type { MeetingsTable } from '../schema.js';
import { runCompiledOnce } from './compiled-once.js';
import { asList, type QueryContext } from './query-context.js';

export function meetingToRow(m: Meeting): MeetingsTable {
  return {
    id: m.id,
    account_id: m.accountId,
    prospect_id: m.prospectId,
    event_id: m.eventId,
    calendar_id: m.calendarId,
    title: m.title,
    start_at: toIso(m.start),
    end_at: toIso(m.end),
    outcome: m.outcome,
    prospect_response: m.prospectResponse,
    evidence_json: toJson(m.evidence),
    marked_by: m.markedBy ?? null,
    conference_json: toJsonOrNull(m.conference),
    categories_json: toJson(m.categories),
  };
}

export function rowToMeeting(r: MeetingsTable): Meeting {
  return {
    id: r.id,
    accountId: r.account_id,
    prospectId: r.prospect_id,
    eventId: r.event_id,
    calendarId: r.calendar_id,
    title: r.title,
    start: fromIso(r.start_at),
    end: fromIso(r.end_at),
    outcome: r.outcome as Meeting['outcome'],
    prospectResponse: r.prospect_response as Meeting['prospectResponse'],
    evidence: fromJson<NoShowEvidence[]>(r.evidence_json, 'meetings.evidence_json'),
    markedBy: r.marked_by,
    conference: fromJsonOrNull<Conference>(r.conference_json, 'meetings.conference_json'),
    categories: fromJson<string[]>(r.categories_json, 'meetings.categories_json'),
  };
}

/** The patch of setMeetingOutcome as columns: markedBy changes only when given. */
export function meetingOutcomePatch(patch: Parameters<MeetingStore['setMeetingOutcome']>[1]): Partial<MeetingsTable> {
  return {
    outcome: patch.outcome,
    evidence_json: toJson(patch.evidence),
    ...(patch.markedBy !== undefined ? { marked_by: patch.markedBy } : {}),
  };
}

export function meetingQueries({ db }: QueryContext): MeetingStore {
  return {
    /** Keyed on (eventId, prospectId): a meeting for a pair already stored keeps its first id. */
    async upsertMeeting(meeting) {
      const row = meetingToRow(meeting);
      const { id: _id, event_id: _e, prospect_id: _p, ...update } = row;
      await db
        .insertInto('meetings')
        .values(row)
        .onConflict((oc) => oc.columns(['event_id', 'prospect_id']).doUpdateSet(update))
        .execute();
    },

    async getMeeting(id) {
      const row = await db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? rowToMeeting(row) : null;
    },

    async listMeetings(filter) {
      const outcomes = filter.outcome !== undefined ? asList(filter.outcome) : null;
      if (outcomes?.length === 0) return [];
      // Planning lists an account's meetings every tick: compiled once per filter shape (compiled-once.ts).
      const present = [filter.accountId, filter.prospectId, filter.endedBefore].map((x) => x !== undefined);
      const values = [filter.accountId, filter.prospectId, filter.endedBefore && toIso(filter.endedBefore)].filter((_, i) => present[i]);
      const shape = `listMeetings:${present.map(Number).join('')}:${outcomes?.length ?? '-'}`;
      const { rows } = await runCompiledOnce(db, shape, [...values, ...(outcomes ?? [])], (v) => {
        let query = db.selectFrom('meetings').selectAll();
        let i = 0;
        if (present[0]) query = query.where('account_id', '=', v[i++] as string);
        if (present[1]) query = query.where('prospect_id', '=', v[i++] as string);
        if (present[2]) query = query.where('end_at', '<=', v[i++] as string);
        if (outcomes) query = query.where('outcome', 'in', v.slice(i) as string[]);
        return query.orderBy('start_at').orderBy('id');
      });
      return rows.map(rowToMeeting);
    },

    async setMeetingOutcome(id, patch) {
      await db.updateTable('meetings').set(meetingOutcomePatch(patch)).where('id', '=', id).execute();
    },
  };
}
