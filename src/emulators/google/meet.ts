import { decodeToken, encodeToken, errors, intParam, json } from './http-util.js';
import type { Route, RouteContext } from './routes.js';
import type { ConferenceRecord } from './state.js';

/** Meet REST v2: conferenceRecords.list (filter by space.meeting_code / space.name / start_time)
 *  and conferenceRecords.participants.list. */

function matchesFilter(record: ConferenceRecord, filter: string): boolean {
  const clauses = filter.split(/\s+AND\s+/i).map((c) => c.trim()).filter(Boolean);
  for (const clause of clauses) {
    const m = clause.match(/^([a-z_.]+)\s*(=|>=|<=|>|<)\s*"([^"]*)"$/i) ?? clause.match(/^([a-z_.]+)\s+(IS)\s+(NULL)$/i);
    if (!m) continue;
    const [, field, op, value] = m as unknown as [string, string, string, string];
    if (field === 'space.meeting_code' && record.meetingCode !== value) return false;
    if (field === 'space.name' && record.space !== value) return false;
    if (field === 'end_time' && op.toUpperCase() === 'IS' && record.endTime) return false;
    if (field === 'start_time') {
      const t = Date.parse(record.startTime);
      const v = Date.parse(value);
      if (op === '>=' && !(t >= v)) return false;
      if (op === '<=' && !(t <= v)) return false;
      if (op === '>' && !(t > v)) return false;
      if (op === '<' && !(t < v)) return false;
    }
  }
  return true;
}

function publicRecord(r: ConferenceRecord) {
  return { name: r.name, startTime: r.startTime, ...(r.endTime ? { endTime: r.endTime } : {}), ...(r.expireTime ? { expireTime: r.expireTime } : {}), space: r.space };
}

function listRecords(ctx: RouteContext): Response {
  const filter = ctx.url.searchParams.get('filter') ?? '';
  const size = intParam(ctx.url, 'pageSize', 25, 100);
  const offset = decodeToken<{ o: number }>(ctx.url.searchParams.get('pageToken') ?? '')?.o ?? 0;
  const all = ctx.state.conferenceRecords.filter((r) => matchesFilter(r, filter)).sort((a, b) => b.startTime.localeCompare(a.startTime));
  const page = all.slice(offset, offset + size);
  return json({
    ...(page.length ? { conferenceRecords: page.map(publicRecord) } : {}),
    ...(offset + size < all.length ? { nextPageToken: encodeToken({ o: offset + size }) } : {}),
  });
}

function getRecord(ctx: RouteContext): Response {
  const r = ctx.state.conferenceRecords.find((x) => x.name === `conferenceRecords/${ctx.params.recordId}`);
  return r ? json(publicRecord(r)) : errors.notFound('Requested entity was not found.');
}

function listParticipants(ctx: RouteContext): Response {
  const r = ctx.state.conferenceRecords.find((x) => x.name === `conferenceRecords/${ctx.params.recordId}`);
  if (!r) return errors.notFound('Requested entity was not found.');
  const size = intParam(ctx.url, 'pageSize', 100, 250);
  const offset = decodeToken<{ o: number }>(ctx.url.searchParams.get('pageToken') ?? '')?.o ?? 0;
  const page = r.participants.slice(offset, offset + size);
  return json({
    ...(page.length ? { participants: page } : {}),
    ...(offset + size < r.participants.length ? { nextPageToken: encodeToken({ o: offset + size }) } : {}),
    totalSize: r.participants.length,
  });
}

export const meetRoutes: Route[] = [
  { method: 'get', path: '/v2/conferenceRecords', auth: true, api: true, handle: listRecords },
  { method: 'get', path: '/v2/conferenceRecords/:recordId', auth: true, api: true, handle: getRecord },
  { method: 'get', path: '/v2/conferenceRecords/:recordId/participants', auth: true, api: true, handle: listParticipants },
];
