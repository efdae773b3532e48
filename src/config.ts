import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, resolve } from 'node:path';
import { CORE_SCHEMA, load as loadYamlFast } from 'js-yaml';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { DEFAULT_POLICY, type FollowUpPolicy } from './domain/policy.js';
import { WEBHOOK_EVENT_TYPES } from './domain/webhook-events.js';

/**
 * One config file (YAML), validated once at start with zod. Secrets never live in it: it
 * names environment variables instead (`passwordEnv`, `clientSecretEnv`), read here, once.
 */

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like "09:00"');
/** Zones already checked: building an Intl.DateTimeFormat costs about a millisecond, and a config
 *  of many reps names the same few zones again and again. */
const zoneChecked = new Map<string, boolean>();
/** The zones ICU lists (about 420, read once in about a millisecond): each is valid without
 *  building a formatter, whose first use of a zone costs up to 10 ms. Others ("UTC", links such
 *  as "US/Eastern") are checked by building one. */
let zonesListed: ReadonlySet<string> | null = null;
export function isTimeZone(name: string): boolean {
  let ok = zoneChecked.get(name);
  if (ok === undefined) {
    zonesListed ??= new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
    if (zonesListed.has(name)) ok = true;
    else {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: name });
        ok = true;
      } catch {
        ok = false;
      }
    }
    zoneChecked.set(name, ok);
  }
  return ok;
}

/** A string that must name an IANA time zone; the error shows `example`. */
export function timeZoneSchema(example: string) {
  return z.string().refine(isTimeZone, `an IANA time zone such as "${example}"`);
}

/**
 * The config's YAML. js-yaml (YAML 1.2 core schema, the same as the `yaml` package's) reads a
 * config of many reps about ten times faster; anything it rejects is read again by `yaml`, whose
 * result or error message is the one that counts (so errors read as they always did).
 */
export function parseConfigYaml(text: string): unknown {
  try {
    return loadYamlFast(text, { schema: CORE_SCHEMA });
  } catch {
    return parseYaml(text);
  }
}

const zone = timeZoneSchema('Europe/Berlin');

const policySchema = z
  .object({
    businessHours: z
      .object({ start: hhmm, end: hhmm, days: z.array(z.number().int().min(1).max(7)).min(1) })
      .default(DEFAULT_POLICY.businessHours),
    skipPublicHolidays: z.boolean().default(DEFAULT_POLICY.skipPublicHolidays),
    /** Public holidays the organisation works through, by name ("Columbus Day", "Veterans Day"). */
    workingHolidays: z.array(z.string().min(1)).default([]),
    nudgeDelayMinutes: z.number().int().min(0).default(DEFAULT_POLICY.nudgeDelayMinutes),
    cadenceBusinessDays: z.array(z.number().int().min(1)).default(DEFAULT_POLICY.cadenceBusinessDays),
    cadenceRepeatDays: z.number().int().min(1).default(DEFAULT_POLICY.cadenceRepeatDays),
    maxNudges: z.number().int().min(1).max(50).default(DEFAULT_POLICY.maxNudges),
    apologyAfterDays: z.number().min(0).default(DEFAULT_POLICY.apologyAfterDays),
    agesAfterDays: z.number().min(1).default(DEFAULT_POLICY.agesAfterDays),
    maxEmailsPerWeek: z.number().int().min(1).default(DEFAULT_POLICY.maxEmailsPerWeek),
    meetingMinutes: z.number().int().min(5).default(DEFAULT_POLICY.meetingMinutes),
    reminderMinutes: z.number().int().min(0).default(DEFAULT_POLICY.reminderMinutes),
    callReminderMinutes: z.number().int().min(0).default(DEFAULT_POLICY.callReminderMinutes),
    briefMinutesBefore: z.number().int().min(0).default(DEFAULT_POLICY.briefMinutesBefore),
    oooDefaultPauseDays: z.number().int().min(1).default(DEFAULT_POLICY.oooDefaultPauseDays),
    contactWindowMinutes: z.number().int().min(0).default(DEFAULT_POLICY.contactWindowMinutes),
    /** Offered slots start at least this many business hours after the offer goes out. */
    slotLeadHours: z.number().min(0).default(DEFAULT_POLICY.slotLeadHours),
    /** A meeting not accepted this many hours before its start gets a confirmation draft. */
    confirmBeforeHours: z.number().min(1).default(DEFAULT_POLICY.confirmBeforeHours),
    bookWithoutAsking: z.boolean().default(DEFAULT_POLICY.bookWithoutAsking),
    /** A reply that needs the rep's answer: remind after this many business hours. */
    needsReplyHours: z.number().min(0).default(DEFAULT_POLICY.needsReplyHours),
    callEveryBusinessDays: z.number().int().min(1).default(DEFAULT_POLICY.callEveryBusinessDays),
    maxCalls: z.number().int().min(1).max(50).default(DEFAULT_POLICY.maxCalls),
  })
  .strict()
  .refine((p) => p.agesAfterDays > p.apologyAfterDays, {
    message: 'agesAfterDays must be greater than apologyAfterDays',
    path: ['agesAfterDays'],
  });

