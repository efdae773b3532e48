import type { Conference, Meeting, NoShowEvidence } from '../../domain/types.js';
import type { MeetingStore } from '../../ports/store.js';
import { fromIso, fromJson, fromJsonOrNull, toIso, toJson, toJsonOrNull } from '../codec.js';
import type { MeetingsTable } from '../schema.js';
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
      let query = db.selectFrom('meetings').selectAll();
      if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
      if (filter.prospectId !== undefined) query = query.where('prospect_id', '=', filter.prospectId);
      if (filter.endedBefore !== undefined) query = query.where('end_at', '<=', toIso(filter.endedBefore));
      if (filter.outcome !== undefined) {
        const outcomes = asList(filter.outcome);
        if (outcomes.length === 0) return [];
        query = query.where('outcome', 'in', outcomes);
      }
      const rows = await query.orderBy('start_at').orderBy('id').execute();
      return rows.map(rowToMeeting);
    },

    async setMeetingOutcome(id, patch) {
      await db.updateTable('meetings').set(meetingOutcomePatch(patch)).where('id', '=', id).execute();
    },
  };
}
