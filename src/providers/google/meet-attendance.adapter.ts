import type { meet_v2 } from '@googleapis/meet';
import type { CalendarEvent } from '../../domain/types.js';
import type { AttendanceProvider, AttendanceReport } from '../../ports/providers.js';
import type { GoogleCall } from './google-call.client.js';
import { toAttendanceParticipant } from './google.mapper.js';

/** Meet attendance: conferenceRecords by the event's meeting code → the record nearest the
 *  event's start → its participants. No record → available=false. */
export class MeetAttendanceAdapter implements AttendanceProvider {
  constructor(
    private readonly api: meet_v2.Meet,
    private readonly call: GoogleCall,
  ) {}

  async attendance(event: CalendarEvent): Promise<AttendanceReport> {
    const code = event.conference?.provider === 'meet' ? event.conference.id : null;
    if (!code) return { available: false, participants: [] };
    const records: meet_v2.Schema$ConferenceRecord[] = [];
    let pageToken: string | undefined;
    do {
      const page = await this.call('meet conferenceRecords.list', async () =>
        (await this.api.conferenceRecords.list({ filter: `space.meeting_code = "${code}"`, pageSize: 100, ...(pageToken ? { pageToken } : {}) })).data,
      );
      records.push(...(page.conferenceRecords ?? []));
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    const start = event.start.getTime();
    const record = records
      .filter((r) => r.name && r.startTime)
      .sort((a, b) => Math.abs(Date.parse(a.startTime!) - start) - Math.abs(Date.parse(b.startTime!) - start))[0];
    if (!record?.name) return { available: false, participants: [] };
    const participants: meet_v2.Schema$Participant[] = [];
    pageToken = undefined;
    do {
      const page = await this.call('meet conferenceRecords.participants.list', async () =>
        (await this.api.conferenceRecords.participants.list({ parent: record.name!, pageSize: 250, ...(pageToken ? { pageToken } : {}) })).data,
      );
      participants.push(...(page.participants ?? []));
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    return { available: true, participants: participants.map(toAttendanceParticipant) };
  }
}