const smtpSchema = z
  .object({
    kind: z.literal('smtp'),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(587),
    secure: z.boolean().default(false),
    user: z.string().optional(),
    /** Name of the environment variable that holds the SMTP password. */
    passwordEnv: z.string().optional(),
    /** Also keep a copy of every sent message here (lets the worker check for it after a crash). */
    sentDir: z.string().optional(),
  })
  .strict();

const maildirOutSchema = z.object({ kind: z.literal('maildir'), dir: z.string().min(1) }).strict();

const localSchema = z
  .object({
    /** A vdir: a folder of .ics files (vdirsyncer, khal). Booked meetings are written here too. */
    calendarDir: z.string().min(1),
    /** A Maildir the worker reads replies from (mbsync, offlineimap, getmail). */
    maildir: z.string().min(1),
    outgoing: z.discriminatedUnion('kind', [maildirOutSchema, smtpSchema]),
  })
  .strict();

const approvalSchema = z.enum(['worker', 'gmail-drafts', 'outlook-drafts']).default('worker');

const googleSchema = z
  .object({
    calendarId: z.string().default('primary'),
    /** Add a Meet link to booked meetings. */
    conference: z.boolean().default(false),
    /** 'oauth' (one rep, `followup auth google`) or 'service-account' (domain-wide delegation). */
    auth: z.enum(['oauth', 'service-account']).default('oauth'),
    clientId: z.string().optional(),
    clientSecretEnv: z.string().default('GOOGLE_CLIENT_SECRET'),
    serviceAccountKeyEnv: z.string().default('GOOGLE_SERVICE_ACCOUNT_KEY'),
    /** Point the client at an emulator (tests, demo): e.g. http://127.0.0.1:8085/ */
    rootUrl: z.string().url().optional(),
    /** Requests per second per user (pacing under Google's per-user quota). */
    requestsPerSecond: z.number().positive().default(5),
  })
  .strict();

const microsoftSchema = z
  .object({
    /** Add a Teams link to booked meetings. */
    conference: z.boolean().default(false),
    auth: z.enum(['device-code', 'client-credentials']).default('device-code'),
    tenantId: z.string().default('common'),
    clientId: z.string().optional(),
    clientSecretEnv: z.string().default('MICROSOFT_CLIENT_SECRET'),
    /** Point the client at an emulator: e.g. http://127.0.0.1:8086/ */
    baseUrl: z.string().url().optional(),
    authorityHost: z.string().url().optional(),
  })
  .strict();

/** Standard protocols (provider: standard): CalDAV, IMAP and SMTP with app passwords from the environment. */
const caldavSchema = z
  .object({
    /** The server, or the calendar home; discovery starts at /.well-known/caldav of this host. */
    url: z.string().url(),
    username: z.string().min(1),
    /** Name of the environment variable holding the (app) password. */
    passwordEnv: z.string().min(1),
    /** The calendar's display name or URL; the first calendar with events when absent. */
    calendar: z.string().min(1).optional(),
  })
  .strict();

const imapSchema = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(993),
    secure: z.boolean().default(true),
    user: z.string().min(1),
    passwordEnv: z.string().min(1),
    inbox: z.string().min(1).default('INBOX'),
    /** The Sent folder (or "All Mail"); the folder flagged \Sent by the server when absent. */
    sent: z.string().min(1).optional(),
  })
  .strict();

