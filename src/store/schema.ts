/**
 * Row types of the current schema, as Kysely sees them. They describe the tables after the last
 * migration in ./migrations; when a migration changes a table, change its row type here too.
 * (Migrations themselves never import these types: a migration is frozen history.)
 *
 * Conventions (see migrations/0001-init.ts for why):
 * - instants are ISO-8601 UTC text (`Date#toISOString()`, fixed width, millisecond precision);
 * - booleans are integers 0/1;
 * - arrays and objects are JSON text (columns named `*_json`);
 * - `*_lower` columns hold the lower-cased email used for case-insensitive lookups.
 */

export interface AccountsTable {
  id: string;
  email: string;
  email_lower: string;
  name: string;
  time_zone: string;
  provider: string;
  role: string;
  status: string;
  status_detail: string | null;
}

export interface CredentialsTable {
  account_id: string;
  kind: string;
  ciphertext: string;
}

export interface ProspectsTable {
  id: string;
  account_id: string;
  email: string;
  email_lower: string;
  name: string;
  company: string | null;
  time_zone: string;
  country: string | null;
  hot_button: string | null;
  material_sent_json: string;
  next_step_json: string | null;
  status: string;
  paused_until: string | null;
  status_reason: string | null;
  /** 0007: further addresses (JSON list) and the phone number. */
  emails_json?: string | null;
  phone?: string | null;
}

export interface EventsTable {
  calendar_id: string;
  id: string;
  account_id: string;
  uid: string | null;
  title: string;
  description: string | null;
  start_at: string;
  end_at: string;
  all_day: number;
  status: string;
  organizer_email: string | null;
  attendees_json: string;
  categories_json: string;
  conference_json: string | null;
  recurring_event_id: string | null;
  original_start: string | null;
  updated_at: string | null;
}

export interface MeetingsTable {
  id: string;
  account_id: string;
  prospect_id: string;
  event_id: string;
  calendar_id: string;
  title: string;
  start_at: string;
  end_at: string;
  outcome: string;
  prospect_response: string;
  evidence_json: string;
  marked_by: string | null;
  conference_json: string | null;
  categories_json: string;
}

export interface AttemptsTable {
  id: string;
  prospect_id: string;
  account_id: string;
  at: string;
  kind: string;
  outcome: string | null;
  detail: string;
  ref_id: string | null;
}

export interface MessagesTable {
  account_id: string;
  provider_id: string;
  prospect_id: string;
  direction: string;
  message_id: string | null;
  thread_id: string | null;
  in_reply_to: string | null;
  references_json: string;
  subject: string;
  at: string;
  reply_kind: string | null;
  parsed_json: string | null;
  visible_text: string | null;
  recorded_at?: string | null;
}

export interface DraftsTable {
  id: string;
  account_id: string;
  prospect_id: string;
  reason_key: string;
  template: string;
  to_email: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  status: string;
  send_at: string;
  reason: string;
  evidence_json: string;
  thread_json: string;
  auto_approved: number;
  approved_by: string | null;
  approved_at: string | null;
  rejected_reason: string | null;
  rejected_by: string | null;
  rejected_at: string | null;
  cancelled_reason: string | null;
  edited_by: string | null;
  edited_at: string | null;
  created_at: string;
  attachments_json: string;
  native_draft_id: string | null;
  message_id: string | null;
  send_at_by_rep?: number | null;
}

export interface OutboxTable {
  id: string;
  draft_id: string | null;
  account_id: string;
  prospect_id: string | null;
  message_id: string;
  from_email: string;
  from_name: string;
  to_email: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  thread_json: string;
  attachments_json: string;
  status: string;
  attempts: number;
  not_before: string;
  last_error: string | null;
  sent_at: string | null;
  provider_message_id: string | null;
  claimed_by: string | null;
  claimed_at: string | null;
  created_at: string;
}

export interface CursorsTable {
  account_id: string;
  cursor_key: string;
  cursor: string | null;
  last_success_at: string | null;
  last_attempt_at: string | null;
  last_error: string | null;
  not_before: string | null;
}

export interface SuppressionsTable {
  /** Lower-cased. */
  email: string;
  reason: string;
  at: string;
}

export interface BookingsTable {
  id: string;
  account_id: string;
  prospect_id: string;
  start_at: string;
  end_at: string;
  time_zone: string;
  status: string;
  event_id: string | null;
  source_message_id: string | null;
  error: string | null;
  created_at: string;
}

export interface SlotOffersTable {
  id: string;
  prospect_id: string;
  draft_id: string;
  slots_json: string;
  created_at: string;
}

export interface LeasesTable {
  name: string;
  owner: string;
  expires_at: string;
}

export interface UsedTokensTable {
  key: string;
  expires_at: string;
}

export interface SessionsTable {
  sid: string;
  account_id: string;
  expires_at: string;
  ended_at: string | null;
}

export interface RateLimitsTable {
  key: string;
  count: number;
  expires_at: string;
}

export interface WebhookOutboxTable {
  id: string;
  type: string;
  account_id: string;
  prospect_id: string;
  occurred_at: string;
  detail: string;
  ref_id: string | null;
  status: string;
  attempts: number;
  next_attempt_at: string;
  delivered_json: string;
  last_error: string | null;
  created_at: string;
}

/** 0007: next steps set by the rep or found in the rep's email. */
export interface NextStepsTable {
  id: string;
  account_id: string;
  prospect_id: string;
  what: string;
  due_at: string;
  source: string;
  message_id: string | null;
  subject: string | null;
  found_at: string;
}

/** 0007: call holds on the rep's calendar, by stable UID. */
export interface CallHoldsTable {
  uid: string;
  account_id: string;
  prospect_id: string;
  meeting_id: string;
  step: number;
  start_at: string;
  end_at: string;
  status: string;
  event_id: string | null;
  updated_at: string;
}

/** 0007: suppressions the rep lifted. */
export interface SuppressionRemovalsTable {
  id: string;
  email: string;
  reason: string;
  removed_by: string;
  removed_at: string;
  was_reason: string;
  was_at: string;
}

export interface Database {
  accounts: AccountsTable;
  credentials: CredentialsTable;
  prospects: ProspectsTable;
  events: EventsTable;
  meetings: MeetingsTable;
  attempts: AttemptsTable;
  messages: MessagesTable;
  drafts: DraftsTable;
  outbox: OutboxTable;
  cursors: CursorsTable;
  suppressions: SuppressionsTable;
  bookings: BookingsTable;
  slot_offers: SlotOffersTable;
  leases: LeasesTable;
  used_tokens: UsedTokensTable;
  rate_limits: RateLimitsTable;
  sessions: SessionsTable;
  webhook_outbox: WebhookOutboxTable;
  next_steps: NextStepsTable;
  call_holds: CallHoldsTable;
  suppression_removals: SuppressionRemovalsTable;
}
