import { fail, json, parseEqFilter } from './graph-http.js';
import type { Mailbox } from './state.js';

/** Teams: finding an online meeting by its join URL, and its attendance reports (no-show evidence). */

export function findOnlineMeeting(q: URLSearchParams, mailbox: Mailbox): Response {
  const filter = q.get('$filter');
  if (!filter) return fail(400, 'BadRequest', 'Filter on JoinWebUrl is required.');
  const conditions = parseEqFilter(filter);
  const joinUrl = conditions.joinweburl;
  if (joinUrl === undefined) return fail(400, 'BadRequest', 'Only JoinWebUrl filters are supported.');
  const value = [...mailbox.meetings.values()]
    .filter((m) => m.joinWebUrl === joinUrl)
    .map((m) => ({ id: m.id, joinWebUrl: m.joinWebUrl, subject: m.subject, startDateTime: m.startDateTime, endDateTime: m.endDateTime }));
  return json(200, { value });
}

/** GET onlineMeetings/{id}/attendanceReports[/{report}[/attendanceRecords]]; null for another path. */
export function attendance(q: URLSearchParams, mailbox: Mailbox, segments: (string | undefined)[]): Response | null {
  const [meetingId, collection, reportId, records, extra] = segments;
  const meeting = mailbox.meetings.get(meetingId!) ?? fail(404, 'NotFound', 'The online meeting was not found.');
  if (collection !== 'attendanceReports') return null;
  if (!reportId) {
    return json(200, {
      value: meeting.reports.map((r) => ({
        id: r.id,
        totalParticipantCount: r.records.length,
        meetingStartDateTime: r.meetingStartDateTime,
        meetingEndDateTime: r.meetingEndDateTime,
        attendanceRecords: [],
      })),
    });
  }
  const report = meeting.reports.find((r) => r.id === reportId) ?? fail(404, 'NotFound', 'The attendance report was not found.');
  const recordsJson = report.records.map((r, i) => ({
    id: `rec-${i}`,
    emailAddress: r.emailAddress ?? null,
    identity: { id: `idn-${i}`, displayName: r.displayName ?? r.emailAddress ?? null },
    role: r.role ?? 'Attendee',
    totalAttendanceInSeconds: r.totalAttendanceInSeconds ?? 600,
    attendanceIntervals: [],
  }));
  if (records === 'attendanceRecords' && !extra) return json(200, { value: recordsJson });
  if (!records) {
    const base = { id: report.id, totalParticipantCount: recordsJson.length, meetingStartDateTime: report.meetingStartDateTime, meetingEndDateTime: report.meetingEndDateTime };
    const expand = (q.get('$expand') ?? '').includes('attendanceRecords');
    return json(200, { ...base, attendanceRecords: expand ? recordsJson : [] });
  }
  return null;
}