const standardSmtpSchema = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(465),
    /** TLS from the start (465); false means STARTTLS (587). Default: true on 465. */
    secure: z.boolean().optional(),
    user: z.string().min(1).optional(),
    passwordEnv: z.string().min(1).optional(),
  })
  .strict();

/** A read-only iCalendar feed: https:// or webcal:// (read as https). */
const feedUrl = z
  .string()
  .regex(/^(https?|webcal):\/\//i, 'an https:// or webcal:// address of an .ics feed');

const accountSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/i, 'letters, digits, - and _'),
    name: z.string().min(1),
    email: z.string().email(),
    timeZone: zone,
    role: z.enum(['rep', 'admin']).default('rep'),
    provider: z.enum(['local', 'google', 'microsoft', 'standard']),
    approval: approvalSchema,
    local: localSchema.optional(),
    google: googleSchema.optional(),
    microsoft: microsoftSchema.optional(),
    caldav: caldavSchema.optional(),
    imap: imapSchema.optional(),
    smtp: standardSmtpSchema.optional(),
    /** Read-only calendar feeds: their events count as busy time and for meeting matching; never written. */
    feeds: z.array(feedUrl).default([]),
  })
  .strict()
  .superRefine((a, ctx) => {
    const sections = a.provider === 'standard' ? (['caldav', 'imap', 'smtp'] as const) : [a.provider];
    for (const section of sections) {
      if (!a[section]) {
        ctx.addIssue({ code: 'custom', path: [section], message: `provider is "${a.provider}" but the "${section}" section is missing` });
      }
    }
  });

export const configSchema = z
  .object({
    /** Prospects file (YAML or JSON list), relative to the config file. */
    prospects: z.string().optional(),
    /** Folder of .hbs email templates; the bundled ones when absent. */
    templates: z.string().optional(),
    store: z
      .object({
        /** SQLite file, used when DATABASE_URL is not set. */
        sqlitePath: z.string().default('./data/followup.db'),
      })
      .strict()
      .default({ sqlitePath: './data/followup.db' }),
    policy: policySchema.default(DEFAULT_POLICY),
    /** `followup serve` runs the tick on this cron expression. */
    schedule: z.string().default('*/10 * * * *'),
    /** Calendar window synced around now. */
    sync: z
      .object({
        pastDays: z.number().int().min(1).default(30),
        futureDays: z.number().int().min(1).default(60),
        /** Alert when a calendar or mailbox has not synced for this long. */
        staleAfterMinutes: z.number().int().min(1).default(120),
      })
      .strict()
      .default({ pastDays: 30, futureDays: 60, staleAfterMinutes: 120 }),
    web: z
      .object({
        port: z.number().int().min(1).max(65535).default(8787),
        /** Address `serve` listens on (HOST overrides it; 0.0.0.0 in a container). */
        host: z.string().min(1).default('127.0.0.1'),
        /** Public address of the approval pages (links in emails). */
        baseUrl: z.string().url().default('http://127.0.0.1:8787'),
        /** Address the digest and sign-in links are sent from. */
        from: z.string().email().optional(),
        /** The daily digest email with one-click approve links (needs FOLLOWUP_WEB_SECRET or `serve`). */
        digest: z.boolean().default(true),
      })
      .strict()
      .default({ port: 8787, host: '127.0.0.1', baseUrl: 'http://127.0.0.1:8787', digest: true }),
    /**
     * Push notifications (Microsoft Graph subscriptions, Google Calendar watch channels, Gmail
     * watch through Pub/Sub): `publicUrl` is where the provider can reach `serve` (HTTPS in
     * production); unset = polling only. `gmailTopic` is the Pub/Sub topic Gmail publishes to
     * (`projects/<project>/topics/<name>`); unset = Gmail is polled. The safety poll syncs every
     * account at least this often whatever the notifications say. `gmailAudience` (and
     * optionally `gmailServiceAccount`) turn on the check of Pub/Sub's OIDC token.
     */
    push: z
      .object({
        publicUrl: z.string().url().optional(),
        safetyPollMinutes: z.number().int().min(1).default(60),
        gmailTopic: z
          .string()
          .regex(/^projects\/[^/]+\/topics\/[^/]+$/, 'a Pub/Sub topic name such as projects/my-project/topics/gmail-push')
          .optional(),
        /**
         * The audience of the OIDC token Pub/Sub sends with each Gmail push (the push
         * subscription's `--push-auth-token-audience`, by default its push endpoint URL). Set =
         * every push must carry a valid Google-signed token for it (401 otherwise).
         */
        gmailAudience: z.string().min(1).optional(),
        /** The push subscription's service account (`--push-auth-service-account`): the token's `email` must be it. */
        gmailServiceAccount: z.string().email().optional(),
        /** Where Google's token-signing keys are read (an emulator serves its own); default https://www.googleapis.com/oauth2/v3/certs. */
        gmailJwksUrl: z.string().url().optional(),
      })
      .strict()
      .refine((p) => p.gmailServiceAccount === undefined || p.gmailAudience !== undefined, {
        message: 'gmailServiceAccount needs gmailAudience (the audience of the push subscription\'s OIDC token)',
        path: ['gmailServiceAccount'],
      })
      .default({ safetyPollMinutes: 60 }),
    /** Outgoing webhooks (signed, retried, idempotent): booked, no_show, replied, opted_out, bounced. */
    webhooks: z
      .array(
        z
          .object({
            url: z.string().url(),
            /** Environment variable holding the HMAC-SHA256 signing secret. */
            secretEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name such as FOLLOWUP_WEBHOOK_SECRET').default('FOLLOWUP_WEBHOOK_SECRET'),
            /** Only these events (default: all). */
            events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).default([]),
          })
          .strict(),
      )
      .default([]),
    accounts: z.array(accountSchema).min(1, 'at least one account (a rep) is needed'),
  })
  .strict();

