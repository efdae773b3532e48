import type { ProviderSet } from '../../ports/providers.js';
import { PASSWORD_RECONNECT, type ProviderFactory } from '../factory.js';
import { CaldavCalendarAdapter } from './caldav-calendar.adapter.js';
import { CaldavClient } from './caldav.client.js';
import { ImapClient } from './imap.client.js';
import { ImapMailboxAdapter } from './imap-mailbox.adapter.js';
import { SmtpClient } from './smtp.client.js';
import { SmtpImapSenderAdapter } from './smtp-imap-sender.adapter.js';

/**
 * The standard provider family: CalDAV for the calendar, IMAP for replies and the Sent copy,
 * SMTP for sending (Fastmail, iCloud, Nextcloud, Zoho, mailbox.org, SOGo, any Dovecot/Postfix).
 * Passwords are app passwords read from the environment variables the config names. Nothing
 * connects here: the first call of a tick logs in, so a refused password surfaces as
 * AUTH_REVOKED on that account only.
 */
export const createStandardProviders: ProviderFactory = async (input) => {
  const { account, config, now, logger } = input;
  const { caldav, imap, smtp } = account;
  if (!caldav || !imap || !smtp) {
    throw new Error(`Account "${account.id}" uses provider "standard" but lacks its caldav, imap or smtp section; see README, "Standard protocols".`);
  }
  const env = (name: string | undefined) => () => (name ? config.env.get(name) : undefined);
  const imapClient = new ImapClient({ host: imap.host, port: imap.port, secure: imap.secure, user: imap.user, passwordEnv: imap.passwordEnv, password: env(imap.passwordEnv) });
  const smtpClient = new SmtpClient({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure ?? smtp.port === 465,
    user: smtp.user ?? (smtp.passwordEnv ? imap.user : undefined),
    passwordEnv: smtp.passwordEnv,
    password: env(smtp.passwordEnv),
  });
  const sender = new SmtpImapSenderAdapter({ imap: imapClient, smtp: smtpClient, sentFolder: imap.sent ?? null, now, logger });
  const caldavClient = new CaldavClient({ url: caldav.url, username: caldav.username, passwordEnv: caldav.passwordEnv, password: env(caldav.passwordEnv), calendar: caldav.calendar, now });
  const calendar = new CaldavCalendarAdapter({
    calendarId: `caldav:${account.id}`,
    client: caldavClient,
    floatingZone: account.timeZone,
    repEmail: account.email,
    sender,
    now,
    logger,
  });
  const set: ProviderSet = {
    calendar,
    sender,
    mailbox: new ImapMailboxAdapter({ imap: imapClient, inbox: imap.inbox, sent: imap.sent ?? null, logger }),
    attendance: null,
    drafts: null,
    // CalDAV has no video meetings to add (conference applies to Google Meet and Microsoft Teams).
    conference: false,
    reconnect: PASSWORD_RECONNECT,
    // Every credential, each with its own message: CalDAV discovery, IMAP login, SMTP login.
    async checkConnection() {
      await caldavClient.calendar();
      await imapClient.session(() => imapClient.state(imap.inbox));
      await smtpClient.verify();
    },
  };
  return set;
};
