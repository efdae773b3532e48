/** What `followup init` writes: a commented starting point. */
export const STARTER_CONFIG = `# followup configuration. Secrets never go here: name environment variables instead.
# Reference: README.md, "Configuration".

# Your prospects: who you sell to and what you promised them.
prospects: prospects.yaml

# SQLite file used when DATABASE_URL is not set (set DATABASE_URL=postgres://... for several workers).
store:
  sqlitePath: ./data/followup.db

# \`followup serve\` runs the worker on this cron expression.
schedule: "*/10 * * * *"

# The playbook's numbers (all optional; these are the defaults).
policy:
  businessHours: { start: "09:00", end: "17:00", days: [1, 2, 3, 4, 5] }  # in the prospect's zone
  skipPublicHolidays: true
  nudgeDelayMinutes: 120        # first nudge after a missed meeting's end
  cadenceBusinessDays: [2, 5, 10]
  cadenceRepeatDays: 14
  maxNudges: 6
  apologyAfterDays: 7           # a follow-up later than this opens with an apology
  agesAfterDays: 183            # later than this: "it's been ages" and a fresh question
  maxEmailsPerWeek: 2           # per prospect
  meetingMinutes: 30
  reminderMinutes: 15

accounts:
  - id: me
    name: Your Name
    email: you@example.com
    timeZone: America/New_York
    provider: local             # local | google | microsoft
    local:
      calendarDir: ~/.calendars/work     # a vdir (vdirsyncer, khal)
      maildir: ~/Mail/work/INBOX         # a Maildir (mbsync, offlineimap)
      outgoing:
        kind: maildir                    # or: kind: smtp, host, port, user, passwordEnv: SMTP_PASSWORD
        dir: ~/Mail/work/outbox
`;

export const STARTER_PROSPECTS = `# One entry per prospect. nextStep.due is when you said you would follow up.
- email: linda@example.com
  name: Linda Park
  company: Acme
  timeZone: America/New_York
  hotButton: cutting onboarding time
  materialSent: ["Pilot plan (PDF)"]
  nextStep: { what: "send the pilot plan", due: "2026-12-01T14:00:00Z" }
`;
