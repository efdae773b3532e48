import type { CalendarEvent } from '../../domain/types.js';
import { ProviderError } from '../../ports/errors.js';
import type { AttendanceParticipant, AttendanceProvider, AttendanceReport } from '../../ports/providers.js';
import type { GraphSession } from './graph.client.js';
import { odataString } from './graph.mapper.js';

/**
 * Teams attendance: joinUrl → onlineMeeting id (`$filter=JoinWebUrl eq '…'`) → attendance
 * reports (one per time the meeting ended) → their records, fetched together through $batch.
 * A prospect missing from every report is evidence of a no-show.
 */
interface AttendanceRecord {
  emailAddress?: string | null;
  identity?: { displayName?: string | null } | null;
}

export class GraphAttendance implements AttendanceProvider {
  constructor(private readonly session: GraphSession) {}

  async attendance(event: CalendarEvent): Promise<AttendanceReport> {
    const joinUrl = event.conference?.provider === 'teams' ? (event.conference.joinUrl ?? event.conference.id) : null;
    if (!joinUrl) return { available: false, participants: [] };
    const meetings = await this.notFoundAsEmpty(() =>
      this.session.request('microsoft teams onlineMeetings.find', (c) =>
        c.api(this.session.path('/onlineMeetings')).filter(encodeURIComponent(`JoinWebUrl eq ${odataString(joinUrl)}`)).get() as Promise<{ value?: { id?: string }[] }>,
      ),
    );
    const meetingId = meetings?.value?.[0]?.id;
    if (!meetingId) return { available: false, participants: [] };
    const base = this.session.path(`/onlineMeetings/${encodeURIComponent(meetingId)}/attendanceReports`);
    const reports = await this.notFoundAsEmpty(() =>
      this.session.request('microsoft teams attendanceReports.list', (c) => c.api(base).get() as Promise<{ value?: { id?: string }[] }>),
    );
    const ids = (reports?.value ?? []).map((r) => r.id).filter((id): id is string => Boolean(id));
    if (ids.length === 0) return { available: false, participants: [] };
    const results = await this.session.batch(
      'microsoft teams attendanceReports.get',
      ids.map((id, i) => ({ id: String(i + 1), method: 'GET' as const, url: `${base}/${encodeURIComponent(id)}?$expand=attendanceRecords` })),
    );
    const seen = new Map<string, AttendanceParticipant>();
    for (const r of results.values()) {
      if (r.status >= 400) throw this.session.batchError('microsoft teams attendanceReports.get', r);
      for (const rec of ((r.body as { attendanceRecords?: AttendanceRecord[] }).attendanceRecords ?? [])) {
        const email = rec.emailAddress?.toLowerCase() || null;
        const displayName = rec.identity?.displayName ?? null;
        const key = email ?? `name:${displayName ?? ''}`;
        if (!seen.has(key)) seen.set(key, { email, displayName });
      }
    }
    return { available: true, participants: [...seen.values()] };
  }

  private async notFoundAsEmpty<T>(fn: () => Promise<T>): Promise<T | null> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof ProviderError && err.code === 'NOT_FOUND') return null;
      throw err;
    }
  }
}
