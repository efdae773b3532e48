/**
 * The organisation's follow-up policy: every number the playbook leaves to the org.
 * Defaults come from ../shared/docs/playbook.md; config.ts maps the config file onto this.
 */
export interface BusinessHours {
  /** "HH:mm" in the prospect's zone. */
  start: string;
  end: string;
  /** ISO weekdays (1 = Monday ... 7 = Sunday). */
  days: number[];
}

export interface FollowUpPolicy {
  businessHours: BusinessHours;
  /** Skip public holidays of the prospect's country. */
  skipPublicHolidays: boolean;
  /** Public holidays worked through anyway, by name as date-holidays spells them ("Columbus Day"); any case. */
  workingHolidays: string[];
  /** R2: first nudge this long after the meeting's end, then moved into business hours. */
  nudgeDelayMinutes: number;
  /** R2: later nudges, in business days after the previous nudge. */
  cadenceBusinessDays: number[];
  /** R2: after the listed steps, one nudge every this many days... */
  cadenceRepeatDays: number;
  /** ...up to this many nudges in all for one missed meeting. */
  maxNudges: number;
  /** R3: gaps below this get no apology. */
  apologyAfterDays: number;
  /** R3: gaps above this get the "it's been ages" tone. */
  agesAfterDays: number;
  /** R4: at most this many emails to one prospect in any 7 days. */
  maxEmailsPerWeek: number;
  /** R1: booked meetings last this long. */
  meetingMinutes: number;
  /** R1: reminder on booked meetings. */
  reminderMinutes: number;
  /** R2: call-again reminder after a missed meeting. */
  callReminderMinutes: number;
  /** R6: the rep's brief goes out this long before a booked meeting. */
  briefMinutesBefore: number;
  /** Out-of-office without a return date: retry after this many days. */
  oooDefaultPauseDays: number;
  /** Evidence window: a message from the prospect this close to a meeting means they were in touch. */
  contactWindowMinutes: number;
  /** R1: offered slots start at least this many business hours after the offer goes out. */
  slotLeadHours: number;
  /** A meeting the prospect has not accepted this many hours before its start gets a confirmation draft. */
  confirmBeforeHours: number;
  /**
   * A reply that names a time the parser reads as certain is booked at once (true), or the rep is
   * asked first, with the reading spelled out (false). An offered slot the prospect picks is booked
   * either way: it is the rep's own offer.
   */
  bookWithoutAsking: boolean;
  /** A reply that needs the rep's own answer: the rep is reminded after this many business hours. */
  needsReplyHours: number;
  /** R2, R4: after a missed meeting, a call hold every this many business days ("a couple of times a week")... */
  callEveryBusinessDays: number;
  /** ...up to this many calls (holds) in all; each logged voicemail or no-answer counts as one. */
  maxCalls: number;
}

export const DEFAULT_POLICY: FollowUpPolicy = {
  businessHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
  skipPublicHolidays: true,
  workingHolidays: [],
  nudgeDelayMinutes: 120,
  cadenceBusinessDays: [2, 5, 10],
  cadenceRepeatDays: 14,
  maxNudges: 6,
  apologyAfterDays: 7,
  agesAfterDays: 183,
  maxEmailsPerWeek: 2,
  meetingMinutes: 30,
  reminderMinutes: 15,
  callReminderMinutes: 15,
  briefMinutesBefore: 60,
  oooDefaultPauseDays: 7,
  contactWindowMinutes: 24 * 60,
  slotLeadHours: 20,
  confirmBeforeHours: 24,
  bookWithoutAsking: true,
  needsReplyHours: 4,
  callEveryBusinessDays: 2,
  maxCalls: 6,
};
