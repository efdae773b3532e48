import { sql, type Kysely } from 'kysely';

/**
 * Google events kept per account. They were keyed by Google's calendar id alone, which is
 * "primary" for every rep, so the events of two Google reps overwrote each other (and each full
 * sync deleted the other reps' events). The store key is now `google:<account>:<calendar id>`
 * (googleCalendarKey in src/providers/google/google.mapper.ts):
 *  - events and meetings of Google accounts move to that key (each row keeps the account that
 *    last wrote it, events.account_id / meetings.account_id);
 *  - the accounts' calendar sync cursors move with them, cleared, so the next run does one full
 *    sync per account that brings back any event another account's sync had deleted.
 * Rows already in the new form (and every other provider's rows) are left alone. Runs the same on
 * SQLite and PostgreSQL (`||` and substr are common to both).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const google = sql`(select id from accounts where provider = 'google')`;
  await sql`update events set calendar_id = 'google:' || account_id || ':' || calendar_id
            where account_id in ${google} and calendar_id not like 'google:%'`.execute(db);
  await sql`update meetings set calendar_id = 'google:' || account_id || ':' || calendar_id
            where account_id in ${google} and calendar_id not like 'google:%'`.execute(db);
  await sql`update cursors set cursor_key = 'calendar:google:' || account_id || ':' || substr(cursor_key, 10), cursor = null
            where account_id in ${google} and cursor_key like 'calendar:%' and cursor_key not like 'calendar:google:%'`.execute(db);
}
