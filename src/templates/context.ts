import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import type { Prospect, ThreadRef, TimeInterval } from '../domain/types.js';
import { formatWithZone } from '../domain/zone-label.js';
import { firstName } from '../domain/names.js';

/** The bundled templates folder (package root /templates), from src/ or dist/. */
export const BUNDLED_TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');

export interface TemplateInput {
  prospect: Prospect;
  rep: { name: string; email: string; timeZone: string };
  thread?: ThreadRef | null;
  meeting?: { start: Date; end: Date; title: string } | null;
  booking?: { start: Date; end: Date; timeZone: string } | null;
  slots?: TimeInterval[];
  alternatives?: { start: Date; end: Date | null }[];
  gapDays?: number | null;
  step?: number | null;
  lastContact?: string | null;
  /** meeting-confirm: the meeting's time as the prospect reads it ("tomorrow at 3:00 PM CET"). */
  meetingWhen?: string | null;
  /** missed-nudge-1: "another day this week" still holds when the email goes out (src/domain/nudge-words.ts). */
  thisWeek?: boolean | null;
  /** rep-brief: the prospect has not accepted the invite (plain words), else null. */
  unconfirmed?: string | null;
  /** hand-sent-follow-up: the subject of the rep's email and when it went out. */
  sentEmail?: { subject: string; at: Date } | null;
}

/** "last month", "two weeks ago"... the words an apology uses for the gap (R3). */
export function gapWords(days: number): string {
  if (days < 14) return 'last week';
  if (days < 21) return 'a couple of weeks ago';
  if (days < 31) return 'a few weeks ago';
  if (days < 62) return 'last month';
  return 'a few months ago';
}

/** Strips reply prefixes so templates can write "Re: {{thread.subject}}" once. */
export function baseSubject(subject: string | null | undefined): string | null {
  if (!subject) return null;
  return subject.replace(/^\s*((re|aw|sv|antw|fwd?)\s*:\s*)+/i, '').trim() || null;
}

/**
 * Every key any template may read is present (null when unknown): templates compile in strict
 * mode, so a misspelt or forgotten variable fails loudly instead of sending a half-filled email.
 */
export function buildTemplateContext(input: TemplateInput): Record<string, unknown> {
  const p = input.prospect;
  return {
    prospect: {
      name: p.name,
      firstName: firstName(p.name),
      email: p.email,
      company: p.company ?? null,
      timeZone: p.timeZone,
      hotButton: p.hotButton ?? null,
    },
    rep: { name: input.rep.name, firstName: firstName(input.rep.name), email: input.rep.email, timeZone: input.rep.timeZone },
    thread: { subject: baseSubject(input.thread?.subject) },
    nextStep: { what: p.nextStep?.what ?? null, due: p.nextStep?.due ?? null },
    material: p.materialSent,
    meeting: input.meeting ?? null,
    booking: input.booking ?? null,
    slots: input.slots ?? [],
    alternatives: input.alternatives ?? [],
    gapDays: input.gapDays ?? null,
    gapWords: input.gapDays != null ? gapWords(input.gapDays) : null,
    step: input.step ?? null,
    lastContact: input.lastContact ?? null,
    meetingWhen: input.meetingWhen ?? null,
    thisWeek: input.thisWeek ?? false,
    unconfirmed: input.unconfirmed ?? null,
    sentEmail: input.sentEmail ?? null,
  };
}

/** "Tuesday, November 24 at 3:00 PM" in a zone, for plain-words reasons. */
export function spellInstant(at: Date, zone: string): string {
  return formatWithZone(at, zone, "cccc, LLLL d 'at' h:mm a");
}