export type ConfigFile = z.infer<typeof configSchema>;
export type AccountConfig = ConfigFile['accounts'][number];

/** The parsed configuration plus what comes from the environment. Built once, passed down. */
export interface AppConfig extends ConfigFile {
  /** Absolute path of the config file (relative paths in it resolve from its folder). */
  path: string;
  baseDir: string;
  policy: FollowUpPolicy;
  env: {
    databaseUrl: string | null;
    /** Read by the few components that need it; never logged. */
    get: (name: string) => string | undefined;
  };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** One line per zod issue: "accounts[0].timeZone: an IANA time zone such as ...". */
export function issueLines(issues: z.core.$ZodIssue[]): string[] {
  return issues.map((i) => {
    const path = i.path
      .map((p, n) => (typeof p === 'number' ? `[${p}]` : n === 0 ? String(p) : `.${String(p)}`))
      .join('');
    return `${path || '(top level)'}: ${i.message}`;
  });
}

/** The whole message for a config file with bad keys, one "  - key: expected" line each. */
export function describeIssues(issues: z.core.$ZodIssue[], file: string): string {
  const lines = issueLines(issues).map((l) => `  - ${l}`);
  return `Config file ${file} is not valid:\n${lines.join('\n')}\nFix these keys (see README, "Configuration") and run again.`;
}

export function parseConfig(text: string, file: string, env: NodeJS.ProcessEnv = process.env): AppConfig {
  let data: unknown;
  try {
    data = parseConfigYaml(text);
  } catch (err) {
    throw new ConfigError(`Config file ${file} is not valid YAML: ${(err as Error).message}`);
  }
  const result = configSchema.safeParse(data ?? {});
  if (!result.success) throw new ConfigError(describeIssues(result.error.issues, file));
  const baseDir = dirname(resolve(file));
  const ids = new Set<string>();
  for (const a of result.data.accounts) {
    if (ids.has(a.id)) throw new ConfigError(`Config file ${file}: two accounts have the id "${a.id}"; ids must be unique.`);
    ids.add(a.id);
  }
  return {
    ...result.data,
    path: resolve(file),
    baseDir,
    env: { databaseUrl: env.DATABASE_URL || null, get: (name) => env[name] },
  };
}

export function loadConfig(file: string, env: NodeJS.ProcessEnv = process.env): AppConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(
      `No config file at ${resolve(file)}. Create one with \`followup init\`, or pass --config <file>.`,
    );
  }
  return parseConfig(text, file, env);
}

/** Resolves a path from the config file's folder; `~/` is the user's home. */
export function resolveFromConfig(config: Pick<AppConfig, 'baseDir'>, path: string): string {
  if (path === '~' || path.startsWith('~/')) return resolve(homedir(), path.slice(2));
  return isAbsolute(path) ? path : resolve(config.baseDir, path);
}
