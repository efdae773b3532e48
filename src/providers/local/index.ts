import { resolveFromConfig } from '../../config.js';
import type { MailSender, ProviderSet } from '../../ports/providers.js';
import { PASSWORD_RECONNECT, type ProviderFactory, type ProviderFactoryInput } from '../factory.js';
import { stat } from 'node:fs/promises';
import { MaildirClient } from './maildir.client.js';
import { MaildirMailboxAdapter } from './maildir-mailbox.adapter.js';
import { MaildirSenderAdapter } from './maildir-sender.adapter.js';
import { SentIndex } from './sent-index.client.js';
import { SmtpSenderAdapter } from './smtp-sender.adapter.js';
import { VdirCalendarAdapter } from './vdir-calendar.adapter.js';
import { VdirClient } from './vdir.client.js';

/**
 * The local provider family: standard formats that need no server. A vdir of .ics files is
 * the calendar, a Maildir is the mailbox, and mail goes out into a Maildir outbox or over
 * SMTP. The calendar and mailbox folders must exist (a misspelt path must not read as an empty
 * calendar); the outbox and Sent folders, which only followup writes, are created.
 * No conferencing attendance and no native drafts.
 */
export const createLocalProviders: ProviderFactory = async (input) => {
  const { account, config } = input;
  const local = account.local;
  if (!local) {
    throw new Error(`Account "${account.id}" uses provider "local" but has no "local" section; add local.calendarDir, local.maildir and local.outgoing to the config.`);
  }
  const calendarDir = resolveFromConfig(config, local.calendarDir);
  await requireFolder(account.id, 'local.calendarDir', calendarDir, config.path, 'calendar');
  const maildir = resolveFromConfig(config, local.maildir);
  await requireFolder(account.id, 'local.maildir', maildir, config.path, 'mailbox');
  const inbox = new MaildirClient(maildir, 'mailbox');
  await inbox.ensure();
  const sender = await createSender(input);
  const calendar = new VdirCalendarAdapter({
    calendarId: `local:${account.id}`,
    client: new VdirClient(calendarDir),
    floatingZone: account.timeZone,
    repEmail: account.email,
    sender,
    now: input.now,
    logger: input.logger,
  });
  const set: ProviderSet = {
    calendar,
    sender,
    mailbox: new MaildirMailboxAdapter(inbox, input.logger),
    attendance: null,
    drafts: null,
    // A vdir calendar has no video meetings to add.
    conference: false,
    reconnect: PASSWORD_RECONNECT,
    // What can disconnect a local account is a refused SMTP login: check it again.
    ...(sender instanceof SmtpSenderAdapter ? { checkConnection: () => sender.verify() } : {}),
  };
  return set;
};

async function createSender(input: ProviderFactoryInput): Promise<MailSender> {
  const { account, config, now, logger } = input;
  const outgoing = account.local!.outgoing;
  if (outgoing.kind === 'maildir') {
    const outbox = new MaildirClient(resolveFromConfig(config, outgoing.dir), 'outbox');
    await outbox.ensure();
    return new MaildirSenderAdapter(outbox, new SentIndex(outbox), now, logger);
  }
  let sent: { maildir: MaildirClient; index: SentIndex } | null = null;
  if (outgoing.sentDir) {
    const maildir = new MaildirClient(resolveFromConfig(config, outgoing.sentDir), 'Sent folder');
    await maildir.ensure();
    sent = { maildir, index: new SentIndex(maildir) };
  }
  const passwordEnv = outgoing.passwordEnv;
  return new SmtpSenderAdapter(
    {
      host: outgoing.host,
      port: outgoing.port,
      secure: outgoing.secure,
      // With a password but no user name, log in as the account's address.
      user: outgoing.user ?? (passwordEnv ? account.email : undefined),
      passwordEnv,
      password: () => (passwordEnv ? config.env.get(passwordEnv) : undefined),
    },
    sent,
    now,
    logger,
  );
}

/** A folder the rep's own tools fill (vdirsyncer, mbsync): never created, or a typo reads as "empty". */
async function requireFolder(accountId: string, key: string, path: string, configPath: string, what: string): Promise<void> {
  const found = await stat(path).catch(() => null);
  if (found?.isDirectory()) return;
  const problem = found ? 'is not a folder' : 'does not exist';
  throw new MissingFolderError(
    `Account "${accountId}": ${key} is ${path}, which ${problem}. Check the spelling of ${key} in ${configPath}; ` +
      `if the ${what} is new, create the folder (or let your sync tool create it) and run again. ` +
      `Until then this account is not read and no drafts are made for its prospects.`,
  );
}

/** The configured calendar or mailbox folder is not there: the account needs the rep's attention. */
export class MissingFolderError extends Error {
  override readonly name = 'MissingFolderError';
}
