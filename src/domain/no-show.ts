/**
 * Did the prospect show up? (playbook R2). Pure: the meeting, what the providers reported and `now` in,
 * an outcome and the evidence it rests on out. Never nudge on a guess: without evidence of a
 * no-show, an ended meeting is 'unknown', not 'missed'.
 */
import { EVIDENCE_KINDS } from './types.js';
import type { FollowUpPolicy } from './policy.js';
import type { Meeting, MeetingOutcome, NoShowEvidence, Prospect } from './types.js';
import { firstName } from './names.js';

export interface AttendanceParticipant {
  email?: string | null;
  displayName?: string | null;
}

/** What the conferencing provider (Meet, Teams) says about who joined. */
export interface AttendanceReport {
  /** False when the provider has no report (no conference, no permission, not ready yet). */
  available: boolean;
  participants: AttendanceParticipant[];
}

export interface MeetingAssessmentInput {
  meeting: Meeting;
  prospect: Pick<Prospect, 'email' | 'name'>;
  now: Date;
  attendance?: AttendanceReport | null;
  /** When messages from the prospect arrived (any kind), to tell "in touch" from "silent". */
  messagesFromProspectAt: Date[];
  policy: FollowUpPolicy;
}

export interface MeetingAssessment {
  outcome: MeetingOutcome;
  /** Everything found, strongest first (EVIDENCE_KINDS order). */
  evidence: NoShowEvidence[];
}

/** A piece of evidence plus which way it points. */
interface Finding {
  evidence: NoShowEvidence;
  points: 'held' | 'missed';
}

const MISSED_KEYWORDS = new Set(['no show', 'noshow', 'missed']);
const HELD_KEYWORDS = new Set(['held', 'attended']);

/** Lower case, no accents, no punctuation, single spaces. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function normaliseKeyword(word: string): string {
  return word
    .toLowerCase()
    .replace(/^#/, '')
    .replace(/[-_\s]+/g, ' ')
    .trim();
}

function sameEmail(a: string | null | undefined, b: string): boolean {
  return !!a && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** A display name that is the prospect's full name, or has both their first and last name in it. */
function nameMatches(displayName: string | null | undefined, prospectName: string): boolean {
  if (!displayName) return false;
  const shown = normaliseName(displayName);
  const full = normaliseName(prospectName);
  if (!shown || !full) return false;
  if (shown === full) return true;
  const parts = full.split(' ');
  if (parts.length < 2) return false;
  const tokens = new Set(shown.split(' '));
  return tokens.has(parts[0]!) && tokens.has(parts[parts.length - 1]!);
}

function repMarkFinding(meeting: Meeting, first: string): Finding | null {
  if (!meeting.markedBy || (meeting.outcome !== 'held' && meeting.outcome !== 'missed')) return null;
  const held = meeting.outcome === 'held';
  return {
    points: meeting.outcome,
    evidence: {
      kind: 'rep_mark',
      confidence: 'certain',
      detail: held
        ? `You marked the call with ${first} as held.`
        : `You marked the call with ${first} as a no-show.`,
    },
  };
}

function keywordFindings(meeting: Meeting, first: string): Finding[] {
  const found: Finding[] = [];
  const seen = new Set<string>();
  for (const category of meeting.categories) {
    const word = normaliseKeyword(category);
    if (seen.has(word)) continue;
    seen.add(word);
    if (MISSED_KEYWORDS.has(word)) {
      found.push({
        points: 'missed',
        evidence: {
          kind: 'event_keyword',
          confidence: 'certain',
          detail: `The event is tagged "${category.trim()}": ${first} did not show up.`,
        },
      });
    } else if (HELD_KEYWORDS.has(word)) {
      found.push({
        points: 'held',
        evidence: {
          kind: 'event_keyword',
          confidence: 'certain',
          detail: `The event is tagged "${category.trim()}": the call with ${first} took place.`,
        },
      });
    }
  }
  return found;
}

function attendanceFinding(
  report: AttendanceReport | null | undefined,
  prospect: Pick<Prospect, 'email' | 'name'>,
  first: string,
): Finding | null {
  // No report, or nobody at all joined (the call may have happened by phone or in person): no evidence.
  if (!report?.available || report.participants.length === 0) return null;
  const people = report.participants;
  const byEmail = people.find((p) => sameEmail(p.email, prospect.email));
  if (byEmail) {
    return {
      points: 'held',
      evidence: {
        kind: 'conference_attendance',
        confidence: 'certain',
        detail: `${first} joined the video call (signed in as ${prospect.email.trim().toLowerCase()}).`,
      },
    };
  }
  const byName = people.find((p) => nameMatches(p.displayName, prospect.name));
  if (byName) {
    return {
      points: 'held',
      evidence: {
        kind: 'conference_attendance',
        confidence: 'likely',
        detail: `Someone named "${byName.displayName?.trim()}" joined the video call, probably ${first} (matched by name, not by email).`,
      },
    };
  }
  const count = people.length;
  const who = count === 1 ? '1 person' : `${count} people`;
  const allSignedIn = people.every((p) => !!p.email?.trim());
  return {
    points: 'missed',
    evidence: allSignedIn
      ? {
          kind: 'conference_attendance',
          confidence: 'likely',
          detail: `${first} was not among the ${who} who joined the video call; everyone who joined was signed in, so this is likely a no-show.`,
        }
      : {
          kind: 'conference_attendance',
          confidence: 'possible',
          detail: `${first} was not among the ${who} who joined the video call, but some joined without an email address, so ${first} may have joined under another name.`,
        },
  };
}

function rsvpFinding(input: MeetingAssessmentInput, first: string): Finding | null {
  const { meeting, policy } = input;
  if (meeting.prospectResponse !== 'declined' && meeting.prospectResponse !== 'needs_action') return null;
  const windowMs = policy.contactWindowMinutes * 60_000;
  const from = meeting.start.getTime() - windowMs;
  const to = meeting.end.getTime() + windowMs;
  const inTouch = input.messagesFromProspectAt.some((at) => at.getTime() >= from && at.getTime() <= to);
  if (inTouch) return null;
  return {
    points: 'missed',
    evidence: {
      kind: 'rsvp',
      confidence: 'possible',
      detail:
        meeting.prospectResponse === 'declined'
          ? `${first} declined the invite and sent no message around the meeting.`
          : `${first} never answered the invite and sent no message around the meeting.`,
    },
  };
}

/**
 * The outcome of a meeting and the evidence for it.
 * The strongest kind of evidence that points one way decides (rep mark > event keyword >
 * conference attendance > RSVP); a kind that points both ways decides nothing.
 */
export function assessMeeting(input: MeetingAssessmentInput): MeetingAssessment {
  const { meeting, now, prospect } = input;
  if (meeting.outcome === 'cancelled') return { outcome: 'cancelled', evidence: [] };
  if (now.getTime() < meeting.end.getTime()) return { outcome: 'scheduled', evidence: [] };

  const first = firstName(prospect.name, prospect.email);
  const findings: Finding[] = [];
  const mark = repMarkFinding(meeting, first);
  if (mark) findings.push(mark);
  findings.push(...keywordFindings(meeting, first));
  const attended = attendanceFinding(input.attendance, prospect, first);
  if (attended) findings.push(attended);
  const rsvp = rsvpFinding(input, first);
  if (rsvp) findings.push(rsvp);

  let outcome: MeetingOutcome = 'unknown';
  for (const kind of EVIDENCE_KINDS) {
    const directions = new Set(findings.filter((f) => f.evidence.kind === kind).map((f) => f.points));
    if (directions.size === 1) {
      outcome = [...directions][0]!;
      break;
    }
  }
  // findings were pushed in EVIDENCE_KINDS order already; keep that order explicit.
  const rank = (k: NoShowEvidence['kind']): number => EVIDENCE_KINDS.indexOf(k);
  const evidence = findings.map((f) => f.evidence).sort((a, b) => rank(a.kind) - rank(b.kind));
  return { outcome, evidence };
}
